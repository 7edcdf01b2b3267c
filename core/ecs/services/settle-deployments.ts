import { emitEventBridge, isoTime, type SimContext } from '../../kernel/context.js';
import { deploymentReasons, serviceMessages } from '../model/service-messages.js';
import type { ClusterRecord, ServiceRecord, TaskRecord } from '../model/state.js';
import { circuitBreakerReasons } from './circuit-breaker.js';
import { recordServiceEvent } from './service-events.js';

/**
 * Older deployments with no task left become INACTIVE, which DescribeServices no longer lists (ECS drops
 * them; their history stays for ListServiceDeployments); a complete PRIMARY becomes COMPLETED (or
 * "rollback completed"), and the service reports its steady state once. `live` are the service's tasks
 * that had not reached STOPPED when the pass began: a task the pass stops is still on its way to STOPPED,
 * and one it starts belongs to PRIMARY, so they are what the deployments still hold.
 */
export function settleDeployments(ctx: SimContext, cluster: ClusterRecord, service: ServiceRecord, live: readonly TaskRecord[], complete: boolean): void {
  const primary = service.deployments[0];
  const stillRunning = new Set<string>();
  for (const task of live) if (task.deploymentId) stillRunning.add(task.deploymentId);
  for (const deployment of service.deployments.slice(1)) {
    // updatedAt stays when the deployment finished: ListServiceDeployments reports it.
    if (deployment.status === 'ACTIVE' && !stillRunning.has(deployment.id)) deployment.status = 'INACTIVE';
  }
  if (!complete) return;
  if (primary.rolloutState === 'IN_PROGRESS') {
    primary.rolloutState = 'COMPLETED';
    primary.rolloutStateReason = primary.rollbackTo ? circuitBreakerReasons.rollbackCompleted : deploymentReasons.completed(primary.id);
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
      createdAt: isoTime(ctx, ctx.clock.now),
    });
  }
}
