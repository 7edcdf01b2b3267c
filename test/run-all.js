// `npm test`: every check a change must pass, in the order that fails fastest, with a closing tally.
import { spawnSync } from 'node:child_process';

const bin = (name) => `node_modules/.bin/${name}`;
const stages = [
  ['type check', bin('tsc'), ['--noEmit']],
  ['unit tests', bin('vitest'), ['run', '--config', 'test/vitest.config.ts']],
  ['scenarios', bin('cucumber-js'), ['--config', 'scenarios/cucumber.js']],
  ['docs build', bin('vitepress'), ['build', 'docs']],
  ['browser tests', bin('vitest'), ['run', '--config', 'test/browser/vitest.config.ts']],
];

const results = [];
for (const [name, command, args] of stages) {
  const started = Date.now();
  process.stdout.write(`\n▶ ${name}: ${[command, ...args].join(' ')}\n`);
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  results.push({ name, ok: status === 0, seconds });
  process.stdout.write(`${status === 0 ? '✔' : '✘'} ${name} (${seconds} s)\n`);
}

process.stdout.write('\nSummary\n');
for (const r of results) process.stdout.write(`  ${r.ok ? '✔' : '✘'} ${r.name.padEnd(14)} ${r.seconds} s\n`);
const failed = results.filter((r) => !r.ok).length;
process.stdout.write(`stages: ${results.length - failed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
