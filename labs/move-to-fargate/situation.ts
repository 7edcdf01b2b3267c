import type { EcsSimulator } from '../../core/index.js';
import { createLabSimulator } from '../lab-kit/lab-simulator.js';

/**
 * The account the lab starts from: the cluster default with its two m5.large instances, which the team wants to
 * retire, and the FARGATE capacity provider; the execution role; the log group the API logs to; and the API's
 * image in ECR, which holds about 700 MiB once warm.
 */
export const SITUATION = {
  serviceName: 'api',
  family: 'api',
  desiredCount: 3,
  image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/api:3',
  appMemoryMiB: 700,
  instanceCount: 2,
} as const;

export function buildAccount(): EcsSimulator {
  const sim = createLabSimulator({ seed: 1 });
  sim.createCluster({ clusterName: 'default', capacityProviders: ['FARGATE'] });
  sim.control.addInstances({ instanceType: 'm5.large', count: SITUATION.instanceCount, availabilityZones: ['us-east-1a', 'us-east-1b'] });
  sim.iam.createRole({ RoleName: 'ecsTaskExecutionRole' });
  sim.iam.attachRolePolicy({ RoleName: 'ecsTaskExecutionRole', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy' });
  sim.logs.createLogGroup({ logGroupName: '/ecs/api' });
  // A steady 700 MiB, and a little more with each request in flight.
  sim.control.registerImage(SITUATION.image, { baseMemoryMiB: SITUATION.appMemoryMiB, memoryGrowthMiBPerMinute: 0.001 });
  return sim;
}
