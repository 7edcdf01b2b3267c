import { deploymentBounds, type DeploymentBounds } from './deployment-bounds.js';
import { selectTasksToStop, type StoppableTask } from './scale-in-selection.js';

/**
 * One pass of the rolling-update scheduler, as a pure decision (Nomad's reconciler, in small):
 * given the service and its live tasks, say how many PRIMARY tasks to start and which tasks to stop.
 * The caller places and applies. Reference: ecs-behaviour.md 3.2-3.3.
 */
export interface RollingTask extends StoppableTask {
  deploymentId: string;
  /** desiredStatus STOPPED but not STOPPED yet. */
  stopping: boolean;
  /** Failed its health checks after the grace period: to be replaced whatever the bounds say. */
  unhealthy?: boolean;
  /** On a DRAINING instance: replaced within the bounds, like a task of an older deployment. */
  displaced?: boolean;
}

export interface RollingInput {
  desiredCount: number;
  minimumHealthyPercent: number;
  maximumPercent: number;
  primaryDeploymentId: string;
  /** Every task of the service that has not reached STOPPED. */
  tasks: RollingTask[];
  /** False while launches are held back (a FAILED deployment, start-failure throttling). */
  launchesAllowed?: boolean;
}

export interface RollingDecision {
  bounds: DeploymentBounds;
  /** PRIMARY tasks to start (placement may manage fewer). */
  startCount: number;
  stop: string[];
  /** Tasks that failed their health checks: stopped now, replaced like any missing task. */
  replaceUnhealthy: string[];
  /** Neither bound lets the deployment move and nothing is on its way: the "unable to stop or start" event. */
  blockedByConfiguration: boolean;
  /** PRIMARY has every desired task healthy and no older task is left. */
  complete: boolean;
}

export function decideRollingPass(input: RollingInput): RollingDecision {
  const { desiredCount, primaryDeploymentId } = input;
  const bounds = deploymentBounds(desiredCount, input.minimumHealthyPercent, input.maximumPercent);
  const isOld = (t: RollingTask) => t.deploymentId !== primaryDeploymentId || t.displaced === true;

  // One look at each task (a pass may see thousands): the live ones are those neither stopping nor to be
  // replaced for failing health checks; the old are live tasks of older deployments or on DRAINING instances.
  const replaceUnhealthy: string[] = [];
  // Old tasks that are not healthy cost nothing against the lower bound: stop them all, unless protected.
  const stop: string[] = [];
  const oldHealthy: RollingTask[] = [];
  let live = 0;
  let healthy = 0;
  let old = 0;
  let primary = 0;
  let primaryHealthy = 0;
  let inFlight = false;
  let oldStopping = false;
  // An index loop: a pass runs rarely but over thousands of tasks, mostly before it is optimized, where a
  // for-of loop makes an object per step.
  for (let i = 0; i < input.tasks.length; i++) {
    const t = input.tasks[i];
    if (t.stopping || t.pending || !t.healthy) inFlight = true;
    if (t.stopping) {
      oldStopping ||= isOld(t);
      continue;
    }
    if (t.unhealthy) {
      replaceUnhealthy.push(t.taskArn);
      continue;
    }
    live++;
    if (t.healthy) healthy++;
    if (!isOld(t)) {
      primary++;
      if (t.healthy) primaryHealthy++;
    } else {
      old++;
      if (t.healthy) oldHealthy.push(t);
      else if (!t.protected) stop.push(t.taskArn);
    }
  }

  // Healthy old tasks may go while the healthy count stays at or above the lower bound.
  const healthyBudget = Math.max(0, healthy - bounds.lower);
  const oldHealthyStopped = selectTasksToStop(oldHealthy, Math.min(healthyBudget, oldHealthy.length));
  stop.push(...oldHealthyStopped);
  // A PRIMARY with more tasks than desired (a scale-in) sheds the surplus the same way.
  let primaryStopped = 0;
  const primarySurplus = primary - desiredCount;
  if (primarySurplus > 0) {
    const budget = Math.max(0, healthyBudget - oldHealthyStopped.length);
    const primaryTasks = input.tasks.filter((t) => !t.stopping && !t.unhealthy && !isOld(t));
    const unhealthyPrimary = primaryTasks.filter((t) => !t.healthy);
    const healthyPrimary = primaryTasks.filter((t) => t.healthy);
    const fromUnhealthy = selectTasksToStop(unhealthyPrimary, Math.min(primarySurplus, unhealthyPrimary.length));
    const fromHealthy = selectTasksToStop(
      healthyPrimary,
      Math.min(primarySurplus - fromUnhealthy.length, budget, healthyPrimary.length),
    );
    stop.push(...fromUnhealthy, ...fromHealthy);
    primaryStopped = fromUnhealthy.length + fromHealthy.length;
  }

  const room = bounds.upper - (live - stop.length);
  const needed = desiredCount - (primary - primaryStopped);
  const startCount = input.launchesAllowed === false ? 0 : Math.max(0, Math.min(needed, room));

  const blockedByConfiguration =
    old > 0 && startCount === 0 && stop.length === 0 && needed > 0 && !inFlight && room <= 0 && input.launchesAllowed !== false;
  const complete = old === 0 && !oldStopping && primary === desiredCount && primaryHealthy === primary;
  return { bounds, startCount, stop, replaceUnhealthy, blockedByConfiguration, complete };
}
