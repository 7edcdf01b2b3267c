// `npm test`: every check a change must pass, with a closing tally. The stages run in two lanes side by side, one
// per core: the site's build and its browser tests (the longest chain), and everything else in the order that
// fails fastest. Each stage's output is printed whole when it ends, so the two lanes never interleave lines.
import { spawn } from 'node:child_process';

const bin = (name) => `node_modules/.bin/${name}`;
const vitest = (...projects) => [bin('vitest'), ['run', '--config', 'test/vitest.config.ts', ...projects.flatMap((p) => ['--project', p])]];
const LANES = [
  [
    ['docs build', bin('vitepress'), ['build', 'docs']],
    ['browser tests', bin('vitest'), ['run', '--config', 'test/browser/vitest.config.ts']],
  ],
  [
    ['type check', bin('tsc'), ['--noEmit']],
    ['unit tests', ...vitest('unit', 'components')],
    ['scenarios', bin('cucumber-js'), ['--config', 'scenarios/cucumber.js']],
    ['properties', ...vitest('properties')],
    ['integration tests', ...vitest('integration')],
  ],
];

const started = Date.now();
const seconds = (since) => ((Date.now() - since) / 1000).toFixed(1);

function runStage([name, command, args]) {
  const since = Date.now();
  process.stdout.write(`▶ ${name}: ${[command, ...args].join(' ')}\n`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)));
    child.on('close', (code) => {
      const ok = code === 0;
      const mark = `${ok ? '✔' : '✘'} ${name} (${seconds(since)} s)`;
      process.stdout.write(`\n━━ ${mark} ━━\n${Buffer.concat(output).toString()}\n`);
      resolve({ name, ok, seconds: seconds(since) });
    });
  });
}

/** A lane stops at its first failure only where the next stage needs what failed (the browser tests need the site). */
async function runLane(stages) {
  const results = [];
  for (const stage of stages) {
    const needsSite = stage[0] === 'browser tests';
    if (needsSite && results.some((r) => r.name === 'docs build' && !r.ok)) {
      results.push({ name: stage[0], ok: false, note: 'not run: the site did not build' });
      continue;
    }
    results.push(await runStage(stage));
  }
  return results;
}

const results = (await Promise.all(LANES.map(runLane))).flat();
process.stdout.write('\nSummary\n');
for (const r of results) process.stdout.write(`  ${r.ok ? '✔' : '✘'} ${r.name.padEnd(18)} ${r.note ?? `${r.seconds} s`}\n`);
const failed = results.filter((r) => !r.ok).length;
process.stdout.write(`in ${seconds(started)} s\nstages: ${results.length - failed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
