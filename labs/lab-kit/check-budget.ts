import type { SimulatorSnapshot } from '../../core/index.js';
import type { CheckInfo, CheckReport, InputProblem, LearnerFiles } from './check-types.js';
import { unjudgedReport } from './run-checks.js';

/**
 * Checks run in a worker (a Node worker thread, a Web Worker in the page) so that learner code that never ends
 * cannot hang the CLI or the page: past the time budget the worker is ended and the learner told why.
 * This is the part both kinds of worker share: the messages, and the rules for the budget.
 */

export interface CheckRequest {
  labId: string;
  files: LearnerFiles;
}

/** What a check worker says about a request: first the checks it will run (the lab is loaded), then their report. */
export type CheckWorkerMessage =
  | { kind: 'ready'; input: CheckInfo; checks: CheckInfo[] }
  /** `run`: the simulation the checks judged, where the worker keeps it (the page's, to replay it). */
  | { kind: 'report'; report: CheckReport; run?: SimulatorSnapshot }
  | { kind: 'error'; message: string };

/** A worker as the budget sees it, whatever its kind. It may serve many requests, one at a time. */
export interface CheckWorker {
  /**
   * Sends `request`; `listener` hears the worker's answers, or why it died, until the returned function is
   * called.
   */
  send(request: CheckRequest, listener: (message: CheckWorkerMessage) => void): () => void;
  terminate(): void;
}

/** Ten seconds: every lab's checks take well under two on a slow laptop. */
export const DEFAULT_BUDGET_MS = 10_000;

/**
 * What the budget counts. In Node it is the CPU time the process spends (the check thread's, as the CLI's own
 * thread only waits), so a slow or busy CI runner, which stretches the wall clock, does not fail correct work;
 * a browser has no such clock, and its page counts wall time.
 */
export interface BudgetClock {
  /** Milliseconds on this clock. */
  now(): number;
  /** How a message names what ran out: "of CPU time", or nothing for wall time. */
  words: string;
}

export const WALL_CLOCK: BudgetClock = { now: () => performance.now(), words: '' };

/** How often the clock is read: a loop is stopped within this past the budget. */
const LOOK_EVERY_MS = 50;

/**
 * Runs the checks of `request` in `worker` and resolves with their report. Past `budgetMs` on `clock` (counted
 * once the lab is loaded, so a cold start does not eat it) the worker is ended, and the report's first check
 * says why: `timedOut` tells the caller to start a new worker for the next request.
 */
export function checkWithinBudget(
  worker: CheckWorker,
  request: CheckRequest,
  budgetMs = DEFAULT_BUDGET_MS,
  clock: BudgetClock = WALL_CLOCK,
): Promise<{ report: CheckReport; run?: SimulatorSnapshot; timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const stop = worker.send(request, (message) => {
      if (message.kind === 'ready') {
        const [startedAt, startedReally] = [clock.now(), performance.now()];
        timer = setInterval(() => {
          if (clock.now() - startedAt < budgetMs) return;
          clearInterval(timer);
          stop();
          worker.terminate();
          const seconds = (performance.now() - startedReally) / 1000;
          resolve({ report: unjudgedReport(message.input, message.checks, outOfTime(request.files, budgetMs, clock), seconds), timedOut: true });
        }, Math.min(LOOK_EVERY_MS, budgetMs));
        return;
      }
      clearInterval(timer);
      stop();
      if (message.kind === 'report') resolve({ report: message.report, ...(message.run ? { run: message.run } : {}), timedOut: false });
      else reject(new Error(message.message));
    });
  });
}

/** The learner's problem when the budget runs out, pointing at the first loop of their code when there is one. */
export function outOfTime(files: LearnerFiles, budgetMs: number, clock: BudgetClock = WALL_CLOCK): InputProblem {
  const spent = [`${budgetMs / 1000} s`, clock.words].filter(Boolean).join(' ');
  const message = `Stopped after ${spent}: the checks did not finish in time. Does your code wait for something that never happens, or loop for ever?`;
  for (const [file, text] of Object.entries(files)) {
    if (!/\.[cm]?[jt]s$/.test(file)) continue;
    const lines = text.split('\n');
    const index = lines.findIndex((line) => /^\s*(while|for|do)\b/.test(line));
    if (index >= 0) return { message: `${message} This loop is the first suspect.`, location: { file, line: index + 1, column: lines[index].search(/\S/) + 1 } };
  }
  return { message };
}
