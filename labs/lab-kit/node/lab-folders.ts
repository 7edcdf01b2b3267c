import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LearnerFiles } from '../check-types.js';
import { parseLabManifest, type LabManifest } from '../lab-manifest.js';

/**
 * The labs on disk: `<labs>/<id>/lab.json`, `starter/`, `solution/`, and the learner's own `work/` folder,
 * which also remembers how many hints they have seen.
 */

/** The folder holding every lab: labs/ in the repository. */
export const LABS_ROOT = new URL('../../', import.meta.url);

export function labIds(labsRoot: string): string[] {
  return readdirSync(labsRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(labsRoot, entry.name, 'lab.json')))
    .map((entry) => entry.name)
    .sort();
}

export function readManifest(labsRoot: string, id: string): LabManifest {
  const file = join(labsRoot, id, 'lab.json');
  return parseLabManifest(readFileSync(file, 'utf8'), file);
}

export const workFolder = (labsRoot: string, id: string) => join(labsRoot, id, 'work');

/** The learner's files found in `folder`; a missing one is left out, for the checks to report. */
export function readLearnerFiles(folder: string, names: readonly string[]): LearnerFiles {
  const files: LearnerFiles = {};
  for (const name of names) {
    const path = join(folder, name);
    if (existsSync(path)) files[name] = readFileSync(path, 'utf8');
  }
  return files;
}

/** Copies the starter's files into `folder`, replacing the learner's versions. */
export function copyStarter(labsRoot: string, manifest: LabManifest, folder: string): void {
  mkdirSync(folder, { recursive: true });
  for (const name of manifest.files) cpSync(join(labsRoot, manifest.id, 'starter', name), join(folder, name));
}

const PROGRESS_FILE = '.lab-progress.json';

export function readHintsShown(folder: string): number {
  const path = join(folder, PROGRESS_FILE);
  if (!existsSync(path)) return 0;
  const shown = (JSON.parse(readFileSync(path, 'utf8')) as { hintsShown?: unknown }).hintsShown;
  return typeof shown === 'number' && Number.isInteger(shown) && shown >= 0 ? shown : 0;
}

export function writeHintsShown(folder: string, shown: number): void {
  writeFileSync(join(folder, PROGRESS_FILE), `${JSON.stringify({ hintsShown: shown })}\n`);
}
