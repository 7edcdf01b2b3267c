// `npm run build`, and `prepare` (so `npm install` and `npm ci` run it): compiles the TypeScript of the engine, the
// scenarios and the labs to JavaScript in .build/, one file per source, so that `ecs-lab` starts without ts-node
// compiling 300 files first (core/shell/bin.js), and bundles the CLI from them. The few plain JavaScript sources
// are carried over too, so that whatever a compiled file imports is beside it (a lab's check thread runs from the
// build alone). Each compiled file keeps its source's import.meta.url, so that what a module finds beside itself
// (the labs' folders, the dashboard page, the check worker) is still read from the sources. esbuild strips the
// types only: `npm run typecheck` is what checks them. Beside the JavaScript, core's declarations (core/index.d.ts
// and what it imports), which a TypeScript lab's file is type-checked against (labs/lab-kit/node/node-type-sources.ts,
// and the site's build). With `--if-stale`, only when a source changed since the last build.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, transform } from 'esbuild';
import { BUILD, freshBuild, MANIFEST, ROOT as root, stamp } from './compiled-build.js';

const FOLDERS = ['core', 'scenarios', 'labs'];
/** A learner's files are theirs to break: they are compiled when checked, never ahead. */
const LEARNER_FOLDER = /^labs\/[^/]+\/(work|starter|solution|mistakes)$/;

function sources(folder) {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'node_modules' || LEARNER_FOLDER.test(path) ? [] : sources(path);
    return (path.endsWith('.ts') && !path.endsWith('.d.ts')) || path.endsWith('.js') ? [path] : [];
  });
}

async function compile(source, into) {
  const url = pathToFileURL(join(root, source)).href;
  const { code } = await transform(readFileSync(join(root, source), 'utf8'), {
    loader: source.endsWith('.ts') ? 'ts' : 'js',
    format: 'esm',
    target: 'node20',
    sourcefile: source,
    // tsconfig.json's target: class fields keep ECMAScript semantics, as under ts-node.
    tsconfigRaw: { compilerOptions: { target: 'ES2022', useDefineForClassFields: true } },
    define: { 'import.meta.url': JSON.stringify(url) },
  });
  write(join(into, source.replace(/\.ts$/, '.js')), code);
}

function write(path, text) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/**
 * The CLI as one bundle (cli/cli.js, with a chunk per command it loads on demand) made from the compiled files:
 * Node reads a few files rather than 450 modules, and `ecs-lab` starts in a third of the time. The packages stay
 * outside it, imported from node_modules as before; each file already carries its source's import.meta.url.
 */
async function bundleCli(into) {
  await build({
    entryPoints: [join(into, 'core/shell/cli.js')],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outdir: join(into, 'cli'),
    logLevel: 'warning',
  });
}

if (process.argv.includes('--if-stale') && freshBuild()) process.exit(0);
const started = performance.now();
const files = FOLDERS.flatMap(sources);
// Built beside the old build and swapped in at the end: a CLI starting meanwhile finds one whole build or none.
const staging = join(root, `.build-${process.pid}`);
rmSync(staging, { recursive: true, force: true });
// This script and the declarations' emitter are sources too: a build made by older ones is not trusted.
const DECLARATIONS = import.meta.resolve('../../labs/lab-kit/node/core-declarations.js');
const builders = [import.meta.url, DECLARATIONS].map((url) => relative(root, fileURLToPath(url)));
const stamps = Object.fromEntries([...files, ...builders].map((file) => [file, stamp(file)]));
const compiled = Promise.all(files.map((file) => compile(file, staging)));
// Emitted here while esbuild compiles in its own process; TypeScript is loaded only when a build is due.
const { coreDeclarations } = await import(DECLARATIONS);
for (const [path, text] of Object.entries(coreDeclarations(root))) write(join(staging, path), text);
await compiled;
await bundleCli(staging);
writeFileSync(join(staging, relative(BUILD, MANIFEST)), `${JSON.stringify({ sources: stamps })}\n`);
rmSync(BUILD, { recursive: true, force: true });
renameSync(staging, BUILD);
console.log(`ecs-lab: compiled ${files.length} files and core's declarations to ${relative(process.cwd(), BUILD)} in ${Math.round(performance.now() - started)} ms`);
