import { describe, it } from 'vitest';
import { invariantsAroundEcs } from './properties.js';
import { assertRuns } from './property-runs.js';

describe('the services around ECS under random calls, time and faults', () => {
  it('register exactly the targets that serve, count each task once, keep auto scaling within its bounds, account for every queue message and run each rule when it is due', () => {
    assertRuns(invariantsAroundEcs);
  }, 600_000);
});
