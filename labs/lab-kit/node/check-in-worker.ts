import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { checkWithinBudget, type BudgetClock, type CheckRequest, type CheckWorker, type CheckWorkerMessage } from '../check-budget.js';
import type { CheckReport } from '../check-types.js';

const WORKER = new URL('./check-worker.ts', import.meta.url);
const REGISTER = new URL('./register-ts.js', import.meta.url).href;

/** The process's CPU time: the check thread's, while the thread that waits for it spends next to none. */
const CPU_CLOCK: BudgetClock = {
  now: () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  },
  words: 'of CPU time',
};

/** Where the check worker finds each lab's checks: `<folder>/<lab id>/<file>`. */
export interface ChecksFolder {
  folder: string;
  file: 'checks.ts' | 'checks.js';
}

/**
 * Checks labs in a worker thread, within the time budget (see check-budget.ts). One thread serves every
 * check, so the engine is compiled once; a thread ended by the budget is replaced on the next check.
 * `compiledLabs`: the compiled twin of `labsRoot` (the repository's .build/labs/, fresh), where the thread starts
 * as plain JavaScript, in a third of the time; without it, the TypeScript sources load through module hooks.
 */
export class CheckThread {
  private worker: CheckWorker | undefined;

  constructor(
    private readonly labsRoot: string,
    private readonly compiledLabs?: string,
  ) {}

  async check(request: CheckRequest, budgetMs?: number): Promise<CheckReport> {
    this.worker ??= startWorker(this.labsRoot, this.compiledLabs);
    const { report, timedOut } = await checkWithinBudget(this.worker, request, budgetMs, CPU_CLOCK);
    if (timedOut) this.worker = undefined;
    return report;
  }

  close(): void {
    this.worker?.terminate();
    this.worker = undefined;
  }
}

function startWorker(labsRoot: string, compiledLabs: string | undefined): CheckWorker {
  const thread = compiledLabs
    ? new Worker(pathToFileURL(join(compiledLabs, 'lab-kit/node/check-worker.js')), { workerData: { folder: compiledLabs, file: 'checks.js' } satisfies ChecksFolder })
    : new Worker(WORKER, { workerData: { folder: labsRoot, file: 'checks.ts' } satisfies ChecksFolder, execArgv: ['--import', REGISTER] });
  // Between requests the thread must not keep the process alive.
  thread.unref();
  return {
    send(request, listener) {
      const onMessage = (message: CheckWorkerMessage) => listener(message);
      const onError = (error: Error) => listener({ kind: 'error', message: `the check worker failed: ${error.message}` });
      const onExit = (code: number) => listener({ kind: 'error', message: `the check worker exited (code ${code}) before it reported` });
      thread.ref();
      thread.on('message', onMessage).on('error', onError).on('exit', onExit);
      thread.postMessage(request);
      return () => {
        thread.off('message', onMessage).off('error', onError).off('exit', onExit);
        thread.unref();
      };
    },
    terminate: () => void thread.terminate(),
  };
}
