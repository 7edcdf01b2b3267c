import { emitEventBridge, isoTime, type SimContext } from '../../kernel/context.js';
import { serviceMessages } from '../model/service-messages.js';
import type { DeploymentRecord, ServiceRecord, TaskRecord } from '../model/state.js';
import { lastCompletedDeployment, rollbackDeployment } from './deployments.js';
import { alarmReasons, circuitBreakerReasons, circuitBreakerThreshold } from './circuit-breaker.js';
import { openCondition } from './service-conditions.js';
import { recordServiceEvent } from './service-events.js';
import { startThrottleDelaySeconds } from './start-throttle.js';

/**
 * Counts the failures of a service's tasks once each: the deployment's failedTasks (circuit breaker) and
 * the start failures in a row (throttling). A task that becomes healthy resets the deployment's count
 * (resetOnHealthyTask, on by default); one that reaches RUNNING resets the throttle.
 */
export function countFailures(ctx: SimContext, service: ServiceRecord, tasks: TaskRecord[]): void {
  const deployments = new Map(service.deployments.map((d) => [d.id, d]));
  // Index loops over every task the service knows: see decideRollingPass.
  for (let i = 0; i < tasks.length; i++) {
    const task = tasks[i];
    if (task.startedAt !== undefined && (service.lastStartFailureAt === undefined || task.startedAt > service.lastStartFailureAt)) {
      service.startFailuresInARow = 0;
      service.nextLaunchAllowedAt = 0;
    }
    const deployment = task.healthyAt === undefined ? undefined : deployments.get(task.deploymentId ?? '');
    if (deployment && deployment.rolloutState === 'IN_PROGRESS') deployment.failedTasks = 0;
  }
  for (let i = 0; i < tasks.length; i++) {
    const task = tasks[i];
    if (!task.failure || task.failureCounted) continue;
    task.failureCounted = true;
    const deployment = deployments.get(task.deploymentId ?? '');
    if (deployment && deployment.rolloutState === 'IN_PROGRESS') deployment.failedTasks++;
    if (task.failure === 'start') {
      // ECS repeats the start failure's reason in the service's events.
      openCondition(ctx, service, `start-failure ${task.stoppedReason}`, serviceMessages.unableToPlaceTask(service.name, task.stoppedReason ?? ''));
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
 * Fails the PRIMARY deployment when the circuit breaker's count reaches its threshold, or when one of the
 * deployment's CloudWatch alarms went into ALARM after it started. A FAILED deployment launches nothing
 * more; with rollback on for the method that tripped, a new deployment goes back to the last COMPLETED
 * one. Returns that new deployment, if any, for the caller to start.
 */
export function checkDeploymentFailure(ctx: SimContext, service: ServiceRecord): DeploymentRecord | undefined {
  const primary = service.deployments[0];
  if (primary.rolloutState !== 'IN_PROGRESS') return undefined;
  const breaker = service.deploymentConfiguration.deploymentCircuitBreaker;
  const alarms = service.deploymentConfiguration.alarms;
  const firing = alarms?.enable ? alarms.alarmNames.filter((name) => alarmFiredSince(ctx, name, primary)) : [];
  if (breaker?.enable && primary.failedTasks >= circuitBreakerThreshold(service.desiredCount)) {
    return fail(ctx, service, circuitBreakerReasons.failed, serviceMessages.deploymentFailed(service.name, primary.id), circuitBreakerReasons.eventBridgeFailed, breaker.rollback);
  }
  if (firing.length > 0) {
    const reason = alarmReasons.failed(firing);
    return fail(ctx, service, reason, serviceMessages.deploymentFailedByAlarm(service.name, primary.id, firing), reason, alarms!.rollback);
  }
  return undefined;
}

/**
 * An alarm counts only if it went into ALARM once the deployment had started (one already firing is
 * ignored). The same instant counts (a script may update the service and set the alarm without time
 * passing), except for a rollback, which is created in the very instant the alarm that caused it fired.
 */
function alarmFiredSince(ctx: SimContext, name: string, deployment: DeploymentRecord): boolean {
  const alarm = ctx.state.alarms.get(name);
  if (alarm?.state !== 'ALARM') return false;
  return deployment.rollbackTo ? alarm.changedAt > deployment.createdAt : alarm.changedAt >= deployment.createdAt;
}

function fail(
  ctx: SimContext,
  service: ServiceRecord,
  reason: string,
  serviceEvent: string,
  eventBridgeReason: string,
  rollback: boolean,
): DeploymentRecord | undefined {
  const primary = service.deployments[0];
  primary.rolloutState = 'FAILED';
  primary.rolloutStateReason = reason;
  primary.updatedAt = ctx.clock.now;
  recordServiceEvent(ctx, service, serviceEvent);
  emitEventBridge(ctx, 'ECS Deployment State Change', [service.arn], {
    eventType: 'ERROR',
    eventName: 'SERVICE_DEPLOYMENT_FAILED',
    deploymentId: primary.id,
    updatedAt: isoTime(ctx, ctx.clock.now),
    reason: eventBridgeReason,
  });
  const target = rollback ? lastCompletedDeployment(service, primary) : undefined;
  if (!target) return undefined;
  const back = rollbackDeployment(ctx, target);
  back.rolloutStateReason = circuitBreakerReasons.rollingBack(target.id);
  recordServiceEvent(ctx, service, serviceMessages.rollingBack(service.name, target.id));
  return back;
}
