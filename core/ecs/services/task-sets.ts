import type { LaunchType } from '../model/types.js';
import { epochSeconds, type SimContext } from '../../kernel/context.js';
import type { ServiceLoadBalancer, ServiceRecord } from '../model/state.js';
import { taskSetDesired, type TaskSetRecord } from '../model/task-set-state.js';

export function newTaskSet(
  ctx: SimContext,
  service: ServiceRecord,
  taskDefinitionArn: string,
  loadBalancers: ServiceLoadBalancer[],
  scalePercent: number,
  status: TaskSetRecord['status'],
  externalId?: string,
): TaskSetRecord {
  const id = `ecs-svc/${ctx.random.digits(19)}`;
  return {
    id,
    arn: `arn:aws:ecs:${ctx.region}:${ctx.accountId}:task-set/${service.clusterName}/${service.name}/${id}`,
    taskDefinitionArn,
    status,
    scalePercent,
    loadBalancers: loadBalancers.map((l) => ({ ...l })),
    stabilityStatus: 'STABILIZING',
    launchType: service.launchType as LaunchType,
    ...(externalId ? { externalId } : {}),
    createdAt: ctx.clock.now,
    updatedAt: ctx.clock.now,
  };
}

/** A task set as DescribeTaskSets and DescribeServices return it. */
export function taskSetView(ctx: SimContext, service: ServiceRecord, set: TaskSetRecord) {
  const cluster = ctx.state.clusters.get(service.clusterName)!;
  let running = 0;
  let pending = 0;
  for (const task of service.tasks.values()) {
    if (task.deploymentId !== set.id || task.desiredStatus !== 'RUNNING') continue;
    if (task.lastStatus === 'RUNNING') running++;
    else if (task.lastStatus !== 'STOPPED') pending++;
  }
  return {
    id: set.id,
    taskSetArn: set.arn,
    serviceArn: service.arn,
    clusterArn: cluster.arn,
    ...(set.externalId ? { externalId: set.externalId } : {}),
    status: set.status,
    taskDefinition: set.taskDefinitionArn,
    computedDesiredCount: set.status === 'DRAINING' ? 0 : taskSetDesired(service.desiredCount, set.scalePercent),
    pendingCount: pending,
    runningCount: running,
    createdAt: epochSeconds(ctx, set.createdAt),
    updatedAt: epochSeconds(ctx, set.updatedAt),
    launchType: set.launchType,
    loadBalancers: set.loadBalancers.map((l) => ({ ...l })),
    scale: { value: set.scalePercent, unit: 'PERCENT' as const },
    stabilityStatus: set.stabilityStatus,
  };
}
