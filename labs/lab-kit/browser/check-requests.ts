// What the check worker does with each request from the page (see check-worker.ts, which hands them over).
import type { CheckRequest, CheckWorkerMessage } from '../check-budget.js';
import { describeError } from '../describe-error.js';
import { watchLabRun } from '../lab-simulator.js';
import { runChecks } from '../run-checks.js';
import { hasTypeScript, useTypeChecker } from '../type-checker-in-use.js';
import type { WarmRequest } from './check-in-browser.js';
import { loadLabChecks } from './lab-checks-sources.js';

/**
 * The lab's checks, and for a lab with TypeScript files the type checker they need (TypeScript and the types,
 * fetched only then), loaded together once.
 */
let types: Promise<void> | undefined;
async function loadLab(labId: string, files: CheckRequest['files']) {
  if (hasTypeScript(files)) types ??= import('./browser-type-sources.js').then(({ browserTypeChecker }) => browserTypeChecker()).then(useTypeChecker);
  const [lab] = await Promise.all([loadLabChecks(labId), types]);
  return lab;
}

export async function answer(event: MessageEvent<CheckRequest | WarmRequest>, post: (message: CheckWorkerMessage) => void): Promise<void> {
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
}
