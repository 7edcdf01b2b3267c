// Lets a check worker thread run the TypeScript sources, in the repository as in a lab's StackBlitz project: both
// keep tsconfig.json three folders up from here. Where `npm install` compiled the sources (.build/ beside it), the
// worker loads that JavaScript (compiled-loader.js) and starts in a fraction of the time; elsewhere ts-node's ESM
// loader compiles them.
import { existsSync } from 'node:fs';
import { register } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
process.env.TS_NODE_PROJECT ??= `${root}tsconfig.json`;
if (existsSync(`${root}.build/manifest.json`)) register('./compiled-loader.js', import.meta.url, { data: { root } });
else register('ts-node/esm', import.meta.url);
