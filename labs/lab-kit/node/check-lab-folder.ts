import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CheckReport, LabChecks } from '../check-types.js';
import type { LabManifest } from '../lab-manifest.js';
import { runChecks } from '../run-checks.js';
import { readLearnerFiles, readManifest } from './lab-folders.js';

export async function loadLabChecks(labsRoot: string, id: string): Promise<LabChecks> {
  const module = (await import(pathToFileURL(join(labsRoot, id, 'checks.ts')).href)) as { default: LabChecks };
  return module.default;
}

/** Runs lab `id`'s checks on the learner's files in `folder`. */
export async function checkLabFolder(labsRoot: string, id: string, folder: string): Promise<{ manifest: LabManifest; report: CheckReport }> {
  const manifest = readManifest(labsRoot, id);
  const checks = await loadLabChecks(labsRoot, id);
  return { manifest, report: runChecks(checks, readLearnerFiles(folder, manifest.files)) };
}
