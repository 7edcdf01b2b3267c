import type { EcsSimulator } from '../../core/index.js';
import { createLabSimulator } from '../lab-kit/lab-simulator.js';

/**
 * The account the lab starts from: two m5.large instances (2048 CPU units each) in two zones, the load
 * balancer web-alb with its listener on port 80 forwarding to the target group web-tg (instance targets,
 * health checks every 30 s on /health), and the web application's images: they answer on port 8080, but only
 * after warming up for 90 seconds.
 */
export const SITUATION = {
  serviceName: 'web',
  family: 'web',
  desiredCount: 6,
  warmUpSeconds: 90,
  requestsPerSecond: 300,
} as const;

export interface World {
  sim: EcsSimulator;
  targetGroup: string;
}

export function buildWorld(): World {
  const sim = createLabSimulator({ seed: 1 });
  sim.createCluster({ clusterName: 'default' });
  sim.control.addInstances({ instanceType: 'm5.large', count: 2, availabilityZones: ['us-east-1a', 'us-east-1b'] });
  for (const revision of [1, 2]) sim.control.registerImage(`ecs-lab/web:${revision}`, { warmUpSeconds: SITUATION.warmUpSeconds });
  const lb = sim.elbv2.createLoadBalancer({ Name: 'web-alb', Type: 'application' }).LoadBalancers[0].LoadBalancerArn;
  const targetGroup = sim.elbv2.createTargetGroup({ Name: 'web-tg', Protocol: 'HTTP', Port: 8080, TargetType: 'instance', HealthCheckPath: '/health' } as never).TargetGroups[0].TargetGroupArn;
  sim.elbv2.modifyTargetGroupAttributes({ TargetGroupArn: targetGroup, Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '30' }] });
  sim.elbv2.createListener({ LoadBalancerArn: lb, Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'forward', TargetGroupArn: targetGroup }] });
  return { sim, targetGroup };
}
