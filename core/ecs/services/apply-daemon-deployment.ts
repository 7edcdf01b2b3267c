import type { SimContext } from '../../kernel/context.js';
import type { ServiceRecord } from '../model/state.js';
import type { DaemonDeploymentChange } from './service-plan.js';

/**
 * The applier's part for a Managed Daemon's pass (called by apply-plan.ts after the steps): the newest
 * deployment's new state; once a delete has drained every instance, the daemon is gone.
 */
export function applyDaemonDeployment(ctx: SimContext, scheduler: ServiceRecord, change: DaemonDeploymentChange): void {
  const daemon = ctx.state.managedDaemons.daemons.get(scheduler.managedDaemon!);
  if (!daemon) return;
  Object.assign(daemon.deployments[0], change.progress);
  if (!change.remove) return;
  ctx.state.managedDaemons.daemons.delete(daemon.arn);
  scheduler.status = 'INACTIVE';
}
