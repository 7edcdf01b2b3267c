// `npm test`: every check a change must pass, with a closing tally. Two stages run at a time, one per core: whenever
// one ends, the next waiting stage whose prerequisite has passed starts, so neither core idles while work is left.
// The list is in the order stages are taken: the longest chain (the site's build, then its browser tests) and the
// longest stages first, so the short ones fill the end. Each stage's output is printed whole when it ends, so the
// two never interleave lines.
import { spawn } from 'node:child_process';

const bin = (name) => `node_modules/.bin/${name}`;
const vitest = (...projects) => [bin('vitest'), ['run', '--config', 'test/vitest.config.ts', ...projects.flatMap((p) => ['--project', p])]];
const STAGES = [
  { name: 'docs build', run: [bin('vitepress'), ['build', 'docs']] },
  { name: 'integration tests', run: vitest('integration') },
  { name: 'browser tests', run: [bin('vitest'), ['run', '--config', 'test/browser/vitest.config.ts']], after: 'docs build' },
  { name: 'properties', run: vitest('properties') },
  { name: 'unit tests', run: vitest('unit', 'components') },
  { name: 'scenarios', run: [bin('cucumber-js'), ['--config', 'scenarios/cucumber.js']] },
  { name: 'type check', run: [bin('tsc'), ['--noEmit']] },
];
const AT_ONCE = 2;

const started = Date.now();
const seconds = (since) => ((Date.now() - since) / 1000).toFixed(1);

function runStage({ name, run: [command, args] }) {
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
      const text = Buffer.concat(output).toString();
      process.stdout.write(`\n━━ ${mark} ━━\n${text}\n`);
      resolve({ name, ok, seconds: seconds(since), failure: ok ? undefined : failureExcerpt(text) });
    });
  });
}

const EXCERPT_LINES = 60;

/**
 * What went wrong in a failed stage, to repeat above the tally: CI keeps only the end of the output, where the
 * failure of a stage that ended early would otherwise be out of sight. vitest lists its failures under a
 * "Failed Tests" heading; for any other tool, the end of its output says.
 */
function failureExcerpt(text) {
  const lines = text.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
  const heading = lines.findIndex((line) => /Failed Tests \d+/.test(line));
  const excerpt = heading === -1 ? lines.slice(-EXCERPT_LINES) : lines.slice(heading, heading + EXCERPT_LINES);
  return excerpt.join('\n').trimEnd();
}

/** Runs every stage, AT_ONCE at a time; a stage whose prerequisite failed is not run (the browser tests need the site). */
async function runAll() {
  const results = new Map();
  const waiting = [...STAGES];
  const ready = (stage) => !stage.after || results.has(stage.after);
  const runner = async () => {
    for (;;) {
      const next = waiting.findIndex(ready);
      if (next === -1) {
        if (waiting.length === 0) return;
        // What is left waits on a stage still running: wait for any stage to end, then look again.
        await Promise.race(running);
        continue;
      }
      const [stage] = waiting.splice(next, 1);
      if (stage.after && !results.get(stage.after).ok) {
        results.set(stage.name, { name: stage.name, ok: false, note: `not run: ${stage.after} failed` });
        continue;
      }
      const run = runStage(stage);
      running.add(run);
      results.set(stage.name, await run);
      running.delete(run);
    }
  };
  const running = new Set();
  await Promise.all(Array.from({ length: AT_ONCE }, runner));
  return STAGES.map((stage) => results.get(stage.name));
}

const results = await runAll();
for (const r of results.filter((r) => r.failure)) process.stdout.write(`\n━━ what failed in ${r.name} ━━\n${r.failure}\n`);
process.stdout.write('\nSummary\n');
for (const r of results) process.stdout.write(`  ${r.ok ? '✔' : '✘'} ${r.name.padEnd(18)} ${r.note ?? `${r.seconds} s`}\n`);
const failed = results.filter((r) => !r.ok).length;
process.stdout.write(`in ${seconds(started)} s\nstages: ${results.length - failed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
