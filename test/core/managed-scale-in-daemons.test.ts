import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../core/index.js';

/**
 * Found while writing the managed-scaling properties (test/properties). With managed termination
 * protection, ECS terminates only instances without tasks, but ignores the tasks of DAEMON services: every
 * instance runs them ("Control the instances Amazon ECS terminates", ECS developer guide). The engine
 * counted them (it kept any instance with a task), so a cluster with a daemon never scaled in; now an
 * instance that runs only daemon tasks may be terminated.
 */
describe('managed scaling with a daemon service on every instance', () => {
  it('scales in the instances that run only daemon tasks', () => {
    const sim = createSimulator({ seed: 1 });
    sim.createCluster({ clusterName: 'demo' });
    const { autoScalingGroupArn } = sim.control.createAutoScalingGroup({ name: 'asg', cluster: 'demo', instanceType: 'm5.large', minSize: 0, maxSize: 10 });
    sim.createCapacityProvider({ name: 'asg', autoScalingGroupProvider: { autoScalingGroupArn, managedScaling: { status: 'ENABLED', targetCapacity: 100 }, managedTerminationProtection: 'ENABLED' } });
    sim.putClusterCapacityProviders({ cluster: 'demo', capacityProviders: ['asg'], defaultCapacityProviderStrategy: [{ capacityProvider: 'asg', weight: 1 }] });
    sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', cpu: 1024, memory: 1024 }] });
    sim.registerTaskDefinition({ family: 'agent', containerDefinitions: [{ name: 'agent', image: 'agent', cpu: 64, memory: 64 }] });
    sim.createService({ cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 6 });
    sim.createService({ cluster: 'demo', serviceName: 'agent', taskDefinition: 'agent', schedulingStrategy: 'DAEMON' });
    const instances = () => sim.listContainerInstances({ cluster: 'demo', status: 'ACTIVE' }).containerInstanceArns.length;
    sim.control.advance(1800);
    expect(instances()).toBe(6);
    sim.updateService({ cluster: 'demo', service: 'web', desiredCount: 1 });
    sim.control.advance(3600);
    expect(instances()).toBeLessThan(6);
  });
});
