// core's public API as declaration files, emitted without a type check: what a TypeScript lab's file is checked
// against, in the page (docs/.vitepress/lab-type-sources.ts) and in Node (core/shell/build.mjs writes them to
// .build/, node-type-sources.ts reads them). Declarations rather than core's sources: the checker reads a third as
// much and checks nothing of the engine's own code. Plain JavaScript, so that the build can run it before
// anything is compiled.
import { join, relative } from 'node:path';
import ts from 'typescript';

/** By path from the repository's root, with forward slashes ("core/index.d.ts"). */
export function coreDeclarations(repoRoot) {
  const options = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    declaration: true,
    emitDeclarationOnly: true,
    noCheck: true,
    skipLibCheck: true,
    strict: true,
    types: [],
    rootDir: repoRoot,
    outDir: repoRoot,
  };
  const files = {};
  const program = ts.createProgram([join(repoRoot, 'core/index.ts')], options);
  program.emit(undefined, (name, text) => (files[relative(repoRoot, name).replace(/\\/g, '/')] = text));
  return files;
}
