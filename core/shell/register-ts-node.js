// Lets Node run the TypeScript sources directly (ts-node's ESM loader, registered without warnings).
import { register } from 'node:module';
import { fileURLToPath } from 'node:url';

process.env.TS_NODE_PROJECT ??= fileURLToPath(new URL('../../tsconfig.json', import.meta.url));
register('ts-node/esm', import.meta.url);
