import { checkWithinBudget, type CheckRequest, type CheckWorker, type CheckWorkerMessage } from '../check-budget.js';
import type { CheckReport } from '../check-types.js';
import { runChecks } from '../run-checks.js';
import { loadLabChecks } from './lab-sources.js';

/**
 * Checks a lab for the page in a Web Worker, within the time budget (see check-budget.ts), so learner code that
 * loops cannot freeze the page. One worker serves every Check; one ended by the budget is replaced next time.
 * Where there are no workers (a test's simulated DOM), the checks run in the page.
 */
let worker: CheckWorker | undefined;

export async function checkInBrowser(request: CheckRequest, budgetMs?: number): Promise<CheckReport> {
  if (typeof Worker === 'undefined') return runChecks(await loadLabChecks(request.labId), request.files);
  worker ??= startWorker();
  const { report, timedOut } = await checkWithinBudget(worker, request, budgetMs);
  if (timedOut) worker = undefined;
  return report;
}

function startWorker(): CheckWorker {
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
    terminate: () => thread.terminate(),
  };
}
