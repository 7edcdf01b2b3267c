import { volumeFailure } from '../../efs/efs-api.js';
import type { EcsHooks } from '../model/ecs-hooks.js';
import { OUT_OF_MEMORY_REASON } from '../tasks/task-transitions.js';
import { callAwsWithTaskRole, countMinutesWhereAsked } from './application-behaviours.js';
import { logContainerExit, logContainerStop, scheduleContainerLogs } from './container-logs.js';
import { discardTaskStorage } from './file-access.js';
import { imagePullRouteFailure } from './image-pull-route.js';
import { launchPermissionFailure } from './launch-permissions.js';
import { openLogStreams } from './log-driver.js';
import { deregisterFromDiscovery, registerInDiscovery } from './task-registration.js';
import { deregisterTaskTargets, registerTaskTargets } from './task-targets.js';

/**
 * What ECS does around a task's life with the other services: the route to the registry, IAM and EFS checks
 * and the log streams at launch, load balancer targets and Cloud Map instances while it serves, log lines,
 * and the task's storage.
 * The order of subscription is the order ECS does these things in.
 */
export function subscribeIntegrations(hooks: EcsHooks): void {
  // With no route to the registry nothing else is tried: the pull times out first.
  hooks.taskLaunchRefusal.on((ctx, task) => imagePullRouteFailure(ctx, task));
  hooks.taskLaunchRefusal.on((ctx, task) => launchPermissionFailure(ctx, task));
  hooks.taskLaunchRefusal.on((ctx, task) => volumeFailure(ctx, task.taskDefinition.volumes));
  // The log driver is set up as the containers are created, so only for images that were pulled.
  hooks.taskLaunchRefusal.on((ctx, task, imagesPulled) => (imagesPulled ? openLogStreams(ctx, task) : undefined));
  hooks.containerStarting.on(scheduleContainerLogs);
  hooks.taskRunning.on((ctx, task, handle) => registerTaskTargets(ctx, task, handle.later, handle.recountHealthy));
  hooks.taskRunning.on((ctx, task) => registerInDiscovery(ctx, task));
  hooks.applicationsStarted.on(countMinutesWhereAsked);
  hooks.applicationsStarted.on(callAwsWithTaskRole);
  // The kernel's OOM kill prints nothing of the application's.
  hooks.containerExited.on((ctx, task, container, reason) => {
    if (reason !== OUT_OF_MEMORY_REASON) logContainerExit(ctx, task, container, reason);
  });
  hooks.taskStopDecided.on(deregisterFromDiscovery);
  hooks.taskDeactivating.on(deregisterTaskTargets);
  hooks.containerStopping.on(logContainerStop);
  hooks.taskStopped.on(discardTaskStorage);
}
