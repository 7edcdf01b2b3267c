import type { Failure, ListTasksRequest, RunTaskRequest, StopTaskRequest, Task } from '../model/types.js';
import { invalidParameter } from '../../kernel/errors.js';
import { findContainerInstance, ownResourceId, resolveCluster, resolveTaskDefinition } from '../model/resolve.js';
import { resolveLaunchTarget } from '../capacity/launch-target.js';
import { chooseCapacityProviders } from '../capacity/capacity-provider-split.js';
import { validatePlacementConstraints } from '../placement/validate-placement-constraints.js';
import { validatePlacementStrategy } from '../placement/validate-placement-strategy.js';
import { taskView } from '../tasks/task-view.js';
import { resourceId } from '../../kernel/arns.js';
import type { SimContext } from '../../kernel/context.js';
import { stoppedReasons } from '../model/service-messages.js';
import { stopTask as applyStop } from '../tasks/task-transitions.js';
import { startTasks } from '../services/start-tasks.js';
import { optionalBoolean, optionalEnum, optionalInteger, optionalString, optionalStringList, requireObject, validateTags } from '../../kernel/fields.js';
import type { TaskRecord } from '../model/state.js';


/** Standalone RunTask with no strategy: the simulator spreads over instances (ECS's default is not documented). */
const DEFAULT_RUN_TASK_STRATEGY = [{ type: 'spread' as const, field: 'instanceId' }];

export function runTask(ctx: SimContext, input: RunTaskRequest) {
  const request = requireObject(input, 'request');
  const cluster = resolveCluster(ctx, request.cluster);
  const taskDefinition = resolveTaskDefinition(ctx, request.taskDefinition);
  if (taskDefinition.status !== 'ACTIVE') {
    throw invalidParameter(`TaskDefinition is inactive: ${taskDefinition.family}:${taskDefinition.revision}`, 'taskDefinition');
  }
  const count = optionalInteger(request.count, 'count', { min: 1, max: 10 }) ?? 1;
  const target = resolveLaunchTarget(ctx, request, cluster, taskDefinition);
  const group = optionalString(request.group, 'group') ?? `family:${taskDefinition.family}`;
  const startedBy = optionalString(request.startedBy, 'startedBy');
  const tags = validateTags(request.tags);
  const strategies = validatePlacementStrategy(request.placementStrategy, 'placementStrategy');
  const constraints = validatePlacementConstraints(request.placementConstraints, 'placementConstraints', taskDefinition.placementConstraints.length);
  const providers = chooseCapacityProviders(target.capacityProviderStrategy, {}, count);
  const result = startTasks(ctx, cluster, {
    taskDefinition,
    count,
    group,
    launchType: target.launchType,
    strategies: strategies.length > 0 ? strategies : DEFAULT_RUN_TASK_STRATEGY,
    constraints,
    startedBy,
    tags,
    capacityProviderName: providers[0],
    awsvpc: target.networkConfiguration?.awsvpcConfiguration,
  });
  const failures: Failure[] = [];
  if (result.failure) {
    const closest = result.failure.closest;
    for (let i = result.started.length; i < count; i++) {
      failures.push({
        ...(closest ? { arn: [...cluster.instances.values()].find((x) => x.id === closest.containerInstanceId)?.arn } : {}),
        reason: result.failure.failureReason ?? 'MISSING',
        ...(closest ? {} : { detail: 'No Container Instances were found in your cluster.' }),
      });
    }
  }
  markExecuteCommand(request, result.started);
  return { tasks: result.started.map((t) => taskView(ctx, t)), failures };
}

/** RunTask's and StartTask's enableExecuteCommand: whether ExecuteCommand may open a session in these tasks. */
function markExecuteCommand(request: Record<string, unknown>, tasks: TaskRecord[]): void {
  const enabled = optionalBoolean(request.enableExecuteCommand, 'enableExecuteCommand');
  if (enabled !== undefined) for (const task of tasks) task.enableExecuteCommand = enabled;
}

export function stopTask(ctx: SimContext, input: StopTaskRequest) {
  const request = requireObject(input, 'request');
  const cluster = resolveCluster(ctx, request.cluster);
  const ref = optionalString(request.task, 'task');
  if (!ref) throw invalidParameter('task should not be null or empty.', 'task');
  const reason = optionalString(request.reason, 'reason');
  if (reason !== undefined && reason.length > 255) throw invalidParameter('reason can be at most 255 characters.', 'reason');
  const id = ownResourceId(ctx, ref, 'task');
  const task = [...cluster.tasks.values()].find((t) => t.id === id);
  if (!task) throw invalidParameter('The referenced task was not found.', 'task');
  applyStop(ctx, task, 'UserInitiated', reason ?? stoppedReasons.userStopped);
  return { task: taskView(ctx, task) };
}

export function describeTasks(ctx: SimContext, input: { cluster?: string; tasks: string[] }) {
  const request = requireObject(input, 'request');
  const cluster = resolveCluster(ctx, request.cluster);
  const refs = optionalStringList(request.tasks, 'tasks', 100);
  if (!refs || refs.length === 0) throw invalidParameter('Tasks cannot be empty.', 'tasks');
  const tasks: Task[] = [];
  const failures: Failure[] = [];
  for (const ref of refs) {
    const id = ownResourceId(ctx, String(ref), 'tasks');
    const task = cluster.tasks.get(`${cluster.arn.replace(':cluster/', ':task/')}/${id}`);
    if (task) tasks.push(taskView(ctx, task));
    else failures.push({ arn: String(ref), reason: 'MISSING' });
  }
  return { tasks, failures };
}

export function listTasks(ctx: SimContext, input: ListTasksRequest = {}) {
  const request = requireObject(input ?? {}, 'request');
  const cluster = resolveCluster(ctx, request.cluster);
  const serviceName = optionalString(request.serviceName, 'serviceName');
  const family = optionalString(request.family, 'family');
  const startedBy = optionalString(request.startedBy, 'startedBy');
  const containerInstance = optionalString(request.containerInstance, 'containerInstance');
  const desiredStatus = optionalEnum(request.desiredStatus, 'desiredStatus', ['RUNNING', 'PENDING', 'STOPPED'] as const) ?? 'RUNNING';
  const launchType = optionalEnum(request.launchType, 'launchType', ['EC2', 'FARGATE', 'EXTERNAL'] as const);
  const maxResults = optionalInteger(request.maxResults, 'maxResults', { min: 1, max: 100 }) ?? 100;
  const start = request.nextToken === undefined ? 0 : Number(optionalString(request.nextToken, 'nextToken'));
  if (!Number.isInteger(start) || start < 0) throw invalidParameter('Invalid nextToken.', 'nextToken');
  const serviceId = serviceName && ownResourceId(ctx, serviceName, 'serviceName');
  const instanceId = containerInstance && ownResourceId(ctx, containerInstance, 'containerInstance');
  const matching = [...cluster.tasks.values()]
    .filter((t) => (desiredStatus === 'PENDING' ? t.desiredStatus === 'RUNNING' && t.lastStatus !== 'RUNNING' : t.desiredStatus === desiredStatus))
    .filter((t) => !serviceId || t.serviceName === serviceId)
    .filter((t) => !family || t.taskDefinition.family === family)
    .filter((t) => !startedBy || t.startedBy === startedBy)
    .filter((t) => !launchType || t.launchType === launchType)
    .filter((t) => !instanceId || resourceId(t.instanceArn ?? '') === instanceId)
    .map((t) => t.arn);
  const page = matching.slice(start, start + maxResults);
  return { taskArns: page, ...(start + maxResults < matching.length ? { nextToken: String(start + maxResults) } : {}) };
}

/** StartTask: like RunTask, but on the container instances the caller names (up to 10), one task each. */
export function startTask(ctx: SimContext, input: { cluster?: string; taskDefinition: string; containerInstances: string[]; group?: string; startedBy?: string }) {
  const request = requireObject(input, 'request');
  const cluster = resolveCluster(ctx, request.cluster);
  const taskDefinition = resolveTaskDefinition(ctx, request.taskDefinition);
  if (taskDefinition.status !== 'ACTIVE') {
    throw invalidParameter(`TaskDefinition is inactive: ${taskDefinition.family}:${taskDefinition.revision}`, 'taskDefinition');
  }
  const refs = optionalStringList(request.containerInstances, 'containerInstances', 10);
  if (!refs || refs.length === 0) throw invalidParameter('containerInstances should not be null or empty.', 'containerInstances');
  const targets = refs.map((ref, i) => {
    const instance = findContainerInstance(cluster, ref);
    if (!instance || instance.status === 'INACTIVE') throw invalidParameter(`containerInstances[${i}] was not found in the cluster.`, `containerInstances[${i}]`);
    return instance;
  });
  const group = optionalString(request.group, 'group') ?? `family:${taskDefinition.family}`;
  const startedBy = optionalString(request.startedBy, 'startedBy');
  const tasks: Task[] = [];
  const failures: Failure[] = [];
  for (const instance of targets) {
    const result = startTasks(ctx, cluster, { taskDefinition, count: 1, group, launchType: instance.external ? 'EXTERNAL' : 'EC2', strategies: [], startedBy, onlyOn: instance });
    markExecuteCommand(request, result.started);
    if (result.started[0]) tasks.push(taskView(ctx, result.started[0]));
    else failures.push({ arn: instance.arn, reason: result.failure?.failureReason ?? 'MISSING' });
  }
  return { tasks, failures };
}
