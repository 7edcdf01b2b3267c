// A Web Worker that runs labs' checks for the page, one request at a time (see check-in-browser.ts). The page
// ends it when the time budget runs out: that is how learner code that never ends is stopped.
import type { CheckRequest, CheckWorkerMessage } from '../check-budget.js';
import { describeError } from '../describe-error.js';
import { watchLabRun } from '../lab-simulator.js';
import { runChecks } from '../run-checks.js';
import { useTypeChecker } from '../type-check.js';
import { browserTypeChecker } from './browser-type-sources.js';
import type { WarmRequest } from './check-in-browser.js';
import { loadLabChecks } from './lab-checks-sources.js';

// The DOM library types `self` as a window; in a worker it is the worker's own scope.
const scope = self as unknown as {
  postMessage(message: CheckWorkerMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<CheckRequest | WarmRequest>) => void): void;
};
const post = (message: CheckWorkerMessage) => scope.postMessage(message);

/** The lab's checks, and for a lab with TypeScript files the type checker they need, loaded together once. */
let types: Promise<void> | undefined;
async function loadLab(labId: string, files: CheckRequest['files']) {
  if (Object.keys(files).some((file) => /\.[cm]?ts$/.test(file))) types ??= browserTypeChecker().then(useTypeChecker);
  const [lab] = await Promise.all([loadLabChecks(labId), types]);
  return lab;
}

scope.addEventListener('message', async (event) => {
  const { labId, files } = event.data;
  if ('warm' in event.data) {
    // Loads the lab's checks (the engine, and for TypeScript labs the compiler) and runs them once on the
    // starter, so that the learner's first Check finds everything compiled and in memory. Nothing to report.
    try {
      runChecks(await loadLab(labId, files), files);
    } catch {
      // The learner's Check will load it again, and say what went wrong.
    }
    event.ports[0]?.postMessage('warmed');
    return;
  }
  try {
    const lab = await loadLab(labId, files);
    post({ kind: 'ready', input: lab.input, checks: lab.checks.map(({ id, title, hint }) => ({ id, title, hint })) });
    const { value: report, run } = watchLabRun(() => runChecks(lab, files));
    // Only a run the checks could judge is worth watching: one whose first check (the files can be used) passed.
    post({ kind: 'report', report, ...(run && report.results[0]?.status === 'passed' ? { run } : {}) });
  } catch (error) {
    post({ kind: 'error', message: describeError(error) });
  }
});
