import type { EcsSimulator } from '../../core/index.js';
import { createLabSimulator } from '../lab-kit/lab-simulator.js';

/**
 * The account the lab starts from: a cluster on Fargate, the execution role, the task definition api:1 whose
 * image is in ECR, and a VPC of two public subnets (routed to an internet gateway) and two private ones
 * (no route to the internet, no NAT gateway), one of each per zone.
 */
export const SITUATION = {
  serviceName: 'api',
  taskDefinition: 'api:1',
  desiredCount: 2,
  image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1',
  privateSubnets: ['subnet-private-a', 'subnet-private-b'],
  publicSubnets: ['subnet-public-a', 'subnet-public-b'],
} as const;

/** Long enough for every task ECS starts, and the ones it starts again after a failure, to show their fate. */
export const WATCH_SECONDS = 5 * 60;

export function buildAccount(): EcsSimulator {
  const sim = createLabSimulator({ seed: 1 });
  sim.createCluster({ clusterName: 'default', capacityProviders: ['FARGATE'] });
  sim.iam.createRole({ RoleName: 'ecsTaskExecutionRole' });
  sim.iam.attachRolePolicy({ RoleName: 'ecsTaskExecutionRole', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy' });
  for (const subnetId of SITUATION.privateSubnets) sim.control.configureSubnet({ subnetId, defaultRoute: 'none' });
  for (const subnetId of SITUATION.publicSubnets) sim.control.configureSubnet({ subnetId, defaultRoute: 'internet-gateway' });
  sim.registerTaskDefinition({
    family: 'api',
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '256',
    memory: '512',
    executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    containerDefinitions: [{ name: 'api', image: SITUATION.image, essential: true, portMappings: [{ containerPort: 8080 }] }],
  });
  return sim;
}
