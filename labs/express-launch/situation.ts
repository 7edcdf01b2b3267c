import type { EcsSimulator } from '../../core/index.js';
import { createLabSimulator } from '../lab-kit/lab-simulator.js';

/**
 * The account the lab starts from: the execution role, and the campaign site's image, of which one task serves
 * up to 200 requests a second. Express Mode's infrastructure role is the one the console makes.
 */
export const SITUATION = {
  serviceName: 'campaign',
  image: 'ecs-lab/campaign:1',
  /** The launch: 50 requests a second before it, 900 for the first 30 minutes after it. */
  quietRps: 50,
  launchRps: 900,
  launchAfterMinutes: 15,
  launchMinutes: 30,
  /** A bot storm later: 4,000 requests a second for 20 minutes. */
  botRps: 4000,
  botsAfterMinutes: 60,
  botMinutes: 20,
  /** The campaign's budget: never more than this many tasks at once. */
  mostTasks: 10,
} as const;

export function buildAccount(): EcsSimulator {
  const sim = createLabSimulator({ seed: 1 });
  sim.iam.createRole({ RoleName: 'ecsTaskExecutionRole' });
  sim.iam.attachRolePolicy({ RoleName: 'ecsTaskExecutionRole', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy' });
  sim.control.registerImage(SITUATION.image, { capacityRps: 200 });
  return sim;
}
