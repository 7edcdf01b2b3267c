import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

/** One import between two source files, as written (`import type` included: a type is a dependency too). */
export interface ImportEdge {
  from: string;
  to: string;
  line: number;
}

/** A module a source names: in an import or export statement, a side-effect import, or a dynamic import(). */
const MODULE = /^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;

export interface ModuleReference {
  specifier: string;
  /** Where in the text it is named. */
  index: number;
  /** Named by `import(...)`, loaded when the code runs there. */
  dynamic: boolean;
}

/** Every module `text` names, packages and relative paths alike, as written. */
export function moduleReferences(text: string): ModuleReference[] {
  return [...text.matchAll(MODULE)].map((m) => ({ specifier: m[1] ?? m[2] ?? m[3], index: m.index, dynamic: m[3] !== undefined }));
}

const isRelative = (specifier: string) => specifier.startsWith('./') || specifier.startsWith('../');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Every static relative import between the .ts files under `root`, as paths relative to it. */
export function importEdges(root: string): ImportEdge[] {
  return sourceFiles(root).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return moduleReferences(text)
      .filter(({ specifier, dynamic }) => !dynamic && isRelative(specifier))
      .map(({ specifier, index }) => {
        const target = normalize(join(dirname(file), specifier.replace(/\.js$/, '.ts')));
        return { from: relative(root, file), to: relative(root, target), line: text.slice(0, index).split('\n').length };
      });
  });
}

/**
 * Folder-level dependencies at every depth: an import from a/b/x.ts to a/c/y.ts makes folder a/b depend on
 * its sibling a/c. Files directly in a folder sit above its sub-folders (core/index.ts may import core/sim).
 */
export function siblingFolderEdges(edges: readonly ImportEdge[]): Map<string, Map<string, ImportEdge>> {
  const folders = new Map<string, Map<string, ImportEdge>>();
  for (const edge of edges) {
    const from = edge.from.split('/');
    const to = edge.to.split('/');
    let shared = 0;
    while (shared < from.length - 1 && shared < to.length - 1 && from[shared] === to[shared]) shared++;
    if (shared >= from.length - 1 || shared >= to.length - 1) continue;
    const a = from.slice(0, shared + 1).join('/');
    const b = to.slice(0, shared + 1).join('/');
    const targets = folders.get(a) ?? new Map<string, ImportEdge>();
    if (!targets.has(b)) targets.set(b, edge);
    folders.set(a, targets);
  }
  return folders;
}

/** The folder cycles, each as the folders in order with the import that leads from each to the next. */
export function folderCycles(folders: Map<string, Map<string, ImportEdge>>): ImportEdge[][] {
  const cycles: ImportEdge[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: Array<{ folder: string; via?: ImportEdge }> = [];
  const visit = (folder: string, via?: ImportEdge) => {
    state.set(folder, 'open');
    path.push({ folder, via });
    for (const [next, edge] of folders.get(folder) ?? []) {
      if (state.get(next) === 'open') {
        const start = path.findIndex((p) => p.folder === next);
        cycles.push([...path.slice(start + 1).map((p) => p.via!), edge]);
      } else if (!state.has(next)) visit(next, edge);
    }
    path.pop();
    state.set(folder, 'done');
  };
  for (const folder of [...folders.keys()].sort()) if (!state.has(folder)) visit(folder);
  return cycles;
}

export const describeEdge = (edge: ImportEdge) => `core/${edge.from}:${edge.line} imports core/${edge.to}`;
