import { describe, expect, it } from 'vitest';
import type { TaskDefinition } from '../../core/ecs/model/types.js';
import { chooseInstance, DEFAULT_SERVICE_STRATEGY } from '../../core/ecs/placement/choose-instance.js';
import { requirementsOf } from '../../core/ecs/placement/task-requirements.js';
import { inZone, instance, needs, placeSeries } from './fixtures.js';

function taskDefinition(memoryReservation: number): TaskDefinition {
  return {
    taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1',
    family: 'web',
    revision: 1,
    containerDefinitions: [{ name: 'app', image: 'nginx', memoryReservation }],
    networkMode: 'bridge',
    status: 'ACTIVE',
    compatibilities: ['EC2'],
    requiresAttributes: [],
    placementConstraints: [],
    registeredAt: 0,
    registeredBy: 'test',
  };
}

describe('binpack', () => {
  // Reference behaviour 6.
  it('picks the instance with the least remaining memory that still fits, then the next', () => {
    const cluster = [instance('i-3000', { remainingMemory: 3000 }), instance('i-1000', { remainingMemory: 1000 })];
    const task = requirementsOf(taskDefinition(800));
    expect(task.memory).toBe(800);
    const { placedOn, instances } = placeSeries(cluster, task, 2, { strategies: [{ type: 'binpack', field: 'memory' }] });
    expect(placedOn).toEqual(['i-1000', 'i-3000']);
    expect(instances.find((i) => i.ec2InstanceId === 'i-1000')?.remainingMemory).toBe(200);
  });

  it('fails with RESOURCE:MEMORY when no instance has the memory', () => {
    const cluster = [instance('i-3000', { remainingMemory: 3000 }), instance('i-1000', { remainingMemory: 1000 })];
    const choice = chooseInstance(cluster, requirementsOf(taskDefinition(4000)), [{ type: 'binpack', field: 'memory' }], () => 0);
    expect(choice.chosen).toBeNull();
    expect(choice.failureReason).toBe('RESOURCE:MEMORY');
  });

  it('packs on CPU when asked, and reads the field in any case as ECS does', () => {
    const cluster = [
      instance('i-cpu-low', { remainingCpu: 512, remainingMemory: 4000 }),
      instance('i-mem-low', { remainingCpu: 2048, remainingMemory: 1000 }),
    ];
    const pick = (field: string) => chooseInstance(cluster, needs(256, 256), [{ type: 'binpack', field }], () => 0).chosen?.ec2InstanceId;
    expect(pick('cpu')).toBe('i-cpu-low');
    expect(pick('CPU')).toBe('i-cpu-low');
    expect(pick('memory')).toBe('i-mem-low');
    expect(pick('MEMORY')).toBe('i-mem-low');
  });
});

describe('spread', () => {
  it('balances Availability Zones first, then packs memory within the zone', () => {
    const cluster = [
      inZone('a-roomy', 'us-east-1a', 'm5.large', { remainingMemory: 3000 }),
      inZone('a-tight', 'us-east-1a', 'm5.large', { remainingMemory: 1000 }),
      inZone('b-tight', 'us-east-1b', 'm5.large', { remainingMemory: 2000 }),
      inZone('b-roomy', 'us-east-1b', 'm5.large', { remainingMemory: 4000 }),
    ];
    const strategies = [
      { type: 'spread' as const, field: 'attribute:ecs.availability-zone' },
      { type: 'binpack' as const, field: 'memory' },
    ];
    const { placedOn, choices } = placeSeries(cluster, needs(500), 4, { strategies });
    expect(placedOn).toEqual(['a-tight', 'b-tight', 'a-tight', 'b-tight']);
    expect(choices[1].explanation.stages).toEqual([
      { rule: 'spread(attribute:ecs.availability-zone)', kept: ['b-tight', 'b-roomy'] },
      { rule: 'binpack(memory)', kept: ['b-tight'] },
    ]);
  });

  it("counts the group's tasks on instances the task no longer fits on", () => {
    const cluster = [
      inZone('a-full', 'us-east-1a', 'm5.large', { remainingMemory: 0, groupTaskCount: 2 }),
      inZone('a-free', 'us-east-1a', 'm5.large'),
      inZone('b-free', 'us-east-1b', 'm5.large', { groupTaskCount: 1 }),
    ];
    const choice = chooseInstance(cluster, needs(100), [{ type: 'spread', field: 'attribute:ecs.availability-zone' }], () => 0);
    expect(choice.chosen?.ec2InstanceId).toBe('b-free');
  });

  it('puts instances without the attribute in one bucket instead of always preferring them', () => {
    const cluster = [
      instance('no-rack-1', { groupTaskCount: 1 }),
      instance('no-rack-2'),
      instance('rack-1', { attributes: { rack: 'r1' } }),
    ];
    const choice = chooseInstance(cluster, needs(100), [{ type: 'spread', field: 'attribute:rack' }], () => 0);
    expect(choice.chosen?.ec2InstanceId).toBe('rack-1');
  });

  it('by default (services) balances zones, then tasks per instance', () => {
    const cluster = [
      inZone('a-1', 'us-east-1a', 'm5.large'),
      inZone('a-2', 'us-east-1a', 'm5.large'),
      inZone('b-1', 'us-east-1b', 'm5.large'),
    ];
    const { placedOn } = placeSeries(cluster, needs(100), 4, { strategies: DEFAULT_SERVICE_STRATEGY });
    expect(placedOn).toEqual(['a-1', 'b-1', 'a-2', 'b-1']);
  });
});

describe('random', () => {
  const cluster = [instance('i-1'), instance('i-2'), instance('i-3'), instance('i-4')];

  it('is deterministic for a given pick function', () => {
    const sequence = (seed: number) => {
      let state = seed;
      return (n: number) => {
        state = (state * 1103515245 + 12345) % 2147483648;
        return state % n;
      };
    };
    const run = () => placeSeries(cluster, needs(100), 6, { strategies: [{ type: 'random' }], pick: sequence(7) }).placedOn;
    expect(run()).toEqual(run());
  });

  it('chooses the candidate the pick function names, among those still tied', () => {
    const asked: number[] = [];
    const last = (n: number) => {
      asked.push(n);
      return n - 1;
    };
    expect(chooseInstance(cluster, needs(100), [{ type: 'random' }], last).chosen?.ec2InstanceId).toBe('i-4');
    const zoned = [inZone('a', 'us-east-1a', 'x', { groupTaskCount: 1 }), inZone('b1', 'us-east-1b', 'x'), inZone('b2', 'us-east-1b', 'x')];
    const choice = chooseInstance(zoned, needs(100), [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'random' }], last);
    expect(choice.chosen?.ec2InstanceId).toBe('b2');
    expect(asked).toEqual([4, 2]);
  });
});
