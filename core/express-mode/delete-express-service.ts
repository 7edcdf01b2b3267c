import type { SimContext } from '../kernel/context.js';
import { Priority } from '../kernel/clock.js';
import type { EcsHooks } from '../ecs/model/ecs-hooks.js';
import type { TaskRecord } from '../ecs/model/state.js';
import { deleteService } from '../ecs/services/services-api.js';
import { deleteTargetGroup } from '../elb/elb-api.js';
import { deleteRule, lookUpRule } from '../elb/listener-rules.js';
import { deleteLogGroup } from '../cloudwatch/logs-api.js';
import { EcsError } from '../kernel/errors.js';
import { removeScaling } from './express-scaling.js';
import type { ExpressServiceRecord } from './express-state.js';
import { ecsServiceOf, expressServiceView } from './express-view.js';
import { findExpressService } from './find-express-service.js';

/**
 * DeleteExpressGatewayService: the service goes DRAINING, its scaling goes (nothing may scale it back up) and
 * its tasks stop, finishing the requests they have. Once the last task has stopped, what Express Mode made
 * for it goes too: its listener rule, its two target groups and its log group; the service is INACTIVE.
 * The shared load balancer stays for the other services on it, and the task definition revisions stay
 * registered (ECS keeps revisions; the simulator deregisters none of them).
 */
export function deleteExpressGatewayService(ctx: SimContext, input: { serviceArn: string }) {
  const { record } = findExpressService(ctx, input, true);
  removeScaling(ctx, record);
  deleteService(ctx, { cluster: record.clusterName, service: record.serviceName, force: true });
  // With no task left to stop, the removal follows at once, as the engine's next step: the answer says DRAINING.
  if (!hasLiveTasks(ctx, record)) ctx.clock.schedule(0, Priority.timer, () => removeWhatItMade(ctx, record));
  return { service: expressServiceView(ctx, record) };
}

/** Express Mode watches the tasks of services it is deleting: the last one stopped ends the deletion. */
export function watchExpressDeletions(hooks: EcsHooks): void {
  hooks.taskStopped.on((ctx, task) => {
    const record = expressRecordOf(ctx, task);
    if (record && !record.removed && ecsServiceOf(ctx, record).status !== 'ACTIVE' && !hasLiveTasks(ctx, record)) removeWhatItMade(ctx, record);
  });
}

function expressRecordOf(ctx: SimContext, task: TaskRecord): ExpressServiceRecord | undefined {
  if (!task.serviceName || ctx.state.express.services.size === 0) return undefined;
  const service = ctx.state.clusters.get(task.clusterName)?.services.get(task.serviceName);
  return service && ctx.state.express.services.get(service.arn);
}

function hasLiveTasks(ctx: SimContext, record: ExpressServiceRecord): boolean {
  return [...ecsServiceOf(ctx, record).tasks.values()].some((task) => task.lastStatus !== 'STOPPED');
}

/**
 * Through each service's own API. What the caller removed by hand is already gone; a target group the caller
 * has since put in a rule of their own stays (ELB refuses to delete it).
 */
function removeWhatItMade(ctx: SimContext, record: ExpressServiceRecord): void {
  if (lookUpRule(ctx, record.ruleArn)) deleteRule(ctx, { RuleArn: record.ruleArn });
  for (const arn of record.targetGroupArns.filter((a) => ctx.state.elb.targetGroups.has(a))) {
    try {
      deleteTargetGroup(ctx, { TargetGroupArn: arn });
    } catch (error) {
      if (!(error instanceof EcsError && error.name === 'ResourceInUseException')) throw error;
    }
  }
  if (record.createdLogGroup && ctx.state.observability.logGroups.has(record.logGroupName)) deleteLogGroup(ctx, { logGroupName: record.logGroupName });
  record.removed = true;
  record.updatedAt = ctx.clock.now;
}
