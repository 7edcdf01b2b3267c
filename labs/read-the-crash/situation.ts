import type { EcsSimulator } from '../../core/index.js';
import { createLabSimulator } from '../lab-kit/lab-simulator.js';

/**
 * The account the lab starts from: a cluster on Fargate with Container Insights off, the execution role with
 * the managed policy, the log group /ecs/orders, and the image ecs-lab/orders:1, which starts fine, then gives up
 * on its database 4 minutes later and exits, saying why on its standard output.
 */
export const SITUATION = {
  serviceName: 'orders',
  family: 'orders',
  desiredCount: 2,
  logGroup: '/ecs/orders',
  lastWords: 'FATAL: could not connect to postgres at db.internal:5432: connection refused',
  crashAfterSeconds: 4 * 60,
} as const;

export function buildAccount(): EcsSimulator {
  const sim = createLabSimulator({ seed: 1 });
  sim.createCluster({ clusterName: 'default', capacityProviders: ['FARGATE'] });
  sim.iam.createRole({ RoleName: 'ecsTaskExecutionRole' });
  sim.iam.attachRolePolicy({ RoleName: 'ecsTaskExecutionRole', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy' });
  sim.logs.createLogGroup({ logGroupName: SITUATION.logGroup });
  sim.control.registerImage('ecs-lab/orders:1', {
    crashAfterSeconds: SITUATION.crashAfterSeconds,
    exitCode: 1,
    logs: { atStart: ['orders 1.4.2 listening on :8080'], atExit: SITUATION.lastWords },
  });
  return sim;
}
