import fc from 'fast-check';
import type { HostileCall } from './hostile-calls.js';
import { hostileValue, mutate, mutation } from './hostile-values.js';
import { judgeHostileCall } from './judge-call.js';
import { populatedSimulator } from './populated-simulator.js';

/**
 * Fuzzes one call two ways: argument lists made of hostile values, and the valid arguments with one
 * field replaced, dropped or joined by an unknown (or prototype-polluting) key. Each run gets a fresh
 * populated simulator.
 */
export function fuzzCall(call: HostileCall, numRuns: number): void {
  const base = call.validArgs(populatedSimulator());
  const argumentLists = fc.oneof(
    fc.array(hostileValue, { maxLength: 3 }),
    mutation(base).map((m) => mutate(base, m)).filter((args): args is unknown[] => Array.isArray(args)),
  );
  fc.assert(
    fc.property(argumentLists, (args) => {
      judgeHostileCall(populatedSimulator(), call, args);
    }),
    { numRuns },
  );
}
