// A Node worker thread that runs labs' checks, one request at a time (see check-in-worker.ts). It may be ended
// at any moment: that is how learner code that never ends is stopped.
import { parentPort, workerData } from 'node:worker_threads';
import type { CheckRequest, CheckWorkerMessage } from '../check-budget.js';
import { describeError } from '../describe-error.js';
import { runChecks } from '../run-checks.js';
import { createTypeChecker, primeTypeChecker, useTypeChecker } from '../type-check.js';
import { loadLabChecks } from './check-lab-folder.js';
import { nodeTypeSources } from './node-type-sources.js';

const { labsRoot } = workerData as { labsRoot: string };
const post = (message: CheckWorkerMessage) => parentPort!.postMessage(message);
// A TypeScript lab's file is type-checked against the repository's own types.
useTypeChecker(createTypeChecker(nodeTypeSources()));

parentPort!.on('message', async ({ labId, files }: CheckRequest) => {
  try {
    const lab = await loadLabChecks(labsRoot, labId);
    primeTypeChecker(labId, files);
    post({ kind: 'ready', input: lab.input, checks: lab.checks.map(({ id, title, hint }) => ({ id, title, hint })) });
    post({ kind: 'report', report: runChecks(lab, files) });
  } catch (error) {
    post({ kind: 'error', message: describeError(error) });
  }
});
