import { describe, expect, it } from 'vitest';
import { ECS_OPERATION_NAMES, methodName } from '../../core/sim/ecs-operations.js';
import { ECS_VALID_ARGS, FACADE_CALLS } from './hostile-calls.js';
import { fuzzCall } from './fuzz-calls.js';

describe('every ECS action, given hostile input', () => {
  it('is covered by the fuzzer, with valid arguments only for actions that exist', () => {
    // Every action of the operation table is fuzzed (FACADE_CALLS is made from it); hand-written arguments must name one.
    const actions = new Set(ECS_OPERATION_NAMES.map(methodName));
    expect(Object.keys(ECS_VALID_ARGS).filter((name) => !actions.has(name as never))).toEqual([]);
  });

  it.each(FACADE_CALLS.map((c) => [c.name, c] as const))('%s refuses with a client-side ECS exception and changes nothing, or accepts and keeps working', (_name, call) => {
    fuzzCall(call);
  });
});
