import { emitEventBridge, isoTime, type SimContext } from '../engine/context.js';
import { deploymentReasons, placementProblemWording, serviceMessages, stoppedReasons } from '../events/service-messages.js';
import { stopTask } from '../lifecycle/task-transitions.js';
import type { ClusterRecord, ServiceRecord, TaskRecord } from '../model/state.js';
import { DEFAULT_SERVICE_STRATEGY } from '../placement/choose-instance.js';
import { decideRollingPass, type RollingTask } from './rolling-deployment.js';
import { startTasks } from './start-tasks.js';
import { recordServiceEvent } from './service-events.js';

/**
 * Applies one scheduler pass to a service: decide (rolling-deployment.ts), then stop, place and start,
 * then settle deployments and say what happened in ECS's words.
 */
export function runServicePass(ctx: SimContext, service: ServiceRecord): void {
  service.passScheduled = false;
  if (service.status !== 'ACTIVE') return;
  const cluster = ctx.state.clusters.get(service.clusterName)!;
  const primary = service.deployments[0];
  const tasks = liveTasks(cluster, service);
  const decision = decideRollingPass({
    desiredCount: service.desiredCount,
    minimumHealthyPercent: service.deploymentConfiguration.minimumHealthyPercent,
    maximumPercent: service.deploymentConfiguration.maximumPercent,
    primaryDeploymentId: primary.id,
    tasks: tasks.map(toRollingTask),
  });

  if (decision.stop.length > 0) {
    const stopped = decision.stop.map((arn) => cluster.tasks.get(arn)!);
    for (const task of stopped) {
      stopTask(ctx, task, 'ServiceSchedulerInitiated', stoppedReasons.scalingActivity(task.deploymentId ?? primary.id));
    }
    recordServiceEvent(ctx, service, serviceMessages.stoppedTasks(service.name, stopped.map((t) => t.id)));
  }

  if (decision.startCount > 0) {
    const taskDefinition = findTaskDefinition(ctx, primary.taskDefinitionArn);
    const result = startTasks(ctx, cluster, {
      taskDefinition,
      count: decision.startCount,
      group: `service:${service.name}`,
      launchType: service.launchType,
      strategies: service.placementStrategy.length > 0 ? service.placementStrategy : DEFAULT_SERVICE_STRATEGY,
      startedBy: primary.id,
      serviceName: service.name,
      deploymentId: primary.id,
    });
    for (const task of result.started) service.taskArns.add(task.arn);
    if (result.started.length > 0) {
      service.steady = false;
      recordServiceEvent(ctx, service, serviceMessages.startedTasks(service.name, result.started.map((t) => t.id)));
    }
    const placementKey = 'placement';
    if (result.failure) {
      const closest = result.failure.closest;
      const message = serviceMessages.noInstanceMetRequirements(
        service.name,
        closest
          ? {
              containerInstanceId: closest.containerInstanceId,
              problem: placementProblemWording[result.failure.failureReason ?? ''] ?? `failed ${result.failure.failureReason}`,
            }
          : null,
      );
      if (openCondition(ctx, service, placementKey, message)) {
        emitEventBridge(ctx, 'ECS Service Action', [service.arn], {
          eventType: 'ERROR',
          eventName: 'SERVICE_TASK_PLACEMENT_FAILURE',
          clusterArn: cluster.arn,
          createdAt: isoTime(ctx, ctx.clock.now),
          reason: result.failure.failureReason ?? 'RESOURCE:INSTANCES',
        });
      }
    } else service.openConditions.delete(placementKey);
  }

  const blockedKey = 'deployment-configuration';
  if (decision.blockedByConfiguration) openCondition(ctx, service, blockedKey, serviceMessages.blockedByDeploymentConfiguration(service.name));
  else service.openConditions.delete(blockedKey);

  settleDeployments(ctx, cluster, service, decision.complete);
}

function liveTasks(cluster: ClusterRecord, service: ServiceRecord): TaskRecord[] {
  const out: TaskRecord[] = [];
  for (const arn of service.taskArns) {
    const task = cluster.tasks.get(arn);
    if (task && task.lastStatus !== 'STOPPED') out.push(task);
  }
  return out;
}

function toRollingTask(task: TaskRecord): RollingTask {
  return {
    taskArn: task.arn,
    deploymentId: task.deploymentId ?? '',
    healthy: task.desiredStatus === 'RUNNING' && task.lastStatus === 'RUNNING' && task.healthyAt !== undefined,
    pending: task.lastStatus !== 'RUNNING',
    stopping: task.desiredStatus === 'STOPPED',
    availabilityZone: task.availabilityZone,
    containerInstanceId: task.instanceArn,
    createdAt: task.createdAt,
  };
}

/** Sends a condition's message once; ECS suppresses repeats until the condition clears or 6 hours pass. */
function openCondition(ctx: SimContext, service: ServiceRecord, key: string, message: string): boolean {
  const sentAt = service.openConditions.get(key);
  if (sentAt !== undefined && ctx.clock.now - sentAt < 6 * 3600 * 1000) return false;
  service.openConditions.set(key, ctx.clock.now);
  recordServiceEvent(ctx, service, message);
  return true;
}

const MAX_INACTIVE_DEPLOYMENTS_SHOWN = 5;

function settleDeployments(ctx: SimContext, cluster: ClusterRecord, service: ServiceRecord, complete: boolean): void {
  const primary = service.deployments[0];
  const stillRunning = new Set<string>();
  for (const task of liveTasks(cluster, service)) if (task.deploymentId) stillRunning.add(task.deploymentId);
  for (const deployment of service.deployments.slice(1)) {
    if (deployment.status === 'ACTIVE' && !stillRunning.has(deployment.id)) {
      deployment.status = 'INACTIVE';
      deployment.updatedAt = ctx.clock.now;
    }
  }
  // Keep a few replaced deployments visible, newest first, so a learner can see what happened to them.
  const inactive = service.deployments.filter((d) => d.status === 'INACTIVE');
  if (inactive.length > MAX_INACTIVE_DEPLOYMENTS_SHOWN) {
    const drop = new Set(inactive.slice(MAX_INACTIVE_DEPLOYMENTS_SHOWN));
    service.deployments = service.deployments.filter((d) => !drop.has(d));
  }
  if (!complete) return;
  if (primary.rolloutState === 'IN_PROGRESS') {
    primary.rolloutState = 'COMPLETED';
    primary.rolloutStateReason = deploymentReasons.completed(primary.id);
    primary.updatedAt = ctx.clock.now;
    recordServiceEvent(ctx, service, serviceMessages.deploymentCompleted(service.name, primary.id));
    emitEventBridge(ctx, 'ECS Deployment State Change', [service.arn], {
      eventType: 'INFO',
      eventName: 'SERVICE_DEPLOYMENT_COMPLETED',
      deploymentId: primary.id,
      updatedAt: isoTime(ctx, ctx.clock.now),
      reason: primary.rolloutStateReason,
    });
  }
  if (!service.steady) {
    service.steady = true;
    recordServiceEvent(ctx, service, serviceMessages.steadyState(service.name));
    emitEventBridge(ctx, 'ECS Service Action', [service.arn], {
      eventType: 'INFO',
      eventName: 'SERVICE_STEADY_STATE',
      clusterArn: cluster.arn,
    });
  }
}

export function findTaskDefinition(ctx: SimContext, arn: string) {
  const match = /task-definition\/([^:]+):(\d+)$/.exec(arn)!;
  return ctx.state.taskDefinitions.get(match[1])![Number(match[2]) - 1];
}
