import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVICE_STRATEGY, Placer, chooseInstance } from '../../core/ecs/placement/choose-instance.js';
import type { PlacementStrategy } from '../../core/ecs/model/types.js';
import type { PlacementCandidate } from '../../core/ecs/placement/placement-candidate.js';
import { inZone, needs } from './fixtures.js';

/** A task of the group placed on `c`, as the engine's candidate after placement says. */
const afterPlacement = (c: PlacementCandidate, memory: number): PlacementCandidate => ({
  ...c,
  remainingMemory: c.remainingMemory - memory,
  groupTaskCount: c.groupTaskCount + 1,
  taskGroups: [...(c.taskGroups ?? []), 'service:web'],
});

/**
 * Zones of unequal sizes whose instances already hold unequal numbers of the group's tasks, some too full
 * for more: zones tie, instances tie within and across zones, and some candidates are rejected.
 */
function unevenCluster(): PlacementCandidate[] {
  return Array.from({ length: 40 }, (_, i) => {
    const zone = `us-east-1${'abcd'[i % 7 < 3 ? 0 : i % 7 < 5 ? 1 : i % 7 < 6 ? 2 : 3]}`;
    const type = i % 3 === 0 ? 'm5.large' : 'm5.xlarge';
    return inZone(`i-${String(i).padStart(2, '0')}`, zone, type, { groupTaskCount: (i * 7) % 4, remainingMemory: i % 11 === 0 ? 600 : 4096 });
  });
}

function placeWithOnePlacer(strategies: PlacementStrategy[], count: number) {
  const cluster = unevenCluster();
  const placer = new Placer(cluster, needs(512), strategies, []);
  const choices = [];
  for (let i = 0; i < count; i++) {
    const { index, ...choice } = placer.choose(() => 0);
    choices.push(choice.explanation);
    if (index === undefined) break;
    cluster[index] = afterPlacement(cluster[index], 512);
    placer.replace(index, cluster[index]);
  }
  return choices;
}

function placeChoosingAfresh(strategies: PlacementStrategy[], count: number) {
  let cluster = unevenCluster();
  const choices = [];
  for (let i = 0; i < count; i++) {
    const choice = chooseInstance(cluster, needs(512), strategies, () => 0);
    choices.push(choice.explanation);
    if (!choice.chosen) break;
    const chosen = choice.chosen;
    cluster = cluster.map((c) => (c === chosen ? afterPlacement(c, 512) : c));
  }
  return choices;
}

describe('a placer kept for the tasks of one call', () => {
  const cases: Array<[string, PlacementStrategy[]]> = [
    ['zones then instances (the default)', DEFAULT_SERVICE_STRATEGY],
    ['instance types then instances', [{ type: 'spread', field: 'attribute:ecs.instance-type' }, { type: 'spread', field: 'instanceId' }]],
    ['instances then zones', [{ type: 'spread', field: 'host' }, { type: 'spread', field: 'attribute:ecs.availability-zone' }]],
    ['zones then binpack', [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }]],
  ];
  for (const [name, strategies] of cases) {
    it(`places and explains each task as choosing afresh would: ${name}`, () => {
      const series = placeWithOnePlacer(strategies, 120);
      expect(series.length).toBeGreaterThan(100);
      expect(series).toEqual(placeChoosingAfresh(strategies, 120));
    });
  }
});
