import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../core/index.js';

/**
 * Found by the chaos properties (test/properties, "services around ECS under chaos"). A scheduled action
 * may give one bound only (Application Auto Scaling allows it); when it sets a minimum above the target's
 * maximum, the action fails and changes nothing: Application Auto
 * Scaling never holds a minimum above a maximum (RegisterScalableTarget refuses one).
 */
const target = { ServiceNamespace: 'ecs', ResourceId: 'service/demo/web', ScalableDimension: 'ecs:service:DesiredCount' } as const;

describe('a scheduled action that raises the minimum above the maximum', () => {
  it('never leaves the scalable target with its minimum above its maximum, nor the service outside them', () => {
    const sim = createSimulator({ seed: 1 });
    sim.createCluster({ clusterName: 'demo' });
    sim.control.addInstances({ cluster: 'demo', instanceType: 'm5.large', count: 2 });
    sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', cpu: 128, memory: 128 }] });
    sim.createService({ cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 2 });
    sim.applicationAutoScaling.registerScalableTarget({ ...target, MinCapacity: 1, MaxCapacity: 5 });
    sim.applicationAutoScaling.putScheduledAction({ ...target, ScheduledActionName: 'morning', Schedule: 'rate(5 minutes)', ScalableTargetAction: { MinCapacity: 6 } });
    sim.control.advance(600);
    const [{ MinCapacity, MaxCapacity }] = sim.applicationAutoScaling.describeScalableTargets({ ServiceNamespace: 'ecs' }).ScalableTargets;
    const { desiredCount } = sim.describeServices({ cluster: 'demo', services: ['web'] }).services[0];
    expect(MinCapacity).toBeLessThanOrEqual(MaxCapacity);
    expect(desiredCount).toBeGreaterThanOrEqual(MinCapacity);
    expect(desiredCount).toBeLessThanOrEqual(MaxCapacity);
    const [latest] = sim.applicationAutoScaling.describeScalingActivities({ ServiceNamespace: 'ecs', ResourceId: target.ResourceId }).ScalingActivities;
    expect(latest).toMatchObject({ StatusCode: 'Failed', StatusMessage: 'Minimum capacity 6 cannot be greater than maximum capacity 5.' });
  });
});
