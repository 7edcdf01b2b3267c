import { arns } from '../../kernel/arns.js';
import { epochSeconds, type SimContext } from '../../kernel/context.js';
import { invalidParameter } from '../../kernel/errors.js';
import { optionalBoolean, optionalInteger, optionalStringList, requireObject } from '../../kernel/fields.js';
import { ownResourceId, resolveCluster } from '../model/resolve.js';
import type { ClusterRecord, TaskRecord } from '../model/state.js';

/**
 * Task scale-in protection (GetTaskProtection, UpdateTaskProtection): a protected service task is not
 * stopped by scale-in nor by a deployment until its protection expires, 2 hours after it was set unless
 * the call said otherwise (at most 2 days). Other stops (StopTask, a failed health check, Spot) still happen.
 */

export const DEFAULT_PROTECTION_MINUTES = 120;
export const MAX_PROTECTION_MINUTES = 2880;
/** GetTaskProtection and UpdateTaskProtection take at most this many tasks. */
const MAX_TASKS = 10;

/** Whether the scheduler must leave `task` alone at `now` (virtual ms). */
export function isProtected(task: Pick<TaskRecord, 'protectedUntil'>, now: number): boolean {
  return task.protectedUntil !== undefined && task.protectedUntil > now;
}

function protectionView(ctx: SimContext, task: TaskRecord) {
  return isProtected(task, ctx.clock.now)
    ? { taskArn: task.arn, protectionEnabled: true, expirationDate: epochSeconds(ctx, task.protectedUntil!) }
    : { taskArn: task.arn, protectionEnabled: false };
}

/** The tasks a request names in the cluster, and a MISSING failure for each it does not find running. */
function namedTasks(ctx: SimContext, cluster: ClusterRecord, refs: string[]) {
  const tasks: TaskRecord[] = [];
  const failures: Array<{ arn: string; reason: string }> = [];
  for (const ref of refs) {
    const task = cluster.tasks.get(arns.task(ctx, cluster.name, ownResourceId(ctx, ref, 'tasks')));
    if (task && task.lastStatus !== 'STOPPED') tasks.push(task);
    else failures.push({ arn: ref, reason: 'MISSING' });
  }
  return { tasks, failures };
}

function requireTasks(value: unknown): string[] {
  const refs = optionalStringList(value, 'tasks', MAX_TASKS);
  if (!refs || refs.length === 0) throw invalidParameter('tasks should not be null or empty.', 'tasks');
  return refs;
}

export function getTaskProtection(ctx: SimContext, input: { cluster: string; tasks?: string[] }) {
  const request = requireObject(input, 'request');
  const cluster = resolveCluster(ctx, request.cluster);
  const { tasks, failures } = namedTasks(ctx, cluster, requireTasks(request.tasks));
  return { protectedTasks: tasks.map((t) => protectionView(ctx, t)), failures };
}

export function updateTaskProtection(ctx: SimContext, input: { cluster: string; tasks: string[]; protectionEnabled: boolean; expiresInMinutes?: number }) {
  const request = requireObject(input, 'request');
  const cluster = resolveCluster(ctx, request.cluster);
  const refs = requireTasks(request.tasks);
  const enabled = optionalBoolean(request.protectionEnabled, 'protectionEnabled');
  if (enabled === undefined) throw invalidParameter('protectionEnabled should not be null or empty.', 'protectionEnabled');
  const minutes = optionalInteger(request.expiresInMinutes, 'expiresInMinutes', { min: 1, max: MAX_PROTECTION_MINUTES }) ?? DEFAULT_PROTECTION_MINUTES;
  const { tasks, failures } = namedTasks(ctx, cluster, refs);
  for (const task of tasks) {
    task.protectedUntil = enabled ? ctx.clock.now + minutes * 60_000 : undefined;
    // The service's next pass may now stop it (protection off), or must wait (on).
    const service = task.serviceName ? cluster.services.get(task.serviceName) : undefined;
    if (service) ctx.requestServicePass(service);
  }
  return { protectedTasks: tasks.map((t) => protectionView(ctx, t)), failures };
}
