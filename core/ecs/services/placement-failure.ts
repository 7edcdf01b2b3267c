import { emitEventBridge, isoTime, type SimContext } from '../../kernel/context.js';
import { placementProblemWording, serviceMessages } from '../model/service-messages.js';
import type { ClusterRecord, ServiceRecord } from '../model/state.js';
import { openCondition } from './service-conditions.js';
import type { StartResult } from './start-tasks.js';

/**
 * A service's tasks could not all be placed: the service event (once, while the condition lasts) and the
 * SERVICE_TASK_PLACEMENT_FAILURE EventBridge event, naming the closest instance's problem.
 */
export function reportPlacementFailure(
  ctx: SimContext,
  cluster: ClusterRecord,
  service: ServiceRecord,
  failure: NonNullable<StartResult['failure']>,
  provider: string | undefined,
): void {
  const closest = failure.closest;
  const reason = failure.failureReason ?? '';
  const message =
    reason === 'RESOURCE:FARGATE'
      ? serviceMessages.fargateCapacityUnavailable(service.name)
      : serviceMessages.noInstanceMetRequirements(
          service.name,
          closest ? { containerInstanceId: closest.containerInstanceId, problem: placementProblemWording[reason] ?? `failed ${reason}` } : null,
        );
  if (openCondition(ctx, service, 'placement', message)) {
    emitEventBridge(ctx, 'ECS Service Action', [service.arn], {
      eventType: 'ERROR',
      eventName: 'SERVICE_TASK_PLACEMENT_FAILURE',
      clusterArn: cluster.arn,
      createdAt: isoTime(ctx, ctx.clock.now),
      reason: reason || 'RESOURCE:INSTANCES',
      ...(provider ? { capacityProviderArns: [`arn:aws:ecs:${ctx.region}:${ctx.accountId}:capacity-provider/${provider}`] } : {}),
    });
  }
}
