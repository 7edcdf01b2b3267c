import fc from 'fast-check';
import { RUNS } from '../properties/run-counts.js';
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
 * The first run gets the one the valid arguments were read from. `numRuns`: run-counts.ts's CI count unless given.
 */
export function fuzzCall(call: HostileCall, numRuns = RUNS.fuzzCall.ci, seed?: number): void {
  let unchanged: { populated: Populated; dump: string } | undefined = built();
  const base = call.validArgs(unchanged.populated);
  const argumentLists = fc.oneof(
    fc.array(hostileValue, { maxLength: 3 }),
    mutation(base).map((m) => mutate(base, m)).filter((args): args is unknown[] => Array.isArray(args)),
  );
  fc.assert(
    fc.property(argumentLists, (args) => {
      const target = unchanged ?? built();
      unchanged = undefined;
      if (judgeHostileCall(target.populated, call, args, target.dump) === 'rejected') unchanged = target;
    }),
    { numRuns, ...(seed !== undefined ? { seed } : {}) },
  );
}

/** Every populated simulator is built the same way from the same seed, so one state dump describes them all. */
let builtDump: string | undefined;

function built(): { populated: Populated; dump: string } {
  const populated = populatedSimulator();
  builtDump ??= stateDump(populated.sim);
  return { populated, dump: builtDump };
}
