import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../core/index.js';

/** Two tasks of web behind an ALB, with a scalable target of 2 to 10 tasks. */
function webBehindAlb() {
  const sim = createSimulator({ seed: 3 });
  sim.createCluster({ clusterName: 'default' });
  sim.control.addInstances({ instanceType: 'm5.xlarge', count: 4 });
  sim.control.registerImage('web:1', { baseMemoryMiB: 256, capacityRps: 1000 });
  sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:1', cpu: 256, memory: 512, portMappings: [{ containerPort: 80 }] }] });
  const lb = sim.elbv2.createLoadBalancer({ Name: 'web-alb', Type: 'application' }).LoadBalancers[0].LoadBalancerArn;
  const tg = sim.elbv2.createTargetGroup({ Name: 'web-tg', Protocol: 'HTTP', Port: 80, TargetType: 'instance' }).TargetGroups[0].TargetGroupArn;
  sim.elbv2.createListener({ LoadBalancerArn: lb, Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'forward', TargetGroupArn: tg }] });
  sim.createService({ serviceName: 'web', taskDefinition: 'web', desiredCount: 2, loadBalancers: [{ targetGroupArn: tg, containerName: 'web', containerPort: 80 }] });
  sim.control.runUntilSteady({ service: 'web' });
  sim.applicationAutoScaling.registerScalableTarget({ ServiceNamespace: 'ecs', ResourceId: 'service/default/web', ScalableDimension: 'ecs:service:DesiredCount', MinCapacity: 2, MaxCapacity: 10 });
  // ResourceLabel: app/<lb name>/<lb id>/targetgroup/<tg name>/<tg id>, the ends of the two ARNs.
  const label = `${lb.slice(lb.indexOf(':loadbalancer/') + ':loadbalancer/'.length)}/${tg.slice(tg.indexOf(':targetgroup/') + 1)}`;
  return { sim, label };
}

const policy = (spec: object, targetValue: number) =>
  ({
    ServiceNamespace: 'ecs',
    ResourceId: 'service/default/web',
    ScalableDimension: 'ecs:service:DesiredCount',
    PolicyName: 'tracking',
    PolicyType: 'TargetTrackingScaling',
    TargetTrackingScalingPolicyConfiguration: { TargetValue: targetValue, PredefinedMetricSpecification: spec },
  }) as never;

describe('metrics that target tracking can follow', () => {
  it('scales on requests per target: 400 requests a second over 2 targets against 3000 a minute each', () => {
    const { sim, label } = webBehindAlb();
    sim.applicationAutoScaling.putScalingPolicy(policy({ PredefinedMetricType: 'ALBRequestCountPerTarget', ResourceLabel: label }, 3000));
    sim.control.startTraffic({ name: 'clients', loadBalancer: 'web-alb', requestsPerSecond: 400 });
    sim.control.advance(6 * 60);
    // 400 × 60 / 2 = 12,000 requests per target per minute: ceil(2 × 12000 / 3000) = 8 tasks.
    expect(sim.describeServices({ services: ['web'] }).services[0].desiredCount).toBe(8);
  });

  it("publishes MemoryUtilization from what the image uses: 256 MiB of a 512 MiB task is 50 %", () => {
    const { sim } = webBehindAlb();
    sim.applicationAutoScaling.putScalingPolicy(policy({ PredefinedMetricType: 'ECSServiceAverageMemoryUtilization' }, 75));
    sim.control.advance(5 * 60);
    const memory = sim.control.metricHistory({ service: 'web', metric: 'MemoryUtilization' });
    expect(memory.length).toBeGreaterThan(3);
    expect(memory.at(-1)!.value).toBe(50);
    expect(sim.describeServices({ services: ['web'] }).services[0].desiredCount).toBe(2);
  });

  it('refuses ALBRequestCountPerTarget for a target group that is not behind the named load balancer', () => {
    const { sim } = webBehindAlb();
    expect(() => sim.applicationAutoScaling.putScalingPolicy(policy({ PredefinedMetricType: 'ALBRequestCountPerTarget', ResourceLabel: 'app/other/1/targetgroup/web-tg/2' }, 1000))).toThrow(
      expect.objectContaining({ name: 'ValidationException', message: expect.stringContaining('TargetTrackingScalingPolicyConfiguration.PredefinedMetricSpecification.ResourceLabel') }),
    );
  });
});
