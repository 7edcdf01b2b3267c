import { describe, expect, it } from 'vitest';
import { SimulationControl } from '../../core/sim/simulation-control.js';
import { CONTROL_CALLS } from './hostile-calls.js';
import { fuzzCall } from './fuzz-calls.js';

describe('every simulation control, given hostile input', () => {
  it('is covered by the fuzzer', () => {
    // Getters, the journal helpers, and the calls that take only a callback have no input to fuzz.
    const inputless = new Set(['constructor', 'changed', 'timeMoved', 'now', 'nowEpochSeconds', 'events', 'subscribe', 'onStep']);
    const fuzzed = new Set(CONTROL_CALLS.map((c) => c.name.replace(/^control\./, '')));
    expect(Object.getOwnPropertyNames(SimulationControl.prototype).filter((n) => !inputless.has(n) && !fuzzed.has(n))).toEqual([]);
  });

  it.each(CONTROL_CALLS.map((c) => [c.name, c] as const))('%s refuses with a client-side ECS exception and changes nothing, or accepts and keeps working', (_name, call) => {
    fuzzCall(call);
  });
});
