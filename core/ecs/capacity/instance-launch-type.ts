import type { LaunchType } from '../model/types.js';
import type { InstanceRecord } from '../model/state.js';

/**
 * Each kind of instance takes its own launch type: ECS Anywhere servers EXTERNAL tasks, Managed Instances
 * MANAGED_INSTANCES tasks, and the EC2 instances you run EC2 tasks.
 */
export const instanceTakes = (instance: Pick<InstanceRecord, 'external' | 'managed'>, launchType: LaunchType): boolean =>
  launchType === (instance.external ? 'EXTERNAL' : instance.managed ? 'MANAGED_INSTANCES' : 'EC2');
