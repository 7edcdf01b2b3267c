import { invalidParameter } from '../kernel/errors.js';
import { resolveCluster, resolveService } from '../ecs/model/resolve.js';
import type { SimContext } from '../kernel/context.js';
import { wakeServices } from '../ecs/capacity/instance-events.js';
import { stopTask } from '../ecs/tasks/task-transitions.js';
import { optionalInteger, optionalString, rejectUnknownFields, requireObject } from '../kernel/fields.js';

export const SPOT_INTERRUPTION_REASON = 'Your Spot Task was interrupted.';

/**
 * Simulation control: AWS reclaims Fargate Spot capacity. Each chosen task gets the two-minute warning as
 * a task state change (desiredStatus STOPPED, stopCode SpotInterruption) and SIGTERM; SIGKILL follows
 * after its stopTimeout. Tasks are taken oldest first, so a scenario knows which ones go.
 */
export function interruptFargateSpotTasks(ctx: SimContext, input: { cluster?: string; service?: string; count?: number }): { taskArns: string[] } {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', ['cluster', 'service', 'count']);
  const cluster = resolveCluster(ctx, request.cluster);
  const serviceName = optionalString(request.service, 'service');
  if (serviceName) resolveService(cluster, serviceName);
  const count = optionalInteger(request.count, 'count', { min: 1, max: 5000 }) ?? 1;
  const candidates = [...cluster.tasks.values()]
    .filter((t) => t.capacityProviderName === 'FARGATE_SPOT' && t.desiredStatus === 'RUNNING' && t.lastStatus === 'RUNNING')
    .filter((t) => !serviceName || t.serviceName === serviceName)
    .sort((a, b) => a.createdAt - b.createdAt);
  if (candidates.length === 0) throw invalidParameter('No running FARGATE_SPOT task to interrupt.', 'service');
  const chosen = candidates.slice(0, count);
  for (const task of chosen) stopTask(ctx, task, 'SpotInterruption', SPOT_INTERRUPTION_REASON);
  return { taskArns: chosen.map((t) => t.arn) };
}

/** Simulation control: how many tasks a Fargate capacity provider can run at once (null: no limit). */
export function setFargateCapacity(ctx: SimContext, input: { capacityProvider: 'FARGATE' | 'FARGATE_SPOT'; maxTasks: number | null }): void {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', ['capacityProvider', 'maxTasks']);
  const provider = request.capacityProvider;
  if (provider !== 'FARGATE' && provider !== 'FARGATE_SPOT') throw invalidParameter('capacityProvider must be FARGATE or FARGATE_SPOT.', 'capacityProvider');
  if (request.maxTasks === null) delete ctx.state.fargateCapacity[provider];
  else {
    const maxTasks = optionalInteger(request.maxTasks, 'maxTasks', { min: 0, max: 100000 });
    if (maxTasks === undefined) throw invalidParameter('maxTasks is required: a number of tasks, or null to lift the cap.', 'maxTasks');
    ctx.state.fargateCapacity[provider] = maxTasks;
  }
  for (const cluster of ctx.state.clusters.values()) wakeServices(ctx, cluster.name);
}
