import { describe, expect, it } from 'vitest';
import { webBehindAlb } from './web-behind-alb.js';

/** Two tasks of web behind an ALB, with a scalable target of 2 to 10 tasks. */
function scalableWebBehindAlb() {
  const { sim, lb, tg } = webBehindAlb({ seed: 3, instances: 4, image: { baseMemoryMiB: 256 } });
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
    const { sim, label } = scalableWebBehindAlb();
    sim.applicationAutoScaling.putScalingPolicy(policy({ PredefinedMetricType: 'ALBRequestCountPerTarget', ResourceLabel: label }, 3000));
    sim.control.startTraffic({ name: 'clients', loadBalancer: 'web-alb', requestsPerSecond: 400 });
    sim.control.advance(6 * 60);
    // 400 × 60 / 2 = 12,000 requests per target per minute: ceil(2 × 12000 / 3000) = 8 tasks.
    expect(sim.describeServices({ services: ['web'] }).services[0].desiredCount).toBe(8);
  });

  it("publishes MemoryUtilization from what the image uses: 256 MiB of a 512 MiB task is 50 %", () => {
    const { sim } = scalableWebBehindAlb();
    sim.applicationAutoScaling.putScalingPolicy(policy({ PredefinedMetricType: 'ECSServiceAverageMemoryUtilization' }, 75));
    sim.control.advance(5 * 60);
    const memory = sim.control.metricHistory({ service: 'web', metric: 'MemoryUtilization' });
    expect(memory.length).toBeGreaterThan(3);
    expect(memory.at(-1)!.value).toBe(50);
    expect(sim.describeServices({ services: ['web'] }).services[0].desiredCount).toBe(2);
  });

  it('refuses ALBRequestCountPerTarget for a target group that is not behind the named load balancer', () => {
    const { sim } = scalableWebBehindAlb();
    expect(() => sim.applicationAutoScaling.putScalingPolicy(policy({ PredefinedMetricType: 'ALBRequestCountPerTarget', ResourceLabel: 'app/other/1/targetgroup/web-tg/2' }, 1000))).toThrow(
      expect.objectContaining({ name: 'ValidationException', message: expect.stringContaining('TargetTrackingScalingPolicyConfiguration.PredefinedMetricSpecification.ResourceLabel') }),
    );
  });
});
