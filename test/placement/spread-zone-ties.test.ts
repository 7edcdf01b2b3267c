import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVICE_STRATEGY } from '../../core/ecs/placement/choose-instance.js';
import { inZone, needs, placeSeries } from './fixtures.js';

describe('spread over zones when zones tie', () => {
  it('keeps every instance of the tied zones, in registration order, and places on the earliest', () => {
    const cluster = ['a-1', 'b-1', 'c-1', 'a-2', 'b-2', 'c-2'].map((id) => inZone(id, `us-east-1${id[0]}`, 'm5.large'));
    const { placedOn, choices } = placeSeries(cluster, needs(100), 4, { strategies: DEFAULT_SERVICE_STRATEGY });
    const zoneStage = (i: number) => choices[i].explanation.stages[0].kept;
    expect(zoneStage(0)).toEqual(['a-1', 'b-1', 'c-1', 'a-2', 'b-2', 'c-2']);
    // Zone a has a task: b and c tie, and their instances interleave as they registered.
    expect(zoneStage(1)).toEqual(['b-1', 'c-1', 'b-2', 'c-2']);
    expect(zoneStage(2)).toEqual(['c-1', 'c-2']);
    expect(placedOn).toEqual(['a-1', 'b-1', 'c-1', 'a-2']);
  });
});
