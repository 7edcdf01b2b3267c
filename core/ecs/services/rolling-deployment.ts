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
  const replaceUnhealthy = input.tasks.filter((t) => !t.stopping && t.unhealthy).map((t) => t.taskArn);
  const live = input.tasks.filter((t) => !t.stopping && !t.unhealthy);
  const isOld = (t: RollingTask) => t.deploymentId !== primaryDeploymentId || t.displaced === true;
  const primary = live.filter((t) => !isOld(t));
  const old = live.filter(isOld);
  const healthy = live.filter((t) => t.healthy).length;

  // Old tasks that are not healthy cost nothing against the lower bound: stop them all, unless protected.
  const stop = old.filter((t) => !t.healthy && !t.protected).map((t) => t.taskArn);
  // Healthy old tasks may go while the healthy count stays at or above the lower bound.
  const oldHealthy = old.filter((t) => t.healthy);
  const healthyBudget = Math.max(0, healthy - bounds.lower);
  stop.push(...selectTasksToStop(oldHealthy, Math.min(healthyBudget, oldHealthy.length)));
  // A PRIMARY with more tasks than desired (a scale-in) sheds the surplus the same way.
  const primarySurplus = primary.length - desiredCount;
  if (primarySurplus > 0) {
    const oldHealthyArns = new Set(oldHealthy.map((t) => t.taskArn));
    const stoppedHealthy = stop.filter((arn) => oldHealthyArns.has(arn)).length;
    const budget = Math.max(0, healthyBudget - stoppedHealthy);
    const unhealthyPrimary = primary.filter((t) => !t.healthy);
    const healthyPrimary = primary.filter((t) => t.healthy);
    const fromUnhealthy = selectTasksToStop(unhealthyPrimary, Math.min(primarySurplus, unhealthyPrimary.length));
    const fromHealthy = selectTasksToStop(
      healthyPrimary,
      Math.min(primarySurplus - fromUnhealthy.length, budget, healthyPrimary.length),
    );
    stop.push(...fromUnhealthy, ...fromHealthy);
  }

  const primaryArns = new Set(primary.map((t) => t.taskArn));
  const primaryStopped = stop.filter((arn) => primaryArns.has(arn)).length;
  const room = bounds.upper - (live.length - stop.length);
  const needed = desiredCount - (primary.length - primaryStopped);
  const startCount = input.launchesAllowed === false ? 0 : Math.max(0, Math.min(needed, room));

  const inFlight = input.tasks.some((t) => t.stopping || t.pending || !t.healthy);
  const blockedByConfiguration =
    old.length > 0 && startCount === 0 && stop.length === 0 && needed > 0 && !inFlight && room <= 0 && input.launchesAllowed !== false;
  const complete =
    old.length === 0 &&
    !input.tasks.some((t) => t.stopping && isOld(t)) &&
    primary.length === desiredCount &&
    primary.every((t) => t.healthy);
  return { bounds, startCount, stop, replaceUnhealthy, blockedByConfiguration, complete };
}
