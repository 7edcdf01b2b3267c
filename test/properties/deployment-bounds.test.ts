import { describe, it } from 'vitest';
import { undisturbedDeploymentBounds } from './properties.js';
import { assertRuns } from './property-runs.js';

describe('a rolling deployment that nothing disturbs', () => {
  it('never has more tasks than its upper bound, nor (once steady) fewer healthy than its lower bound, at any recorded instant', () => {
    assertRuns(undisturbedDeploymentBounds);
  }, 600_000);
});
