import type { SimContext } from '../../kernel/context.js';
import { serviceMessages, stoppedReasons } from '../model/service-messages.js';
import { stopTask } from '../tasks/task-transitions.js';
import type { ClusterRecord, ServiceRecord, TaskRecord } from '../model/state.js';
import { deploymentBounds } from './deployment-bounds.js';
import { decideRollingPass, type RollingTask } from './rolling-deployment.js';
import { recordServiceEvent } from './service-events.js';
import { startTasks } from './start-tasks.js';
import { serviceStartRequest } from './service-start-request.js';
import { stopFailingTask, toRollingTask } from './task-replacement.js';
import { taskSetDesired, type TaskSetRecord } from '../model/task-set-state.js';

/**
 * How a task set replaces its tasks on a DRAINING instance: replacements first (the old task stops once the
 * set has its computed count healthy without it) when the service has room for all of them under
 * maximumPercent of its desired count, counting every set at its computed count; otherwise old tasks first.
 */
const START_FIRST = { minimumHealthyPercent: 100, maximumPercent: 200 };
const STOP_FIRST = { minimumHealthyPercent: 0, maximumPercent: 100 };

/**
 * One pass over a service that runs task sets (CODE_DEPLOY or EXTERNAL controller): each set keeps
 * ceil(desired × scale %) tasks, replacing those that fail their health checks or sit on a DRAINING
 * instance; a DRAINING set goes to zero and then disappears. The controller, not this pass, decides
 * scales and which set is PRIMARY. `later` asks for another pass at a given virtual time.
 */
export function runTaskSetPass(ctx: SimContext, cluster: ClusterRecord, service: ServiceRecord, tasks: TaskRecord[], later: (atMs: number) => void): void {
  const wantOf = (set: TaskSetRecord) => (set.status === 'DRAINING' ? 0 : taskSetDesired(service.desiredCount, set.scalePercent));
  const seenOf = new Map(service.taskSets.map((set) => [set, tasks.filter((t) => t.deploymentId === set.id).map((t) => toRollingTask(ctx, cluster, service, t, later))]));
  const displacedIn = (seen: RollingTask[]) => seen.filter((t) => t.displaced && !t.stopping).length;
  // Room left for replacements started ahead of the tasks they replace, each set counted without those.
  let spare = deploymentBounds(service.desiredCount, 100, service.deploymentConfiguration.maximumPercent).upper;
  for (const [set, seen] of seenOf) spare -= Math.max(wantOf(set), seen.filter((t) => !t.stopping).length - displacedIn(seen));
  let allSteady = service.taskSets.length > 0;
  for (const set of [...service.taskSets]) {
    const mine = tasks.filter((t) => t.deploymentId === set.id);
    const want = wantOf(set);
    const seen = seenOf.get(set)!;
    const displaced = displacedIn(seen);
    const startFirst = displaced > 0 && spare >= displaced;
    if (startFirst) spare -= displaced;
    const decision = decideRollingPass({ desiredCount: want, ...(startFirst ? START_FIRST : STOP_FIRST), primaryDeploymentId: set.id, tasks: seen });
    for (const arn of decision.replaceUnhealthy) stopFailingTask(ctx, service, cluster.tasks.get(arn)!);
    if (decision.stop.length > 0) {
      for (const arn of decision.stop) stopTask(ctx, cluster.tasks.get(arn)!, 'ServiceSchedulerInitiated', stoppedReasons.scalingActivity(set.id));
      recordServiceEvent(ctx, service, serviceMessages.stoppedTasks(service.name, decision.stop.map((arn) => cluster.tasks.get(arn)!.id)));
    }
    if (decision.startCount > 0) {
      const result = startTasks(ctx, cluster, serviceStartRequest(ctx, service, set, decision.startCount));
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
