import type { SimContext } from '../engine/context.js';
import { serviceMessages, stoppedReasons } from '../events/service-messages.js';
import { stopTask } from '../lifecycle/task-transitions.js';
import type { ClusterRecord, ServiceRecord, TaskRecord } from '../model/state.js';
import { selectTasksToStop } from '../scheduler/scale-in-selection.js';
import { recordServiceEvent } from '../scheduler/service-events.js';
import { startTasks } from '../scheduler/start-tasks.js';
import { serviceStartRequest } from '../scheduler/service-start-request.js';
import { taskSetDesired } from './task-set-state.js';

/**
 * One pass over a service that runs task sets (CODE_DEPLOY or EXTERNAL controller): each set keeps
 * ceil(desired × scale %) tasks; a DRAINING set goes to zero and then disappears. The controller, not
 * this pass, decides scales and which set is PRIMARY.
 */
export function runTaskSetPass(ctx: SimContext, cluster: ClusterRecord, service: ServiceRecord, tasks: TaskRecord[]): void {
  let allSteady = service.taskSets.length > 0;
  for (const set of [...service.taskSets]) {
    const mine = tasks.filter((t) => t.deploymentId === set.id);
    const live = mine.filter((t) => t.desiredStatus === 'RUNNING');
    const want = set.status === 'DRAINING' ? 0 : taskSetDesired(service.desiredCount, set.scalePercent);
    if (live.length > want) {
      const chosen = selectTasksToStop(
        live.map((t) => ({ taskArn: t.arn, healthy: t.healthyAt !== undefined, pending: t.lastStatus !== 'RUNNING', availabilityZone: t.availabilityZone, containerInstanceId: t.instanceArn, createdAt: t.createdAt })),
        live.length - want,
      );
      for (const arn of chosen) stopTask(ctx, cluster.tasks.get(arn)!, 'ServiceSchedulerInitiated', stoppedReasons.scalingActivity(set.id));
      recordServiceEvent(ctx, service, serviceMessages.stoppedTasks(service.name, chosen.map((arn) => cluster.tasks.get(arn)!.id)));
    }
    if (live.length < want) {
      const result = startTasks(ctx, cluster, serviceStartRequest(ctx, service, set, want - live.length));
      for (const task of result.started) service.taskArns.add(task.arn);
      if (result.started.length > 0) recordServiceEvent(ctx, service, serviceMessages.startedTasks(service.name, result.started.map((t) => t.id)));
    }
    if (set.status === 'DRAINING' && mine.length === 0) {
      service.taskSets = service.taskSets.filter((s) => s !== set);
      continue;
    }
    const steady = mine.length === want && mine.every((t) => t.desiredStatus === 'RUNNING' && t.healthyAt !== undefined);
    if (steady && set.stabilityStatus !== 'STEADY_STATE') {
      set.stabilityStatus = 'STEADY_STATE';
      set.updatedAt = ctx.clock.now;
      recordServiceEvent(ctx, service, serviceMessages.taskSetSteady(service.name, set.id));
    } else if (!steady) set.stabilityStatus = 'STABILIZING';
    allSteady &&= steady;
  }
  if (allSteady && !service.steady) {
    service.steady = true;
    recordServiceEvent(ctx, service, serviceMessages.steadyState(service.name));
  } else if (!allSteady) service.steady = false;
}
