import { Priority } from '../../kernel/clock.js';
import type { SimContext } from '../../kernel/context.js';
import { placeWaitingTasks } from '../capacity/waiting-tasks.js';
import type { EcsHooks } from '../model/ecs-hooks.js';
import type { TaskRecord } from '../model/state.js';

/**
 * A Managed Daemon's task has no service to wake: its daemon looks again when it is RUNNING or STOPPED. Once
 * RUNNING, the application tasks that waited for it may go on its instance (capacity/
 * managed-daemon-readiness.ts), as soon as the instant's changes have settled.
 */
export function watchManagedDaemonTasks(hooks: EcsHooks): void {
  hooks.taskRunning.on((ctx, task) => {
    if (!wakeDaemon(ctx, task)) return;
    const cluster = ctx.state.clusters.get(task.clusterName)!;
    ctx.clock.schedule(0, Priority.schedulerPass, () => {
      if (cluster.status === 'ACTIVE') placeWaitingTasks(ctx, cluster);
    });
  });
  hooks.taskStopped.on((ctx, task) => {
    wakeDaemon(ctx, task);
  });
}

function wakeDaemon(ctx: SimContext, task: TaskRecord): boolean {
  const daemon = task.daemonArn === undefined ? undefined : ctx.state.managedDaemons.daemons.get(task.daemonArn);
  if (daemon) ctx.requestServicePass(daemon.scheduler);
  return daemon !== undefined;
}
