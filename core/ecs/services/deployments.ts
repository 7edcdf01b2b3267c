import { emitEventBridge, isoTime, type SimContext } from '../../kernel/context.js';
import { deploymentReasons } from '../model/service-messages.js';
import type { DeploymentRecord, ServiceRecord } from '../model/state.js';
import { initialProgress } from './blue-green-deployment.js';
import { restoreRevision, revisionSettings } from './restore-revision.js';

/** The deployments a service lists (DescribeServices): ECS drops a replaced one once it has no task left (INACTIVE). */
export const listedDeployments = (service: Pick<ServiceRecord, 'deployments'>): DeploymentRecord[] => service.deployments.filter((d) => d.status !== 'INACTIVE');

/** BLUE_GREEN, LINEAR and CANARY move traffic between two target groups; ROLLING (or none) replaces tasks in place. */
export const shiftsTraffic = (service: Pick<ServiceRecord, 'deploymentConfiguration' | 'schedulingStrategy' | 'deploymentController'>) =>
  service.deploymentController === 'ECS' &&
  service.schedulingStrategy === 'REPLICA' &&
  service.deploymentConfiguration.strategy !== undefined &&
  service.deploymentConfiguration.strategy !== 'ROLLING';

export function newDeployment(ctx: SimContext, taskDefinitionArn: string): DeploymentRecord {
  const id = `ecs-svc/${ctx.random.digits(19)}`;
  return {
    id,
    status: 'PRIMARY',
    taskDefinitionArn,
    createdAt: ctx.clock.now,
    updatedAt: ctx.clock.now,
    rolloutState: 'IN_PROGRESS',
    rolloutStateReason: deploymentReasons.inProgress(id),
    failedTasks: 0,
  };
}

/** What a rollback of `failed` returns to (circuit breaker, alarm, StopServiceDeployment): the last deployment that completed. */
export const lastCompletedDeployment = (service: ServiceRecord, failed: DeploymentRecord) =>
  service.deployments.find((d) => d !== failed && d.rolloutState === 'COMPLETED');

/**
 * The rolling deployment that returns to `target`: one more deployment of its revision, which it names by
 * `rollbackTo` (ECS creates no revision for a rollback), the deployment that first deployed it even when
 * `target` was itself a rollback.
 */
export function rollbackDeployment(ctx: SimContext, target: DeploymentRecord): DeploymentRecord {
  const back = newDeployment(ctx, target.taskDefinitionArn);
  back.rollbackTo = target.rollbackTo ?? target.id;
  return back;
}

/**
 * Makes `deployment` the PRIMARY one; the previous ones become ACTIVE until their tasks are gone. A rollback
 * first puts the service back on the revision it returns to, so that its tasks register where that revision's did.
 */
export function startDeployment(ctx: SimContext, service: ServiceRecord, deployment: DeploymentRecord): void {
  const revision = deployment.rollbackTo === undefined ? undefined : service.deployments.find((d) => d.id === deployment.rollbackTo);
  if (revision) restoreRevision(service, revision);
  deployment.history = {
    sourceDeploymentIds: listedDeployments(service).map((d) => d.id),
    deploymentConfiguration: structuredClone(service.deploymentConfiguration),
    ...revisionSettings(service),
  };
  const previous = service.deployments.find((d) => d.status === 'PRIMARY');
  // Blue/green needs a blue: a service's first deployment, or one rolling back, starts its tasks as a rolling one does.
  if (shiftsTraffic(service) && previous && !deployment.rollbackTo) {
    deployment.blueGreen = initialProgress(ctx.clock.now);
    deployment.onAlternate = !previous.onAlternate;
  } else if (previous?.onAlternate) deployment.onAlternate = true;
  for (const d of service.deployments) if (d.status === 'PRIMARY') d.status = 'ACTIVE';
  service.deployments.unshift(deployment);
  service.taskDefinitionArn = deployment.taskDefinitionArn;
  service.steady = false;
  // A new deployment resets start-failure throttling at once.
  service.startFailuresInARow = 0;
  service.nextLaunchAllowedAt = 0;
  emitEventBridge(ctx, 'ECS Deployment State Change', [service.arn], {
    eventType: 'INFO',
    eventName: 'SERVICE_DEPLOYMENT_IN_PROGRESS',
    deploymentId: deployment.id,
    updatedAt: isoTime(ctx, ctx.clock.now),
    reason: deployment.rolloutStateReason,
  });
}
