#!/usr/bin/env node
// Entry point of `npx ecs-lab`. When the JavaScript that `npm install` compiled (core/shell/build.mjs) matches the
// sources, the CLI starts from its bundle at once; otherwise (a source edited since, or no build yet) ts-node compiles
// the sources as they are, seconds slower: what runs is always what the sources say.
import { pathToFileURL } from 'node:url';
import { freshBuild } from './compiled-build.js';

const build = freshBuild();
if (build) {
  await import(pathToFileURL(`${build}cli/cli.js`).href);
} else {
  await import('./register-ts-node.js');
  await import('./cli.ts');
}
