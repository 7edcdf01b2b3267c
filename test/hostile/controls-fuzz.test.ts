import { describe, it } from 'vitest';
import { CONTROL_CALLS } from './hostile-calls.js';
import { fuzzCall } from './fuzz-calls.js';

describe('every simulation control, given hostile input', () => {
  it.each(CONTROL_CALLS.map((c) => [c.name, c] as const))('%s refuses with a client-side ECS exception and changes nothing, or accepts and keeps working', (_name, call) => {
    fuzzCall(call, 80);
  });
});
