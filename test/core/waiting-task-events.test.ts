import { describe, expect, it } from 'vitest';
import { createSimulator, type SimEvent } from '../../core/index.js';

/**
 * Found by the chaos properties (test/properties: a service's pendingCount disagreed with its tasks' state
 * changes). A task that waits in PROVISIONING for the instances managed scaling launches exists (ListTasks,
 * DescribeTasks, the service's pendingCount), so a consumer of the events must hear of it before an
 * instance takes it.
 */
describe('a task waiting for capacity from managed scaling', () => {
  it('is announced by an ECS Task State Change in PROVISIONING', () => {
    const sim = createSimulator({ seed: 1 });
    sim.createCluster({ clusterName: 'demo' });
    const { autoScalingGroupArn } = sim.control.createAutoScalingGroup({ name: 'asg', cluster: 'demo', instanceType: 'm5.large', minSize: 0, maxSize: 4 });
    sim.createCapacityProvider({ name: 'asg', autoScalingGroupProvider: { autoScalingGroupArn, managedScaling: { status: 'ENABLED', targetCapacity: 100 }, managedTerminationProtection: 'ENABLED' } });
    sim.putClusterCapacityProviders({ cluster: 'demo', capacityProviders: ['asg'], defaultCapacityProviderStrategy: [{ capacityProvider: 'asg', weight: 1 }] });
    sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', cpu: 512, memory: 512 }] });
    const announced = new Set<string>();
    sim.control.subscribe((e: SimEvent) => {
      if (e.kind === 'eventbridge' && e.event['detail-type'] === 'ECS Task State Change') announced.add(String(e.event.detail.taskArn));
    });
    sim.createService({ cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 2 });
    sim.control.advance(1);
    const { taskArns } = sim.listTasks({ cluster: 'demo', serviceName: 'web' });
    const waiting = sim.describeTasks({ cluster: 'demo', tasks: taskArns }).tasks.filter((t) => t.lastStatus === 'PROVISIONING' && !t.containerInstanceArn);
    expect(waiting).toHaveLength(2);
    expect(waiting.filter((t) => !announced.has(t.taskArn)).map((t) => t.taskArn)).toEqual([]);
  });
});
