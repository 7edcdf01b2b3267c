import type { SimContext } from '../../kernel/context.js';
import { serviceMessages, stoppedReasons } from '../model/service-messages.js';
import type { ClusterRecord, ServiceRecord, TaskRecord } from '../model/state.js';
import type { PlacementChoice } from '../placement/choose-instance.js';
import { stopTask } from '../tasks/task-transitions.js';
import { recordServiceEvent } from './service-events.js';
import type { StartOrder, StopOrder } from './service-plan.js';
import { startRequestOf } from './service-start-request.js';
import { startTasks } from './start-tasks.js';

/**
 * Stops a step's tasks, saying why in ECS's words: each health-check failure in its own event, the
 * scaling-activity stops together in one "has stopped" event.
 */
export function applyStops(ctx: SimContext, cluster: ClusterRecord, service: ServiceRecord, orders: readonly StopOrder[]): void {
  const scaled: string[] = [];
  for (const { taskArn, taskId, why } of orders) {
    const task = cluster.tasks.get(taskArn)!;
    if (why.kind === 'scaling-activity') {
      stopTask(ctx, task, 'ServiceSchedulerInitiated', stoppedReasons.scalingActivity(why.deploymentId));
      scaled.push(taskId);
    } else if (why.kind === 'failed-elb-health-checks') {
      const { target } = why;
      const who = target.id.startsWith('i-') ? { instanceId: target.id } : { taskId };
      recordServiceEvent(ctx, service, serviceMessages.unhealthyInTargetGroup(service.name, who, target.port, target.targetGroupArn, target.description));
      stopTask(ctx, task, 'ServiceSchedulerInitiated', stoppedReasons.failedElbHealthChecks(target.targetGroupArn), 'health');
    } else {
      recordServiceEvent(ctx, service, serviceMessages.failedContainerHealthChecks(service.name, taskId));
      stopTask(ctx, task, 'ServiceSchedulerInitiated', stoppedReasons.failedContainerHealthChecks, 'health');
    }
  }
  if (scaled.length > 0) recordServiceEvent(ctx, service, serviceMessages.stoppedTasks(service.name, scaled));
}

export interface StartOutcome {
  started: TaskRecord[];
  /** The first order that could not place all its tasks: what failed, and in which capacity provider. */
  failure?: { choice: PlacementChoice; provider?: string };
}

/** Places and launches a step's tasks, and says which started in one "has started" event. */
export function applyStarts(ctx: SimContext, cluster: ClusterRecord, service: ServiceRecord, orders: readonly StartOrder[]): StartOutcome {
  const started: TaskRecord[] = [];
  let failure: StartOutcome['failure'];
  for (const order of orders) {
    const result = startTasks(ctx, cluster, startRequestOf(ctx, cluster, service, order));
    started.push(...result.started);
    if (result.failure) failure ??= { choice: result.failure, provider: order.placement.kind === 'service' ? order.placement.capacityProvider : undefined };
  }
  for (const task of started) service.tasks.set(task.arn, task);
  if (started.length > 0) recordServiceEvent(ctx, service, serviceMessages.startedTasks(service.name, started.map((t) => t.id)));
  return failure ? { started, failure } : { started };
}
