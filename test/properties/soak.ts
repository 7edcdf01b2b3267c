import { allProperties } from './properties.js';
import { assertRuns } from './property-runs.js';

/**
 * `npm run soak`: the property suite, far longer than CI runs it. Each round runs every property as many
 * times as CI does, with a fresh seed, and prints progress; it stops after SOAK_MINUTES (default 30) or
 * at the first failure, which prints the shrunk run and its replay command.
 */
const minutes = Number(process.env.SOAK_MINUTES ?? '30');
const deadline = performance.now() + minutes * 60_000;
const started = performance.now();
let round = 0;
let total = 0;

while (performance.now() < deadline) {
  round++;
  for (const property of allProperties) {
    const seed = (Math.imul(round, 0x9e3779b1) ^ property.name.length) >>> 0;
    const numRuns = property.numRuns;
    assertRuns(property, {
      seed,
      numRuns,
      onProgress(done) {
        if (done % 100 !== 0 && done !== numRuns) return;
        const elapsed = (performance.now() - started) / 1000;
        process.stdout.write(`\rround ${round} · ${property.name} (seed ${seed}) ${done}/${numRuns} · ${total + done} runs in ${elapsed.toFixed(0)} s   `);
      },
    });
    total += numRuns;
    if (performance.now() >= deadline) break;
  }
}
process.stdout.write(`\nsoak passed: ${total} runs in ${((performance.now() - started) / 60_000).toFixed(1)} min\n`);
