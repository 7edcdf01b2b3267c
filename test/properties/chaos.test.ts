import { describe, it } from 'vitest';
import { invariantsUnderChaos } from './properties.js';
import { assertRuns } from './property-runs.js';

describe('the engine under random calls, time and faults', () => {
  it('never overcommits an instance, double-books a static port, places on a draining instance, grows a service past its upper bound or stops a task without a reason; then settles and its log agrees with its state', () => {
    assertRuns(invariantsUnderChaos);
  }, 600_000);
});
