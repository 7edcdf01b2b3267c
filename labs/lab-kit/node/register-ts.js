// Lets a check worker thread run the TypeScript sources (ts-node's ESM loader), in the repository as in a
// lab's StackBlitz project: both keep tsconfig.json three folders up from here.
import { register } from 'node:module';
import { fileURLToPath } from 'node:url';

process.env.TS_NODE_PROJECT ??= fileURLToPath(new URL('../../../tsconfig.json', import.meta.url));
register('ts-node/esm', import.meta.url);
