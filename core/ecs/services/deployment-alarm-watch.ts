import type { CloudWatchHooks } from '../../cloudwatch/cloudwatch-hooks.js';
import { wakeServices } from '../capacity/instance-events.js';

/** A deployment's alarms are CloudWatch's: every service looks again when one changes state. */
export function watchDeploymentAlarms(hooks: CloudWatchHooks): void {
  hooks.alarmStateChanged.on((ctx) => {
    for (const cluster of ctx.state.clusters.values()) wakeServices(ctx, cluster.name);
  });
}
