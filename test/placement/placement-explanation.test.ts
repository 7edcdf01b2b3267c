import { describe, expect, it } from 'vitest';
import { chooseInstance } from '../../core/ecs/placement/choose-instance.js';
import { instance, needs } from './fixtures.js';

const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(2, '0')}`);

describe('the placement explanation of a large cluster', () => {
  it('lists the first 20 instances a rule kept and says how many it kept in all', () => {
    const cluster = ids('i', 30).map((id) => instance(id));
    const { explanation } = chooseInstance(cluster, needs(100), [{ type: 'spread', field: 'instanceId' }], () => 0);
    expect(explanation.stages).toEqual([{ rule: 'spread(instanceId)', kept: ids('i', 20), keptTotal: 30 }]);
    expect(explanation.chosen?.ec2InstanceId).toBe('i-00');
  });

  it('lists the first 20 rejected instances, resource rejections before constraint ones, and says how many in all', () => {
    const full = ids('full', 15).map((id) => instance(id, { remainingMemory: 50 }));
    const busy = ids('busy', 10).map((id) => instance(id, { groupTaskCount: 1 }));
    const { explanation } = chooseInstance([...busy, ...full, instance('free')], needs(100), [], () => 0, [{ type: 'distinctInstance' }]);
    expect(explanation.rejectedTotal).toBe(25);
    expect(explanation.rejected.map((r) => r.ec2InstanceId)).toEqual([...ids('full', 15), ...ids('busy', 5)]);
    expect(explanation.chosen?.ec2InstanceId).toBe('free');
  });

  it('lists everything, with no totals, when the lists are short', () => {
    const { explanation } = chooseInstance([instance('a', { remainingMemory: 50 }), instance('b')], needs(100), [{ type: 'binpack', field: 'memory' }], () => 0);
    expect(explanation).toEqual({
      rejected: [{ containerInstanceId: 'ci-a', ec2InstanceId: 'a', reason: 'RESOURCE:MEMORY' }],
      stages: [{ rule: 'binpack(memory)', kept: ['b'] }],
      chosen: { containerInstanceId: 'ci-b', ec2InstanceId: 'b' },
    });
  });
});
