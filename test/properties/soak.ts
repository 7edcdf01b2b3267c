import { fuzzCall } from '../hostile/fuzz-calls.js';
import { CONTROL_CALLS, FACADE_CALLS } from '../hostile/hostile-calls.js';
import { allProperties } from './properties.js';
import { assertRuns } from './property-runs.js';
import { RUNS } from './run-counts.js';

/**
 * `npm run soak`: the property suite and the fuzzers, far longer than CI runs them. Each round runs every
 * property and fuzzes every call its soak count of times (run-counts.ts: several times what CI runs), with a
 * fresh seed, and prints progress; it stops after SOAK_MINUTES (default 30) or at the first failure, which
 * prints the shrunk run (and for a property, its replay command).
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
    const numRuns = property.runs.soak;
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
  const seed = Math.imul(round, 0x9e3779b1) >>> 0;
  for (const call of [...FACADE_CALLS, ...CONTROL_CALLS]) {
    if (performance.now() >= deadline) break;
    fuzzCall(call, RUNS.fuzzCall.soak, seed);
    total += RUNS.fuzzCall.soak;
    const elapsed = (performance.now() - started) / 1000;
    process.stdout.write(`\rround ${round} · fuzzing ${call.name} (seed ${seed}) · ${total} runs in ${elapsed.toFixed(0)} s   `);
  }
}
process.stdout.write(`\nsoak passed: ${total} runs in ${((performance.now() - started) / 60_000).toFixed(1)} min\n`);
