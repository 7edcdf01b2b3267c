import type { PassInput, PlannedTask } from './pass-input.js';
import { isProtected } from '../tasks/task-protection.js';
import type { RollingTask } from './rolling-deployment.js';
import type { StopOrder } from './service-plan.js';

/**
 * How a service's deciders see a task they may have to replace (failing health checks, or on a DRAINING
 * instance): shared by rolling services and task sets.
 */
const failingHealth = (t: PlannedTask) => t.healthStatus === 'UNHEALTHY' || t.elbUnhealthyTarget !== undefined;

/**
 * The task as the rolling decision takes it. A task failing its checks within the service's
 * healthCheckGracePeriodSeconds is not unhealthy yet: the end of its grace goes into the plan's `wakeAt`.
 */
export function rollingTaskView(input: PassInput, task: PlannedTask, wakeAt: number[]): RollingTask {
  const graceEndsAt = (task.startedAt ?? task.createdAt) + input.service.healthCheckGracePeriodSeconds * 1000;
  const failing = failingHealth(task);
  if (failing && graceEndsAt > input.now) wakeAt.push(graceEndsAt);
  // Once its protection expires, a task scale-in or a deployment wanted to stop may go.
  const shielded = isProtected(task, input.now);
  if (shielded) wakeAt.push(task.protectedUntil!);
  return {
    taskArn: task.arn,
    deploymentId: task.deploymentId ?? '',
    healthy: task.desiredStatus === 'RUNNING' && task.lastStatus === 'RUNNING' && task.healthyAt !== undefined,
    pending: task.lastStatus !== 'RUNNING',
    stopping: task.desiredStatus === 'STOPPED',
    unhealthy: failing && graceEndsAt <= input.now,
    displaced: input.instances.get(task.instanceArn ?? '')?.status === 'DRAINING',
    availabilityZone: task.availabilityZone,
    containerInstanceId: task.instanceArn,
    createdAt: task.createdAt,
    protected: shielded,
  };
}

/** The tasks among `tasks` that a decision named, by ARN (a pass names few of the service's tasks). */
export function namedTasks(tasks: readonly PlannedTask[], arns: readonly string[]): Map<string, PlannedTask> {
  const named = new Map<string, PlannedTask>();
  if (arns.length === 0) return named;
  const wanted = new Set(arns);
  for (const task of tasks) {
    if (!wanted.has(task.arn)) continue;
    named.set(task.arn, task);
    if (named.size === wanted.size) break;
  }
  return named;
}

/** The stop of a task that failed its load balancer or container health checks. */
export const failedHealthStop = (task: PlannedTask): StopOrder => ({
  taskArn: task.arn,
  taskId: task.id,
  why: task.elbUnhealthyTarget ? { kind: 'failed-elb-health-checks', target: task.elbUnhealthyTarget } : { kind: 'failed-container-health-checks' },
});
