import { describe, expect, it } from 'vitest';
import { createSimulator, restoreSimulator, type EcsSimulator } from '../../core/index.js';

const WEB = { ServiceNamespace: 'ecs', ResourceId: 'service/demo/web', ScalableDimension: 'ecs:service:DesiredCount' } as const;
const API = { ...WEB, ResourceId: 'service/demo/api' } as const;
const CPU_POLICY = { PolicyType: 'TargetTrackingScaling', TargetTrackingScalingPolicyConfiguration: { TargetValue: 50, PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' } } } as const;

/** What the neighbour services' read operations show: the part of the state the deletions change. */
function neighbours(sim: EcsSimulator) {
  return {
    targets: sim.applicationAutoScaling.describeScalableTargets({ ServiceNamespace: 'ecs' }),
    policies: sim.applicationAutoScaling.describeScalingPolicies({ ServiceNamespace: 'ecs' }),
    rules: sim.eventBridge.listRules(),
    targetsOfKeep: sim.eventBridge.listTargetsByRule({ Rule: 'keep' }),
  };
}

describe('deleting scaling policies, scalable targets, rule targets and rules', () => {
  it('is kept in a snapshot: the restored simulator shows the same targets, policies and rules', () => {
    const sim = createSimulator({ seed: 3 });
    sim.createCluster({ clusterName: 'demo' });
    sim.control.addInstances({ cluster: 'demo', instanceType: 'm5.large', count: 1 });
    sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:1', memory: 128 }] });
    for (const serviceName of ['web', 'api']) sim.createService({ cluster: 'demo', serviceName, taskDefinition: 'web', desiredCount: 1 });
    for (const target of [WEB, API]) sim.applicationAutoScaling.registerScalableTarget({ ...target, MinCapacity: 1, MaxCapacity: 3 });
    sim.applicationAutoScaling.putScalingPolicy({ ...WEB, PolicyName: 'cpu', ...CPU_POLICY });
    sim.applicationAutoScaling.putScalingPolicy({ ...WEB, PolicyName: 'cpu-too', ...CPU_POLICY });
    sim.applicationAutoScaling.deleteScalingPolicy({ ...WEB, PolicyName: 'cpu' });
    sim.applicationAutoScaling.deregisterScalableTarget(API);
    const target = { Id: 'web', Arn: 'arn:aws:ecs:us-east-1:123456789012:cluster/demo', EcsParameters: { TaskDefinitionArn: 'web' } };
    for (const Name of ['keep', 'drop']) {
      sim.eventBridge.putRule({ Name, ScheduleExpression: 'rate(1 hour)' });
      sim.eventBridge.putTargets({ Rule: Name, Targets: [target] });
    }
    sim.eventBridge.removeTargets({ Rule: 'drop', Ids: ['web'] });
    sim.eventBridge.deleteRule({ Name: 'drop' });

    const shown = neighbours(sim);
    expect(shown.targets.ScalableTargets.map((t) => t.ResourceId)).toEqual(['service/demo/web']);
    expect(shown.policies.ScalingPolicies.map((p) => p.PolicyName)).toEqual(['cpu-too']);
    expect(shown.rules.Rules.map((r) => r.Name)).toEqual(['keep']);
    const restored = restoreSimulator(JSON.parse(JSON.stringify(sim.control.snapshot())));
    expect(neighbours(restored)).toEqual(shown);
  });

  it('leaves the state as it was when refused', () => {
    const sim = createSimulator({ seed: 3 });
    sim.eventBridge.putRule({ Name: 'busy', ScheduleExpression: 'rate(1 hour)' });
    sim.eventBridge.putTargets({ Rule: 'busy', Targets: [{ Id: 'job', Arn: 'arn:aws:ecs:us-east-1:123456789012:cluster/default', EcsParameters: { TaskDefinitionArn: 'job' } }] });
    expect(() => sim.eventBridge.deleteRule({ Name: 'busy' })).toThrow("Rule can't be deleted since it has targets.");
    expect(() => sim.applicationAutoScaling.deregisterScalableTarget(WEB)).toThrow(expect.objectContaining({ name: 'ObjectNotFoundException' }));
    expect(sim.eventBridge.listTargetsByRule({ Rule: 'busy' }).Targets.map((t) => t.Id)).toEqual(['job']);
    expect(sim.control.snapshot().journal.map((entry) => entry.call)).toEqual(['eventBridge.putRule', 'eventBridge.putTargets']);
  });
});
