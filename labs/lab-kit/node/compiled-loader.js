// Module hooks of a check worker in a clone whose sources `npm install` compiled (.build/, by
// core/shell/build.mjs): a TypeScript source loads as its compiled twin while it is the file that was
// compiled, and through ts-node otherwise (a source edited since, or a lab folder outside the repository).
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

let root;
let compiled = {};

/** `data.root`: the repository's folder, with the trailing slash. */
export function initialize(data) {
  root = data.root;
  compiled = JSON.parse(readFileSync(`${root}.build/manifest.json`, 'utf8')).sources;
}

/** The sources import each other as './x.js' (tsconfig's NodeNext); the file beside them is x.ts. */
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !/^\.\.?\/.*\.js$/.test(specifier)) throw error;
    return next(`${specifier.slice(0, -3)}.ts`, context);
  }
}

export async function load(url, context, next) {
  if (!url.endsWith('.ts')) return next(url, context);
  const twin = compiledTwin(fileURLToPath(url));
  if (twin) return { format: 'module', source: readFileSync(twin), shortCircuit: true };
  return (await tsNode()).load(url, context, next);
}

function compiledTwin(path) {
  const source = path.startsWith(root) ? path.slice(root.length) : undefined;
  if (source === undefined || !(source in compiled)) return undefined;
  const { mtimeMs, size } = statSync(path);
  return compiled[source] === `${mtimeMs}:${size}` ? `${root}.build/${source.slice(0, -3)}.js` : undefined;
}

/** Loaded only for a file with no twin: most checks never need it. */
let tsNodeHooks;
const tsNode = () => (tsNodeHooks ??= import('ts-node/esm'));
