import type { SimContext } from '../../kernel/context.js';
import { PRE_RUNNING_STATUSES } from '../tasks/task-lifecycle.js';
import type { ClusterRecord, TaskRecord } from '../model/state.js';
import { memoryUsedMiB, taskCpuPercent } from '../tasks/task-usage.js';
import { recordDatapoint } from '../../cloudwatch/metric-source.js';
import { insightsDatapoints, insightsKey, type InsightsLevel, type TaskUsage } from '../../cloudwatch/insights-metrics.js';

/**
 * Applies Container Insights: once any cluster turns it on, the one-minute CloudWatch tick publishes each
 * enabled cluster's datapoints into the metric store. A cluster with it disabled publishes nothing, and turning
 * it on later starts its series from then.
 */
export function insightsLevel(cluster: ClusterRecord): InsightsLevel {
  const value = cluster.settings.find((s) => s.name === 'containerInsights')?.value;
  return value === 'enabled' || value === 'enhanced' ? value : 'disabled';
}

/** CPU as the image uses it: idle CPU plus what the requests cost (full CPU at the image's capacity). */
function taskUsage(ctx: SimContext, task: TaskRecord, requests: number): TaskUsage {
  const cpu = taskCpuPercent(ctx, task, requests);
  const memory = memoryUsedMiB(ctx, task);
  return {
    taskId: task.id,
    family: task.taskDefinition.family,
    serviceName: task.serviceName,
    running: task.lastStatus === 'RUNNING',
    pending: task.desiredStatus === 'RUNNING' && PRE_RUNNING_STATUSES.has(task.lastStatus),
    cpuReserved: task.cpu,
    cpuUtilized: Math.round((task.cpu * cpu) / 100),
    memoryReserved: task.memory,
    memoryUtilized: memory,
  };
}

/** One minute of Container Insights for every cluster that has it on. */
export function publishInsights(ctx: SimContext): void {
  const state = ctx.state.observability;
  if (!state.insightsOn) return;
  for (const cluster of ctx.state.clusters.values()) {
    const level = insightsLevel(cluster);
    if (cluster.status !== 'ACTIVE' || level === 'disabled') continue;
    const datapoints = insightsDatapoints({
      clusterName: cluster.name,
      level,
      services: [...cluster.services.values()].filter((s) => s.status === 'ACTIVE').map((s) => ({ name: s.name, desiredCount: s.desiredCount })),
      containerInstances: [...cluster.instances.values()].filter((i) => i.status !== 'INACTIVE').length,
      tasks: [...cluster.tasks.values()].map((t) => taskUsage(ctx, t, state.requestsThisMinute.get(t.arn) ?? 0)),
    });
    for (const point of datapoints) {
      recordDatapoint(ctx, insightsKey(point.dimensions, point.metric), point.value);
    }
    state.insightsDatapoints += datapoints.length;
  }
  state.requestsThisMinute.clear();
}

/**
 * Called when a cluster's containerInsights setting changes. Returns whether it is on, so the caller starts
 * the one-minute CloudWatch tick, which publishes Insights with the other metrics (one clock for alarms).
 */
export function containerInsightsChanged(ctx: SimContext, cluster: ClusterRecord): boolean {
  if (insightsLevel(cluster) === 'disabled') return false;
  ctx.state.observability.insightsOn = true;
  return true;
}
