/// <reference types="vite/client" />
import type { LearnerFiles } from '../check-types.js';
import { parseLabManifest, type LabManifest } from '../lab-manifest.js';

/**
 * The labs as the page gets them from Vite, every file loaded only when asked for: a page that shows no lab
 * fetches none of it. Their checks are the check worker's (lab-checks-sources.ts).
 */
const labTexts = import.meta.glob<string>(['../../**/*', '!../../*/work/**'], { query: '?raw', import: 'default' });
const engineTexts = import.meta.glob<string>(['../../../core/**/*.ts', '!../../../core/shell/**'], { query: '?raw', import: 'default' });

/** Glob keys are relative to this file; the lab kit speaks in repository paths (`labs/<id>/lab.json`). */
const HERE = 'file:///repo/labs/lab-kit/browser/';
const repoPath = (key: string) => new URL(key, HERE).pathname.slice('/repo/'.length);

function byRepoPath<T>(glob: Record<string, () => Promise<T>>): Map<string, () => Promise<T>> {
  return new Map(Object.entries(glob).map(([key, load]) => [repoPath(key), load]));
}

const labs = byRepoPath(labTexts);
const engine = byRepoPath(engineTexts);

async function text(path: string): Promise<string> {
  const load = labs.get(path);
  if (!load) throw new Error(`There is no ${path} in this site.`);
  return load();
}

export interface LoadedLab {
  manifest: LabManifest;
  starter: LearnerFiles;
}

export async function loadLab(id: string): Promise<LoadedLab> {
  const manifest = parseLabManifest(await text(`labs/${id}/lab.json`), `labs/${id}/lab.json`);
  const starter: LearnerFiles = {};
  for (const name of manifest.files) starter[name] = await text(`labs/${id}/starter/${name}`);
  return { manifest, starter };
}

/** Every file a StackBlitz project of lab `id` may need, by repository path (see buildStackblitzProject). */
export async function loadProjectFiles(id: string): Promise<Record<string, string>> {
  const wanted = [...engine, ...[...labs].filter(([path]) => path.startsWith('labs/lab-kit/') || path.startsWith(`labs/${id}/`))];
  const texts = await Promise.all(wanted.map(async ([path, load]) => [path, await load()] as const));
  return Object.fromEntries(texts);
}
