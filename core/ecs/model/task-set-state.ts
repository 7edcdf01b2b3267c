import type { LaunchType } from './types.js';
import type { ServiceLoadBalancer } from './state.js';

/**
 * A task set: one version of a service's tasks, scaled as a percentage of the desired count. Services with
 * the CODE_DEPLOY or EXTERNAL deployment controller run task sets instead of rolling deployments.
 */
export interface TaskSetRecord {
  id: string;
  arn: string;
  taskDefinitionArn: string;
  status: 'PRIMARY' | 'ACTIVE' | 'DRAINING';
  scalePercent: number;
  loadBalancers: ServiceLoadBalancer[];
  stabilityStatus: 'STEADY_STATE' | 'STABILIZING';
  launchType: LaunchType;
  externalId?: string;
  createdAt: number;
  updatedAt: number;
}

/** Tasks a task set wants: ceil(desired × scale / 100). */
export const taskSetDesired = (desiredCount: number, scalePercent: number) => Math.ceil((desiredCount * scalePercent) / 100);
