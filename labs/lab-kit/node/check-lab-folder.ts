import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CheckReport, LabChecks } from '../check-types.js';
import type { LabManifest } from '../lab-manifest.js';
import type { CheckThread } from './check-in-worker.js';
import { readLearnerFiles, readManifest } from './lab-folders.js';

export async function loadLabChecks(labsRoot: string, id: string): Promise<LabChecks> {
  const module = (await import(pathToFileURL(join(labsRoot, id, 'checks.ts')).href)) as { default: LabChecks };
  return module.default;
}

/** Runs lab `id`'s checks on the learner's files in `folder`, in `thread`, within its time budget. */
export async function checkLabFolder(thread: CheckThread, labsRoot: string, id: string, folder: string, budgetMs?: number): Promise<{ manifest: LabManifest; report: CheckReport }> {
  const manifest = readManifest(labsRoot, id);
  return { manifest, report: await thread.check({ labId: id, files: readLearnerFiles(folder, manifest.files) }, budgetMs) };
}
