import type { SimContext } from '../../kernel/context.js';
import { serviceMessages, stoppedReasons } from '../model/service-messages.js';
import { stopTask } from '../tasks/task-transitions.js';
import type { ClusterRecord, ServiceRecord, TaskRecord } from '../model/state.js';
import type { RollingTask } from './rolling-deployment.js';
import { recordServiceEvent } from './service-events.js';

/**
 * How a service scheduler sees a task it may have to replace (failing health checks, or on a DRAINING
 * instance), and how it stops one that failed: shared by rolling services and task sets.
 */
const failingHealth = (t: TaskRecord) => t.healthStatus === 'UNHEALTHY' || t.elbUnhealthyTarget !== undefined;

/**
 * The task as the rolling decision takes it. A task failing its checks within the service's
 * healthCheckGracePeriodSeconds is not unhealthy yet: `later` asks for a pass when its grace ends.
 */
export function toRollingTask(ctx: SimContext, cluster: ClusterRecord, service: ServiceRecord, task: TaskRecord, later: (atMs: number) => void): RollingTask {
  const graceEndsAt = (task.startedAt ?? task.createdAt) + service.healthCheckGracePeriodSeconds * 1000;
  const failing = failingHealth(task);
  if (failing && graceEndsAt > ctx.clock.now) later(graceEndsAt);
  return {
    taskArn: task.arn,
    deploymentId: task.deploymentId ?? '',
    healthy: task.desiredStatus === 'RUNNING' && task.lastStatus === 'RUNNING' && task.healthyAt !== undefined,
    pending: task.lastStatus !== 'RUNNING',
    stopping: task.desiredStatus === 'STOPPED',
    unhealthy: failing && graceEndsAt <= ctx.clock.now,
    displaced: cluster.instances.get(task.instanceArn ?? '')?.status === 'DRAINING',
    availabilityZone: task.availabilityZone,
    containerInstanceId: task.instanceArn,
    createdAt: task.createdAt,
  };
}

/** Stops a task that failed its load balancer or container health checks, saying so in ECS's words. */
export function stopFailingTask(ctx: SimContext, service: ServiceRecord, task: TaskRecord): void {
  const target = task.elbUnhealthyTarget;
  if (target) {
    const who = target.id.startsWith('i-') ? { instanceId: target.id } : { taskId: task.id };
    recordServiceEvent(ctx, service, serviceMessages.unhealthyInTargetGroup(service.name, who, target.port, target.targetGroupArn, target.description));
    stopTask(ctx, task, 'ServiceSchedulerInitiated', stoppedReasons.failedElbHealthChecks(target.targetGroupArn), 'health');
  } else {
    recordServiceEvent(ctx, service, serviceMessages.failedContainerHealthChecks(service.name, task.id));
    stopTask(ctx, task, 'ServiceSchedulerInitiated', stoppedReasons.failedContainerHealthChecks, 'health');
  }
}
