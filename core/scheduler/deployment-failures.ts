import { emitEventBridge, isoTime, type SimContext } from '../engine/context.js';
import { serviceMessages } from '../events/service-messages.js';
import type { DeploymentRecord, ServiceRecord, TaskRecord } from '../model/state.js';
import { circuitBreakerReasons, circuitBreakerThreshold } from './circuit-breaker.js';
import { openCondition } from './service-conditions.js';
import { recordServiceEvent } from './service-events.js';
import { startThrottleDelaySeconds } from './start-throttle.js';

/**
 * Counts the failures of a service's tasks once each: the deployment's failedTasks (circuit breaker) and
 * the start failures in a row (throttling). A task that becomes healthy resets the deployment's count
 * (resetOnHealthyTask, on by default); one that reaches RUNNING resets the throttle.
 */
export function countFailures(ctx: SimContext, service: ServiceRecord, tasks: TaskRecord[]): void {
  for (const task of tasks) {
    if (task.startedAt !== undefined && (service.lastStartFailureAt === undefined || task.startedAt > service.lastStartFailureAt)) {
      service.startFailuresInARow = 0;
      service.nextLaunchAllowedAt = 0;
    }
    const deployment = service.deployments.find((d) => d.id === task.deploymentId);
    if (deployment && task.healthyAt !== undefined && deployment.rolloutState === 'IN_PROGRESS') deployment.failedTasks = 0;
  }
  for (const task of tasks) {
    if (!task.failure || task.failureCounted) continue;
    task.failureCounted = true;
    const deployment = service.deployments.find((d) => d.id === task.deploymentId);
    if (deployment && deployment.rolloutState === 'IN_PROGRESS') deployment.failedTasks++;
    if (task.failure === 'start') {
      service.startFailuresInARow++;
      service.lastStartFailureAt = ctx.clock.now;
      const delay = startThrottleDelaySeconds(service.startFailuresInARow);
      service.nextLaunchAllowedAt = ctx.clock.now + delay * 1000;
      if (delay > 0 && openCondition(ctx, service, 'start-throttle', serviceMessages.unableToConsistentlyStart(service.name))) {
        emitEventBridge(ctx, 'ECS Service Action', [service.arn], {
          eventType: 'WARN',
          eventName: 'SERVICE_TASK_START_IMPAIRED',
          clusterArn: ctx.state.clusters.get(service.clusterName)!.arn,
          createdAt: isoTime(ctx, ctx.clock.now),
        });
      }
    }
  }
}

/**
 * Trips the circuit breaker when the PRIMARY deployment's failures reach the threshold: the deployment
 * FAILED, and with rollback on, a new deployment back to the last COMPLETED one. Returns that new
 * deployment, if any, for the caller to start.
 */
export function tripCircuitBreaker(
  ctx: SimContext,
  service: ServiceRecord,
  newDeployment: (taskDefinitionArn: string) => DeploymentRecord,
): DeploymentRecord | undefined {
  const breaker = service.deploymentConfiguration.deploymentCircuitBreaker;
  const primary = service.deployments[0];
  if (!breaker?.enable || primary.rolloutState !== 'IN_PROGRESS') return undefined;
  if (primary.failedTasks < circuitBreakerThreshold(service.desiredCount)) return undefined;
  primary.rolloutState = 'FAILED';
  primary.rolloutStateReason = circuitBreakerReasons.failed;
  primary.updatedAt = ctx.clock.now;
  recordServiceEvent(ctx, service, serviceMessages.deploymentFailed(service.name, primary.id));
  emitEventBridge(ctx, 'ECS Deployment State Change', [service.arn], {
    eventType: 'ERROR',
    eventName: 'SERVICE_DEPLOYMENT_FAILED',
    deploymentId: primary.id,
    updatedAt: isoTime(ctx, ctx.clock.now),
    reason: circuitBreakerReasons.eventBridgeFailed,
  });
  if (!breaker.rollback) return undefined;
  const target = service.deployments.find((d) => d !== primary && d.rolloutState === 'COMPLETED');
  if (!target) return undefined;
  const rollback = newDeployment(target.taskDefinitionArn);
  rollback.rollbackTo = target.id;
  rollback.rolloutStateReason = circuitBreakerReasons.rollingBack(target.id);
  recordServiceEvent(ctx, service, serviceMessages.rollingBack(service.name, target.id));
  return rollback;
}
