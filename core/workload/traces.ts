import type { SimContext } from '../kernel/context.js';
import type { TaskRecord } from '../ecs/model/state.js';

/**
 * The X-Ray daemon sidecar: an instrumented application sends a segment per sampled request to UDP 2000
 * of its task, and only a running daemon container receives it. The simulator treats every application
 * as instrumented. With no daemon, or a stopped one, the segments are lost and the application serves on.
 */

/** The X-Ray SDK's default sampling rule: the first request each second, then 5 % of the rest. */
export function sampledSegments(requests: number): number {
  return requests <= 0 ? 0 : 1 + 0.05 * (requests - 1);
}

export function hasRunningTraceDaemon(ctx: SimContext, task: TaskRecord): boolean {
  return task.containers.some((c) => c.lastStatus === 'RUNNING' && ctx.images.behaviourOf(c.image).tracesDaemon === true);
}

/** Called by the traffic tick with the requests a task served this second. */
export function recordServedRequests(ctx: SimContext, task: TaskRecord, served: number): void {
  if (served <= 0) return;
  const state = ctx.state.observability;
  if (state.insightsOn) state.requestsThisMinute.set(task.arn, (state.requestsThisMinute.get(task.arn) ?? 0) + served);
  if (!hasRunningTraceDaemon(ctx, task)) return;
  const traces = state.traces.get(task.arn) ?? { clusterName: task.clusterName, serviceName: task.serviceName, segments: 0 };
  traces.segments += sampledSegments(served);
  state.traces.set(task.arn, traces);
}

/** Segments X-Ray received, in total and per task, for a cluster and optionally one service. */
export function traceCounts(ctx: SimContext, clusterName: string, serviceName?: string): { segments: number; tasks: Array<{ taskArn: string; segments: number }> } {
  const tasks = [...ctx.state.observability.traces.entries()]
    .filter(([, t]) => t.clusterName === clusterName && (serviceName === undefined || t.serviceName === serviceName))
    .map(([taskArn, t]) => ({ taskArn, segments: Math.round(t.segments) }));
  return { segments: tasks.reduce((sum, t) => sum + t.segments, 0), tasks };
}
