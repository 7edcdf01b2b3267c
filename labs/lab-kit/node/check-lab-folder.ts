import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CheckReport, LabChecks } from '../check-types.js';
import type { LabManifest } from '../lab-manifest.js';
import type { LabRun } from '../reporters/lab-run.js';
import type { CheckThread } from './check-in-worker.js';
import { readLearnerFiles, readManifest } from './lab-folders.js';

/** `file`: checks.ts, or checks.js in the compiled twin of the labs' folder (see check-in-worker.ts). */
export async function loadLabChecks(labsRoot: string, id: string, file = 'checks.ts'): Promise<LabChecks> {
  const module = (await import(pathToFileURL(join(labsRoot, id, file)).href)) as { default: LabChecks };
  return module.default;
}

/** Runs lab `id`'s checks on the learner's files in `folder`, in `thread`, within its time budget. */
export async function checkLabFolder(thread: CheckThread, labsRoot: string, id: string, folder: string, budgetMs?: number): Promise<{ manifest: LabManifest; report: CheckReport }> {
  const manifest = readManifest(labsRoot, id);
  return { manifest, report: await thread.check({ labId: id, files: readLearnerFiles(folder, manifest.files) }, budgetMs) };
}

export interface LabRunOptions {
  /** The folder as the user named it, for reports. */
  shownFolder: string;
  student?: string;
  budgetMs?: number;
}

/**
 * Lab `id` checked on `folder`, for a report. A folder that does not exist is a lab not submitted: every check
 * is skipped (they are run on no files, which only names them), and the lab counts as neither passed nor failed.
 */
export async function runLab(thread: CheckThread, labsRoot: string, id: string, folder: string, options: LabRunOptions): Promise<LabRun> {
  const started = performance.now();
  const submitted = existsSync(folder);
  const { manifest, report } = await checkLabFolder(thread, labsRoot, id, folder, options.budgetMs);
  const notSubmitted = (): CheckReport => ({
    passed: false,
    results: report.results.map(({ id: check, title }) => ({ id: check, title, status: 'skipped', message: `Not submitted: there is no folder ${options.shownFolder}.`, seconds: 0 })),
  });
  return {
    id,
    title: manifest.title,
    folder: options.shownFolder,
    ...(options.student === undefined ? {} : { student: options.student }),
    submitted,
    report: submitted ? report : notSubmitted(),
    seconds: (performance.now() - started) / 1000,
    points: manifest.points,
    ...(manifest.parts ? { parts: manifest.parts } : {}),
  };
}
