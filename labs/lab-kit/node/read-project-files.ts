import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * The repository files a lab's StackBlitz project is built from, keyed by repository path, read from disk
 * (the browser gets the same files from Vite). buildStackblitzProject picks what belongs in the project.
 */
export function readProjectFiles(repoRoot: string, labId: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const folder of ['core', join('labs', 'lab-kit'), join('labs', labId)]) {
    for (const path of walk(join(repoRoot, folder))) files[relative(repoRoot, path).split(sep).join('/')] = readFileSync(path, 'utf8');
  }
  return files;
}

function* walk(folder: string): Generator<string> {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}
