import { describe, expect, it } from 'vitest';
import { EcsSimulator } from '../../core/index.js';
import { FACADE_CALLS } from './hostile-calls.js';
import { fuzzCall } from './fuzz-calls.js';

describe('every ECS action, given hostile input', () => {
  it('is covered by the fuzzer', () => {
    // asRole is not an action: it returns the actions, authorised (test/core/cluster-access.test.ts).
    const internal = new Set(['constructor', 'call', 'change', 'requestServicePass', 'requestServicePassAt', 'asRole']);
    const actions = Object.getOwnPropertyNames(EcsSimulator.prototype).filter((n) => !internal.has(n));
    const fuzzed = new Set(FACADE_CALLS.map((c) => c.name));
    expect(actions.filter((a) => !fuzzed.has(a))).toEqual([]);
  });

  it.each(FACADE_CALLS.map((c) => [c.name, c] as const))('%s refuses with a client-side ECS exception and changes nothing, or accepts and keeps working', (_name, call) => {
    fuzzCall(call);
  });
});
