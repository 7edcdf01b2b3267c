// Lets a check worker thread run the TypeScript sources, in the repository as in a lab's StackBlitz project: both
// keep tsconfig.json three folders up from here. Where `npm install` compiled the sources (.build/ beside it), the
// worker loads that JavaScript (compiled-loader.js) and starts in a fraction of the time; elsewhere (a project,
// whose `npm test` runs `node --import tsx`), tsx strips the types as the sources load.
import { existsSync } from 'node:fs';
import { register } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
// For ts-node, which compiles a source edited since the build (compiled-loader.js).
process.env.TS_NODE_PROJECT ??= `${root}tsconfig.json`;
if (existsSync(`${root}.build/manifest.json`)) register('./compiled-loader.js', import.meta.url, { data: { root } });
// tsx's own `--import tsx` leaves a worker thread of Node 20 without its hooks: its API registers them anywhere.
else (await import('tsx/esm/api')).register();
