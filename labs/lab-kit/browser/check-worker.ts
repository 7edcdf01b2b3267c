// A Web Worker that runs labs' checks for the page, one request at a time (see check-in-browser.ts). The page
// ends it when the time budget runs out: that is how learner code that never ends is stopped.
import type { CheckRequest, CheckWorkerMessage } from '../check-budget.js';
import { describeError } from '../describe-error.js';
import { runChecks } from '../run-checks.js';
import { loadLabChecks } from './lab-sources.js';

// The DOM library types `self` as a window; in a worker it is the worker's own scope.
const scope = self as unknown as {
  postMessage(message: CheckWorkerMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<CheckRequest>) => void): void;
};
const post = (message: CheckWorkerMessage) => scope.postMessage(message);

scope.addEventListener('message', async (event) => {
  const { labId, files } = event.data;
  try {
    const lab = await loadLabChecks(labId);
    post({ kind: 'ready', input: lab.input, checks: lab.checks.map(({ id, title, hint }) => ({ id, title, hint })) });
    post({ kind: 'report', report: runChecks(lab, files) });
  } catch (error) {
    post({ kind: 'error', message: describeError(error) });
  }
});
