#!/usr/bin/env node
// Entry point of `npx ecs-lab`: registers ts-node's loader, then runs the TypeScript CLI.
import './register-ts-node.js';

await import('./cli.ts');
