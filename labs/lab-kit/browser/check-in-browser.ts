import type { SimulatorSnapshot } from '../../../core/index.js';
import { checkWithinBudget, type CheckRequest, type CheckWorker, type CheckWorkerMessage } from '../check-budget.js';
import type { CheckReport } from '../check-types.js';

/**
 * Checks a lab for the page in a Web Worker, within the time budget (see check-budget.ts), so learner code that
 * loops cannot freeze the page. One worker serves every Check; one ended by the budget is replaced next time.
 * (The components' tests, in a DOM without workers, put test/labs/checks-in-test-process.ts in its place.)
 */
interface PageWorker extends CheckWorker {
  /** Gets the worker ready for a lab's first Check; resolves once it is (there is no report). */
  warm(request: WarmRequest): Promise<void>;
}

/** Asks the worker to load a lab's checks and run them once on `files` (the starter) before the first Check. */
export type WarmRequest = CheckRequest & { warm: true };

let worker: PageWorker | undefined;

/** The checks' report, and the simulation they judged (to watch), when its first check passed. */
export interface CheckedRun {
  report: CheckReport;
  run?: SimulatorSnapshot;
}

export async function checkInBrowser(request: CheckRequest, budgetMs?: number): Promise<CheckedRun> {
  worker ??= startWorker();
  const { report, run, timedOut } = await checkWithinBudget(worker, request, budgetMs);
  if (timedOut) worker = undefined;
  return run ? { report, run } : { report };
}

/**
 * Starts the worker and has it load the lab's checks (the engine, and for a TypeScript lab the compiler and
 * the types) while the learner reads: the page calls it as the lab comes into view. Resolves once it is ready.
 */
export async function warmChecker(request: CheckRequest): Promise<void> {
  worker ??= startWorker();
  await worker.warm({ ...request, warm: true });
}

function startWorker(): PageWorker {
  const thread = new Worker(new URL('./check-worker.ts', import.meta.url), { type: 'module', name: 'ecs-lab checks' });
  return {
    send(request, listener) {
      const onMessage = (event: MessageEvent<CheckWorkerMessage>) => listener(event.data);
      const onError = (event: ErrorEvent) => {
        worker = undefined;
        listener({ kind: 'error', message: `the check worker failed: ${event.message}` });
      };
      thread.addEventListener('message', onMessage);
      thread.addEventListener('error', onError);
      thread.postMessage(request);
      return () => {
        thread.removeEventListener('message', onMessage);
        thread.removeEventListener('error', onError);
      };
    },
    // Its answer comes on a channel of its own, so it can never be taken for a Check's.
    warm: (request) =>
      new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          channel.port1.close();
          resolve();
        };
        thread.postMessage(request, [channel.port2]);
      }),
    terminate: () => thread.terminate(),
  };
}
