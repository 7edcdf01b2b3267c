import type { EcsSimulator } from '../../core/index.js';
import { buildBlueGreenLoadBalancer } from '../lab-kit/blue-green-load-balancer.js';
import { createLabSimulator } from '../lab-kit/lab-simulator.js';

/**
 * The account the lab starts from: four m5.large instances, the task definition web in three revisions, and
 * the load balancer the CodeDeploy deployment group used: web-alb, its listener on port 80 with a production
 * rule (/*) and a test rule (header x-amzn-ecs-blue-green-test: true), both forwarding to web-blue, and the
 * second target group web-green. Clients call the load balancer at 100 requests a second.
 */
export const SITUATION = {
  serviceName: 'web',
  taskDefinition: 'web:1',
  desiredCount: 2,
  smokeTest: 'arn:aws:lambda:us-east-1:123456789012:function:smoke-test',
  infrastructureRole: 'arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers',
  hookRole: 'arn:aws:iam::123456789012:role/ecsLambdaHookRole',
  requestsPerSecond: 100,
} as const;

export interface World {
  sim: EcsSimulator;
  blue: string;
  green: string;
  productionRule: string;
  testRule: string;
}

function register(sim: EcsSimulator, revision: number): void {
  sim.registerTaskDefinition({
    family: 'web',
    containerDefinitions: [{ name: 'web', image: `ecs-lab/web:${revision}`, cpu: 256, memory: 512, essential: true, portMappings: [{ containerPort: 80, hostPort: 0 }] }],
  });
}

export function buildWorld(): World {
  const sim = createLabSimulator({ seed: 1 });
  sim.createCluster({ clusterName: 'default' });
  sim.control.addInstances({ instanceType: 'm5.large', count: 4, availabilityZones: ['us-east-1a', 'us-east-1b'] });
  for (const revision of [1, 2, 3]) register(sim, revision);
  const { blue, green, productionRule, testRule } = buildBlueGreenLoadBalancer(sim, 'web', { testRule: true });
  sim.control.startTraffic({ name: 'clients', loadBalancer: 'web-alb', requestsPerSecond: SITUATION.requestsPerSecond });
  return { sim, blue, green, productionRule, testRule: testRule! };
}
