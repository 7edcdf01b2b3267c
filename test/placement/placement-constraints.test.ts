import { describe, expect, it } from 'vitest';
import { applyConstraints } from '../../core/ecs/placement/apply-constraints.js';
import { chooseInstance } from '../../core/ecs/placement/choose-instance.js';
import { inZone, instance, needs, placeSeries } from './fixtures.js';

const binpackMemory = [{ type: 'binpack' as const, field: 'memory' }];
const distinct = [{ type: 'distinctInstance' as const }];

describe('distinctInstance', () => {
  it('puts each task of the group on a different instance, counting tasks placed earlier in the call', () => {
    // binpack alone would stack every task on i-1, the fullest instance.
    const cluster = [instance('i-1', { remainingMemory: 1000 }), instance('i-2'), instance('i-3')];
    const { placedOn, choices } = placeSeries(cluster, needs(100), 4, { strategies: binpackMemory, constraints: distinct });
    expect(placedOn).toEqual(['i-1', 'i-2', 'i-3']);
    const fourth = choices[3];
    expect(fourth.chosen).toBeNull();
    expect(fourth.failureReason).toBe('ATTRIBUTE');
    expect(fourth.explanation.rejected.map((r) => [r.ec2InstanceId, r.reason, r.detail])).toEqual([
      ['i-1', 'ATTRIBUTE', 'distinctInstance: 1 task of this group already on the instance'],
      ['i-2', 'ATTRIBUTE', 'distinctInstance: 1 task of this group already on the instance'],
      ['i-3', 'ATTRIBUTE', 'distinctInstance: 1 task of this group already on the instance'],
    ]);
  });

  it('ignores tasks of other groups', () => {
    const busy = instance('i-1', { groupTaskCount: 0, taskGroups: ['service:other', 'service:other'] });
    expect(chooseInstance([busy], needs(100), [], () => 0, distinct).chosen?.ec2InstanceId).toBe('i-1');
  });
});

describe('memberOf', () => {
  const cluster = [
    inZone('i-a', 'us-east-1a', 't3.small'),
    inZone('i-b', 'us-east-1b', 't2.micro'),
    inZone('i-c', 'us-east-1c', 't3.large'),
  ];

  it('keeps tasks in the listed Availability Zones over several placements', () => {
    const zones = [{ type: 'memberOf' as const, expression: 'attribute:ecs.availability-zone in [us-east-1a, us-east-1b]' }];
    const spreadByInstance = [{ type: 'spread' as const, field: 'instanceId' }];
    const { placedOn } = placeSeries(cluster, needs(100), 6, { strategies: spreadByInstance, constraints: zones });
    expect(placedOn).toEqual(['i-a', 'i-b', 'i-a', 'i-b', 'i-a', 'i-b']);
  });

  it('keeps only matching instance types and says what the others had', () => {
    const t3 = [{ type: 'memberOf' as const, expression: 'attribute:ecs.instance-type =~ t3.*' }];
    const choice = chooseInstance(cluster, needs(100), [], () => 0, t3);
    expect(choice.chosen?.ec2InstanceId).toBe('i-a');
    expect(choice.explanation.rejected).toEqual([
      {
        containerInstanceId: 'ci-i-b',
        ec2InstanceId: 'i-b',
        reason: 'ATTRIBUTE',
        detail: 'memberOf(attribute:ecs.instance-type =~ t3.*) did not match (t2.micro)',
      },
    ]);
  });

  it('names every subject of a compound expression in the detail', () => {
    const expression = 'attribute:ecs.instance-type =~ t3.* and attribute:ecs.availability-zone != us-east-1c';
    const { rejected } = applyConstraints(cluster, [{ type: 'memberOf', expression }]);
    expect(rejected.map((r) => r.detail)).toEqual([
      `memberOf(${expression}) did not match (attribute:ecs.instance-type=t2.micro; attribute:ecs.availability-zone=us-east-1b)`,
      `memberOf(${expression}) did not match (attribute:ecs.instance-type=t3.large; attribute:ecs.availability-zone=us-east-1c)`,
    ]);
  });

  it('keeps a group away from instances running another group (task:group anti-affinity)', () => {
    const withDb = [instance('i-1', { taskGroups: ['service:db'] }), instance('i-2', { taskGroups: [] })];
    const awayFromDb = [{ type: 'memberOf' as const, expression: 'not(task:group == service:db)' }];
    const choice = chooseInstance(withDb, needs(100), [], () => 0, awayFromDb);
    expect(choice.chosen?.ec2InstanceId).toBe('i-2');
    expect(choice.explanation.rejected[0].detail).toBe('memberOf(not(task:group == service:db)) did not match (service:db)');
  });

  it('reports registeredAt as a date and absent values plainly', () => {
    const old = instance('i-1', { registeredAt: 1518480000, taskGroups: [] });
    const { rejected } = applyConstraints([old], [
      { type: 'memberOf', expression: 'registeredAt > 2020-01-01' },
    ]);
    expect(rejected[0].detail).toBe('memberOf(registeredAt > 2020-01-01) did not match (2018-02-13T00:00:00Z)');
    const { rejected: noGpu } = applyConstraints([old], [{ type: 'memberOf', expression: 'attribute:gpu exists' }]);
    expect(noGpu[0].detail).toContain('(not set)');
  });

  it('reports the first constraint an instance fails', () => {
    const both = [
      { type: 'distinctInstance' as const },
      { type: 'memberOf' as const, expression: 'attribute:ecs.instance-type == t3.small' },
    ];
    const { kept, rejected } = applyConstraints([inZone('i-b', 'us-east-1b', 't2.micro', { groupTaskCount: 1 })], both);
    expect(kept).toEqual([]);
    expect(rejected[0].constraint).toEqual({ type: 'distinctInstance' });
  });
});

describe('constraints in the placement explanation', () => {
  it('lists which instance was rejected by which rule', () => {
    const cluster = [
      inZone('i-small', 'us-east-1a', 't3.micro', { remainingMemory: 200 }),
      inZone('i-lost', 'us-east-1a', 't3.large', { agentConnected: false }),
      inZone('i-old', 'us-east-1b', 't2.large'),
      inZone('i-ok', 'us-east-1b', 't3.large'),
    ];
    const choice = chooseInstance(cluster, needs(512), [], () => 0, [
      { type: 'memberOf', expression: 'attribute:ecs.instance-type =~ t3.*' },
    ]);
    expect(choice.chosen?.ec2InstanceId).toBe('i-ok');
    expect(choice.explanation.rejected.map((r) => `${r.ec2InstanceId}: ${r.reason}${r.detail ? ` ${r.detail}` : ''}`)).toEqual([
      'i-small: RESOURCE:MEMORY',
      'i-lost: AGENT',
      'i-old: ATTRIBUTE memberOf(attribute:ecs.instance-type =~ t3.*) did not match (t2.large)',
    ]);
  });

  it('fails with ATTRIBUTE when constraints removed every instance that had room, naming one of those', () => {
    const cluster = [inZone('i-full', 'us-east-1a', 't3.micro', { remainingMemory: 100 }), inZone('i-t2', 'us-east-1a', 't2.large', { remainingMemory: 300 })];
    const choice = chooseInstance(cluster, needs(200), [], () => 0, [
      { type: 'memberOf', expression: 'attribute:ecs.instance-type =~ t3.*' },
    ]);
    expect(choice.failureReason).toBe('ATTRIBUTE');
    expect(choice.closest?.ec2InstanceId).toBe('i-t2');
  });

  it('keeps the resource reason when no instance had room at all', () => {
    const cluster = [inZone('i-1', 'us-east-1a', 't3.micro', { remainingMemory: 100 })];
    const choice = chooseInstance(cluster, needs(200), [], () => 0, [
      { type: 'memberOf', expression: 'attribute:ecs.instance-type =~ m5.*' },
    ]);
    expect(choice.failureReason).toBe('RESOURCE:MEMORY');
  });
});
