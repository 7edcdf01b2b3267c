import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LearnerFiles } from '../check-types.js';
import { parseLabManifest, type LabManifest } from '../lab-manifest.js';

/**
 * The labs on disk: `<labs>/<id>/lab.json`, `starter/`, `solution/`, and the learner's own `work/` folder,
 * which git keeps (a GitHub Classroom repository submits it), and which also remembers the learner's progress.
 */

/** The folder holding every lab: labs/ in the repository. */
export const LABS_ROOT = new URL('../../', import.meta.url);

/** Every lab's id, in the order of the instructors' guide (lab.json's order). */
export function labIds(labsRoot: string): string[] {
  return readdirSync(labsRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(labsRoot, entry.name, 'lab.json')))
    .map((entry) => readManifest(labsRoot, entry.name))
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))
    .map((manifest) => manifest.id);
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

/** The learner's files in `folder` that differ from the starter's: what a reset would lose. */
export function changedFiles(labsRoot: string, manifest: LabManifest, folder: string): string[] {
  const mine = readLearnerFiles(folder, manifest.files);
  const starter = readLearnerFiles(join(labsRoot, manifest.id, 'starter'), manifest.files);
  return manifest.files.filter((name) => mine[name] !== undefined && mine[name] !== starter[name]);
}

/**
 * Where the next backup of the work in `folder` goes: `before-reset-<n>/` inside it, the first n not taken.
 * Inside the work folder, git keeps it with the work, and the build (core/shell/build.mjs) never compiles it.
 */
export function nextBackupFolder(folder: string): string {
  let n = 1;
  while (existsSync(join(folder, `before-reset-${n}`))) n++;
  return join(folder, `before-reset-${n}`);
}

/** Copies the learner's files in `folder` into `backup`. */
export function backUpWork(manifest: LabManifest, folder: string, backup: string): void {
  mkdirSync(backup, { recursive: true });
  for (const name of manifest.files) if (existsSync(join(folder, name))) cpSync(join(folder, name), join(backup, name));
}

/** What the work folder remembers of the learner: the hints seen, and how their last check went. */
export interface LabProgress {
  hintsShown: number;
  lastCheck?: { passed: number; total: number };
}

const PROGRESS_FILE = '.lab-progress.json';

export function readProgress(folder: string): LabProgress {
  const path = join(folder, PROGRESS_FILE);
  if (!existsSync(path)) return { hintsShown: 0 };
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { hintsShown?: unknown; lastCheck?: { passed?: unknown; total?: unknown } };
  const whole = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value >= 0;
  const { lastCheck } = raw;
  return {
    hintsShown: whole(raw.hintsShown) ? (raw.hintsShown as number) : 0,
    ...(lastCheck && whole(lastCheck.passed) && whole(lastCheck.total) ? { lastCheck: { passed: lastCheck.passed as number, total: lastCheck.total as number } } : {}),
  };
}

export function writeProgress(folder: string, change: Partial<LabProgress>): void {
  writeFileSync(join(folder, PROGRESS_FILE), `${JSON.stringify({ ...readProgress(folder), ...change })}\n`);
}
