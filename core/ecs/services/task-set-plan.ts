import { deploymentBounds } from './deployment-bounds.js';
import type { PassInput } from './pass-input.js';
import { decideRollingPass, type RollingTask } from './rolling-deployment.js';
import { failedHealthStop, namedTasks, rollingTaskViewer } from './rolling-task-view.js';
import { ownerOf, scalingStop, type PlanStep, type ServicePlan } from './service-plan.js';
import { taskSetDesired, type TaskSetRecord } from '../model/task-set-state.js';

/**
 * How a task set replaces its tasks on a DRAINING instance: replacements first (the old task stops once the
 * set has its computed count healthy without it) when the service has room for all of them under
 * maximumPercent of its desired count, counting every set at its computed count; otherwise old tasks first.
 */
const START_FIRST = { minimumHealthyPercent: 100, maximumPercent: 200 };
const STOP_FIRST = { minimumHealthyPercent: 0, maximumPercent: 100 };

/**
 * A pass over a service that runs task sets (CODE_DEPLOY or EXTERNAL controller), one step per set: each
 * keeps ceil(desired × scale %) tasks, replacing those that fail their health checks or sit on a DRAINING
 * instance; a DRAINING set goes to zero and then disappears. The controller, not this pass, decides scales
 * and which set is PRIMARY. The service is steady when every set is.
 */
export function planTaskSetPass(input: PassInput): ServicePlan {
  const { service, tasks } = input;
  const wakeAt: number[] = [];
  const view = rollingTaskViewer(input, wakeAt);
  const wantOf = (set: TaskSetRecord) => (set.status === 'DRAINING' ? 0 : taskSetDesired(service.desiredCount, set.scalePercent));
  const seenOf = new Map(service.taskSets.map((set) => [set, tasks.filter((t) => t.deploymentId === set.id).map(view)]));
  const displacedIn = (seen: RollingTask[]) => seen.filter((t) => t.displaced && !t.stopping).length;
  // Room left for replacements started ahead of the tasks they replace, each set counted without those.
  let spare = deploymentBounds(service.desiredCount, 100, service.deploymentConfiguration.maximumPercent).upper;
  for (const [set, seen] of seenOf) spare -= Math.max(wantOf(set), seen.filter((t) => !t.stopping).length - displacedIn(seen));

  const steps: PlanStep[] = [];
  let allSteady = service.taskSets.length > 0;
  for (const set of service.taskSets) {
    const mine = tasks.filter((t) => t.deploymentId === set.id);
    const want = wantOf(set);
    const seen = seenOf.get(set)!;
    const displaced = displacedIn(seen);
    const startFirst = displaced > 0 && spare >= displaced;
    if (startFirst) spare -= displaced;
    const decision = decideRollingPass({ desiredCount: want, ...(startFirst ? START_FIRST : STOP_FIRST), primaryDeploymentId: set.id, tasks: seen });
    const byArn = namedTasks(mine, [...decision.replaceUnhealthy, ...decision.stop]);
    const stop = [
      ...decision.replaceUnhealthy.map((arn) => failedHealthStop(byArn.get(arn)!)),
      ...decision.stop.map((arn) => scalingStop(byArn.get(arn)!, set.id)),
    ];
    const start = decision.startCount > 0 ? [{ owner: ownerOf(set), count: decision.startCount, placement: { kind: 'service' as const } }] : [];
    if (set.status === 'DRAINING' && mine.length === 0) {
      steps.push({ stop, start, taskSet: { id: set.id, remove: true } });
      continue;
    }
    const stopped = new Set(stop.map((s) => s.taskArn));
    const steady = mine.length === want && mine.every((t) => t.desiredStatus === 'RUNNING' && !stopped.has(t.arn) && t.healthyAt !== undefined);
    steps.push({ stop, start, taskSet: { id: set.id, stabilityStatus: steady ? 'STEADY_STATE' : 'STABILIZING' } });
    allSteady &&= steady;
  }
  // Said as a service event only: the simulator has never sent SERVICE_STEADY_STATE for task-set services.
  return { wakeAt, steps, conditions: [], steady: { reached: allSteady } };
}
