// A Node worker thread that runs labs' checks, one request at a time (see check-in-worker.ts). It may be ended
// at any moment: that is how learner code that never ends is stopped.
import { parentPort, workerData } from 'node:worker_threads';
import type { CheckRequest, CheckWorkerMessage } from '../check-budget.js';
import { describeError } from '../describe-error.js';
import { runChecks } from '../run-checks.js';
import { hasTypeScript, primeTypeChecker, useTypeChecker } from '../type-checker-in-use.js';
import type { ChecksFolder } from './check-in-worker.js';
import { loadLabChecks } from './check-lab-folder.js';

const checks = workerData as ChecksFolder;
const post = (message: CheckWorkerMessage) => parentPort!.postMessage(message);

/** A TypeScript lab's file is type-checked against the repository's own types: TypeScript loads for the first one. */
let types: Promise<void> | undefined;
async function nodeTypeChecker(): Promise<void> {
  const [{ createTypeChecker }, { nodeTypeSources }] = await Promise.all([import('../type-check.js'), import('./node-type-sources.js')]);
  useTypeChecker(createTypeChecker(nodeTypeSources()));
}

parentPort!.on('message', async ({ labId, files }: CheckRequest) => {
  try {
    if (hasTypeScript(files)) await (types ??= nodeTypeChecker());
    const lab = await loadLabChecks(checks.folder, labId, checks.file);
    primeTypeChecker(labId, files);
    post({ kind: 'ready', input: lab.input, checks: lab.checks.map(({ id, title, hint }) => ({ id, title, hint })) });
    post({ kind: 'report', report: runChecks(lab, files) });
  } catch (error) {
    post({ kind: 'error', message: describeError(error) });
  }
});
