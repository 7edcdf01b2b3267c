import fc from 'fast-check';
import type { HostileCall } from './hostile-calls.js';
import { hostileValue, mutate, mutation } from './hostile-values.js';
import { judgeHostileCall } from './judge-call.js';
import { populatedSimulator, type Populated } from './populated-simulator.js';
import { stateDump } from './state-dump.js';

/**
 * Fuzzes one call two ways: argument lists made of hostile values, and the valid arguments with one
 * field replaced, dropped or joined by an unknown (or prototype-polluting) key. Each run gets a populated
 * simulator as built: a fresh one after a call was accepted; after a refusal, which the judge has seen change
 * nothing, the same one, with the state dump it was judged against (building one is most of a run's time).
 */
/** Runs per call in `npm test`, with the fixed seed of test/fast-check-seed.ts; `npm run soak` draws new seeds. */
export const FUZZ_RUNS = 40;

export function fuzzCall(call: HostileCall, numRuns = FUZZ_RUNS, seed?: number): void {
  const base = call.validArgs(populatedSimulator());
  const argumentLists = fc.oneof(
    fc.array(hostileValue, { maxLength: 3 }),
    mutation(base).map((m) => mutate(base, m)).filter((args): args is unknown[] => Array.isArray(args)),
  );
  let unchanged: { populated: Populated; dump: string } | undefined;
  fc.assert(
    fc.property(argumentLists, (args) => {
      const target = unchanged ?? built();
      unchanged = undefined;
      if (judgeHostileCall(target.populated, call, args, target.dump) === 'rejected') unchanged = target;
    }),
    { numRuns, ...(seed !== undefined ? { seed } : {}) },
  );
}

function built(): { populated: Populated; dump: string } {
  const populated = populatedSimulator();
  return { populated, dump: stateDump(populated.sim) };
}
