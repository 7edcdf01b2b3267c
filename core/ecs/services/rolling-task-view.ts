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
 * How the rolling decision takes the pass's tasks. A task failing its checks within the service's
 * healthCheckGracePeriodSeconds is not unhealthy yet: the end of its grace goes into the plan's `wakeAt`.
 * What is the same for every task of the pass (the grace, the DRAINING instances) is worked out once.
 */
export function rollingTaskViewer(input: PassInput, wakeAt: number[]): (task: PlannedTask) => RollingTask {
  const graceMs = input.service.healthCheckGracePeriodSeconds * 1000;
  const draining = new Set<string>();
  for (const [arn, instance] of input.instances) if (instance.status === 'DRAINING') draining.add(arn);
  return (task) => {
    const graceEndsAt = (task.startedAt ?? task.createdAt) + graceMs;
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
      displaced: draining.size > 0 && draining.has(task.instanceArn ?? ''),
      availabilityZone: task.availabilityZone,
      containerInstanceId: task.instanceArn,
      createdAt: task.createdAt,
      protected: shielded,
    };
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
