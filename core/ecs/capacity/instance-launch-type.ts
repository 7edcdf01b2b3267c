import type { LaunchType } from '../model/types.js';
import type { InstanceRecord } from '../model/state.js';

/** ECS Anywhere servers take EXTERNAL tasks only, and EC2 instances never take them. */
export const instanceTakes = (instance: Pick<InstanceRecord, 'external'>, launchType: LaunchType): boolean =>
  (launchType === 'EXTERNAL') === (instance.external === true);
