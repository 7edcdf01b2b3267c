import type { SimContext } from '../../kernel/context.js';
import { serviceMessages, stoppedReasons } from '../model/service-messages.js';
import { stopTask } from '../tasks/task-transitions.js';
import type { ClusterRecord, ServiceRecord, TaskRecord } from '../model/state.js';
import { checkDeploymentFailure, countFailures } from './deployment-failures.js';
import { newDeployment, startDeployment } from './deployments.js';
import { decideRollingPass } from './rolling-deployment.js';
import { clearCondition, openCondition } from './service-conditions.js';
import { recordServiceEvent } from './service-events.js';
import { settleDeployments } from './settle-deployments.js';
import { runDaemonPass } from './daemon-scheduler.js';
import { runTaskSetPass } from './task-set-scheduler.js';
import { startTasks, type StartResult } from './start-tasks.js';
import { reportPlacementFailure } from './placement-failure.js';
import { serviceStartRequest } from './service-start-request.js';
import { stopFailingTask, toRollingTask } from './task-replacement.js';
import { chooseCapacityProviders } from '../capacity/capacity-provider-split.js';

/**
 * One scheduler pass over a service: count failures, maybe trip the circuit breaker, decide
 * (rolling-deployment.ts), then stop, place and start, then settle deployments — saying what happened
 * in ECS's words. `later` asks for another pass at a given virtual time.
 */
export function runServicePass(ctx: SimContext, service: ServiceRecord, later: (atMs: number) => void): void {
  service.passScheduled = false;
  const cluster = ctx.state.clusters.get(service.clusterName)!;
  const known = serviceTasks(cluster, service);
  const tasks = known.filter((t) => t.lastStatus !== 'STOPPED');
  if (service.status === 'DRAINING' && tasks.length === 0) service.status = 'INACTIVE';
  if (service.status !== 'ACTIVE') return;
  if (service.deploymentController !== 'ECS') {
    runTaskSetPass(ctx, cluster, service, tasks, later);
    return;
  }
  countFailures(ctx, service, known);
  const rollback = checkDeploymentFailure(ctx, service, (arn) => newDeployment(ctx, arn));
  if (rollback) startDeployment(ctx, service, rollback);

  const primary = service.deployments[0];
  if (service.schedulingStrategy === 'DAEMON') {
    runDaemonPass(ctx, cluster, service, tasks);
    return;
  }
  const throttled = service.nextLaunchAllowedAt > ctx.clock.now;
  if (throttled) later(service.nextLaunchAllowedAt);

  const decision = decideRollingPass({
    desiredCount: service.desiredCount,
    minimumHealthyPercent: service.deploymentConfiguration.minimumHealthyPercent,
    maximumPercent: service.deploymentConfiguration.maximumPercent,
    primaryDeploymentId: primary.id,
    tasks: tasks.map((t) => toRollingTask(ctx, cluster, service, t, later)),
    launchesAllowed: primary.rolloutState !== 'FAILED' && !throttled,
  });

  for (const arn of decision.replaceUnhealthy) stopFailingTask(ctx, service, cluster.tasks.get(arn)!);
  if (decision.stop.length > 0) {
    const stopped = decision.stop.map((arn) => cluster.tasks.get(arn)!);
    for (const task of stopped) {
      stopTask(ctx, task, 'ServiceSchedulerInitiated', stoppedReasons.scalingActivity(task.deploymentId ?? primary.id));
    }
    recordServiceEvent(ctx, service, serviceMessages.stoppedTasks(service.name, stopped.map((t) => t.id)));
  }
  if (decision.startCount > 0) startPrimaryTasks(ctx, cluster, service, decision.startCount);

  if (decision.blockedByConfiguration) openCondition(ctx, service, 'deployment-configuration', serviceMessages.blockedByDeploymentConfiguration(service.name));
  else clearCondition(service, 'deployment-configuration');

  settleDeployments(ctx, cluster, service, tasks, decision.complete);
}

/**
 * Starts PRIMARY tasks, split over the service's capacity providers when it has a strategy. A provider
 * with no room fails its share: ECS never silently falls back to another provider.
 */
function startPrimaryTasks(ctx: SimContext, cluster: ClusterRecord, service: ServiceRecord, count: number): void {
  const primary = service.deployments[0];
  const providers = service.capacityProviderStrategy.length > 0
    ? chooseCapacityProviders(service.capacityProviderStrategy, liveTasksPerProvider(cluster, service), count)
    : Array.from({ length: count }, () => undefined);
  const started: TaskRecord[] = [];
  let failure: { result: NonNullable<StartResult['failure']>; provider?: string } | undefined;
  for (const provider of new Set(providers)) {
    const result = startTasks(ctx, cluster, serviceStartRequest(ctx, service, primary, providers.filter((p) => p === provider).length, provider));
    started.push(...result.started);
    if (result.failure) failure ??= { result: result.failure, provider };
  }
  for (const task of started) service.taskArns.add(task.arn);
  if (started.length > 0) {
    service.steady = false;
    recordServiceEvent(ctx, service, serviceMessages.startedTasks(service.name, started.map((t) => t.id)));
  }
  if (failure) reportPlacementFailure(ctx, cluster, service, failure.result, failure.provider);
  else clearCondition(service, 'placement');
}

function liveTasksPerProvider(cluster: ClusterRecord, service: ServiceRecord): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const arn of service.taskArns) {
    const task = cluster.tasks.get(arn);
    if (!task || task.desiredStatus !== 'RUNNING' || !task.capacityProviderName) continue;
    counts[task.capacityProviderName] = (counts[task.capacityProviderName] ?? 0) + 1;
  }
  return counts;
}

/** Every task the service started that is still known (stopped ones are kept an hour). */
function serviceTasks(cluster: ClusterRecord, service: ServiceRecord): TaskRecord[] {
  const out: TaskRecord[] = [];
  for (const arn of service.taskArns) {
    const task = cluster.tasks.get(arn);
    if (task) out.push(task);
  }
  return out;
}
