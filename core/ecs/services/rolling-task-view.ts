import type { PassInput, PlannedTask } from './pass-input.js';
import type { RollingTask } from './rolling-deployment.js';
import type { StopOrder } from './service-plan.js';

/**
 * How a service's deciders see a task they may have to replace (failing health checks, or on a DRAINING
 * instance): shared by rolling services and task sets.
 */
const failingHealth = (t: PlannedTask) => t.healthStatus === 'UNHEALTHY' || t.elbUnhealthyTarget !== undefined;

/**
 * The task as the rolling decision takes it. A task failing its checks within the service's
 * healthCheckGracePeriodSeconds is not unhealthy yet: `wakeAt` is when its grace ends.
 */
export function rollingTaskView({ service, instances, now }: Omit<PassInput, 'tasks'>, task: PlannedTask): { view: RollingTask; wakeAt?: number } {
  const graceEndsAt = (task.startedAt ?? task.createdAt) + service.healthCheckGracePeriodSeconds * 1000;
  const failing = failingHealth(task);
  const view: RollingTask = {
    taskArn: task.arn,
    deploymentId: task.deploymentId ?? '',
    healthy: task.desiredStatus === 'RUNNING' && task.lastStatus === 'RUNNING' && task.healthyAt !== undefined,
    pending: task.lastStatus !== 'RUNNING',
    stopping: task.desiredStatus === 'STOPPED',
    unhealthy: failing && graceEndsAt <= now,
    displaced: instances.get(task.instanceArn ?? '')?.status === 'DRAINING',
    availabilityZone: task.availabilityZone,
    containerInstanceId: task.instanceArn,
    createdAt: task.createdAt,
  };
  return failing && graceEndsAt > now ? { view, wakeAt: graceEndsAt } : { view };
}

/** The stop of a task that failed its load balancer or container health checks. */
export const failedHealthStop = (task: PlannedTask): StopOrder => ({
  taskArn: task.arn,
  taskId: task.id,
  why: task.elbUnhealthyTarget ? { kind: 'failed-elb-health-checks', target: task.elbUnhealthyTarget } : { kind: 'failed-container-health-checks' },
});
