import type { EcsSimulator } from '../../core/index.js';
import { buildBlueGreenLoadBalancer } from '../lab-kit/blue-green-load-balancer.js';
import { createLabSimulator } from '../lab-kit/lab-simulator.js';

/**
 * The account the lab starts from: the service checkout, 4 tasks of checkout:1 behind checkout-alb, deployed
 * blue/green by ECS (production rule /*, no test rule), and clients calling it at 100 requests a second.
 * Every version answers 0.1 % of its requests with a 5xx; checkout:2 has a bug and answers 20 % with one.
 */
export const SITUATION = {
  serviceName: 'checkout',
  requestsPerSecond: 100,
  errorPercent: { 1: 0.1, 2: 20, 3: 0.1 } as Record<number, number>,
} as const;

export interface World {
  sim: EcsSimulator;
  productionRule: string;
  blue: string;
  green: string;
  /** CloudWatch's LoadBalancer dimension of checkout-alb: app/checkout-alb/ID. */
  loadBalancerDimension: string;
}

export function buildWorld(): World {
  const sim = createLabSimulator({ seed: 1 });
  sim.createCluster({ clusterName: 'default' });
  sim.control.addInstances({ instanceType: 'm5.large', count: 4, availabilityZones: ['us-east-1a', 'us-east-1b'] });
  for (const revision of [1, 2, 3]) {
    sim.control.registerImage(`ecs-lab/checkout:${revision}`, { errorPercent: SITUATION.errorPercent[revision] });
    sim.registerTaskDefinition({
      family: 'checkout',
      containerDefinitions: [{ name: 'checkout', image: `ecs-lab/checkout:${revision}`, cpu: 256, memory: 512, essential: true, portMappings: [{ containerPort: 80, hostPort: 0 }] }],
    });
  }
  const { loadBalancer, blue, green, productionRule } = buildBlueGreenLoadBalancer(sim, 'checkout', { testRule: false });
  sim.createService({
    serviceName: SITUATION.serviceName,
    taskDefinition: 'checkout:1',
    desiredCount: 4,
    deploymentConfiguration: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5 },
    loadBalancers: [
      {
        targetGroupArn: blue,
        containerName: 'checkout',
        containerPort: 80,
        advancedConfiguration: { alternateTargetGroupArn: green, productionListenerRule: productionRule, roleArn: 'arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers' },
      },
    ],
  });
  sim.control.runUntilSteady({ service: SITUATION.serviceName, maxSeconds: 900 });
  sim.control.startTraffic({ name: 'clients', loadBalancer: 'checkout-alb', requestsPerSecond: SITUATION.requestsPerSecond });
  return { sim, productionRule, blue, green, loadBalancerDimension: loadBalancer.slice(loadBalancer.indexOf(':loadbalancer/') + ':loadbalancer/'.length) };
}
