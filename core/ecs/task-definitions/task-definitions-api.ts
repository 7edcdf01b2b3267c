import type { RegisterTaskDefinitionRequest, Tag, TaskDefinition } from '../model/types.js';
import { requiredAttributes } from './required-attributes.js';
import { clientError } from '../../kernel/errors.js';
import { resolveTaskDefinition } from '../model/resolve.js';
import { arns } from '../../kernel/arns.js';
import { epochSeconds, type SimContext } from '../../kernel/context.js';
import { optionalEnum, optionalString, optionalStringList, requireObject } from '../../kernel/fields.js';
import { validateTaskDefinition } from './task-definition.js';
import { isFargateSize } from './fargate-sizes.js';

const copy = <T>(value: T): T => structuredClone(value);

/** A task definition as ECS describes it: what was not given answers with ECS's defaults and empty lists. */
function taskDefinitionView(td: TaskDefinition): TaskDefinition {
  const view = copy(td);
  view.volumes ??= [];
  view.containerDefinitions = view.containerDefinitions.map((c) => ({
    portMappings: [],
    essential: true,
    environment: [],
    mountPoints: [],
    volumesFrom: [],
    systemControls: [],
    ...c,
  }));
  return view;
}

/** The tags a revision keeps, for TagResource and DescribeTaskDefinition with include ["TAGS"]. */
export const taskDefinitionTags = (ctx: SimContext, arn: string): Tag[] | undefined => ctx.state.taskDefinitionTags.get(arn);

function compatibilitiesOf(request: RegisterTaskDefinitionRequest): TaskDefinition['compatibilities'] {
  const out: TaskDefinition['compatibilities'] = ['EC2'];
  // ECS Anywhere runs bridge, host and none tasks; it has no ENIs to give awsvpc ones.
  if (request.networkMode !== 'awsvpc') out.push('EXTERNAL');
  if (request.networkMode === 'awsvpc' && request.cpu !== undefined && request.memory !== undefined && isFargateSize(Number(request.cpu), Number(request.memory))) {
    out.push('FARGATE');
  }
  // Listed only when asked for, so the task definitions of earlier runs read as they did.
  if (request.requiresCompatibilities?.includes('MANAGED_INSTANCES')) out.push('MANAGED_INSTANCES');
  return out;
}

export function registerTaskDefinition(ctx: SimContext, input: RegisterTaskDefinitionRequest) {
  const request = validateTaskDefinition(input);
  const revisions = ctx.state.taskDefinitions.get(request.family) ?? [];
  // Revisions are never reused, even after deregistration: the next one is always last + 1.
  const revision = revisions.length + 1;
  const taskDefinition: TaskDefinition = {
    taskDefinitionArn: arns.taskDefinition(ctx, request.family, revision),
    family: request.family,
    revision,
    containerDefinitions: request.containerDefinitions,
    networkMode: request.networkMode ?? 'bridge',
    status: 'ACTIVE',
    ...(request.requiresCompatibilities ? { requiresCompatibilities: request.requiresCompatibilities } : {}),
    compatibilities: compatibilitiesOf(request),
    requiresAttributes: requiredAttributes(request),
    placementConstraints: request.placementConstraints ?? [],
    ...(request.volumes ? { volumes: request.volumes } : {}),
    ...(request.cpu !== undefined ? { cpu: request.cpu } : {}),
    ...(request.memory !== undefined ? { memory: request.memory } : {}),
    ...(request.executionRoleArn ? { executionRoleArn: request.executionRoleArn } : {}),
    ...(request.taskRoleArn ? { taskRoleArn: request.taskRoleArn } : {}),
    registeredAt: epochSeconds(ctx, ctx.clock.now),
    registeredBy: `arn:aws:iam::${ctx.accountId}:user/learner`,
  };
  ctx.state.taskDefinitions.set(request.family, [...revisions, taskDefinition]);
  ctx.state.taskDefinitionTags.set(taskDefinition.taskDefinitionArn, copy(request.tags ?? []));
  return { taskDefinition: taskDefinitionView(taskDefinition), tags: copy(request.tags ?? []) };
}

export function describeTaskDefinition(ctx: SimContext, input: { taskDefinition: string; include?: Array<'TAGS'> }) {
  const request = requireObject(input, 'request');
  const taskDefinition = resolveTaskDefinition(ctx, request.taskDefinition);
  const withTags = optionalStringList(request.include, 'include')?.includes('TAGS');
  return { taskDefinition: taskDefinitionView(taskDefinition), ...(withTags ? { tags: copy(taskDefinitionTags(ctx, taskDefinition.taskDefinitionArn) ?? []) } : {}) };
}

export function deregisterTaskDefinition(ctx: SimContext, input: { taskDefinition: string }) {
  const request = requireObject(input, 'request');
  const reference = request.taskDefinition;
  if (typeof reference !== 'string' || !/:\d+$/.test(reference)) {
    throw clientError('A revision must be specified: family:revision or the full ARN.', 'taskDefinition');
  }
  const taskDefinition = resolveTaskDefinition(ctx, reference);
  taskDefinition.status = 'INACTIVE';
  taskDefinition.deregisteredAt = epochSeconds(ctx, ctx.clock.now);
  return { taskDefinition: taskDefinitionView(taskDefinition) };
}

export function listTaskDefinitions(ctx: SimContext, input: { familyPrefix?: string; status?: 'ACTIVE' | 'INACTIVE'; sort?: 'ASC' | 'DESC' } = {}) {
  const request = requireObject(input ?? {}, 'request');
  const prefix = optionalString(request.familyPrefix, 'familyPrefix');
  const status = optionalEnum(request.status, 'status', ['ACTIVE', 'INACTIVE'] as const) ?? 'ACTIVE';
  const sort = optionalEnum(request.sort, 'sort', ['ASC', 'DESC'] as const) ?? 'ASC';
  const arnsOut: string[] = [];
  for (const [family, revisions] of [...ctx.state.taskDefinitions.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    // ListTaskDefinitions' familyPrefix is, despite its name, the whole family name (ListTaskDefinitionFamilies' is a prefix).
    if (prefix && family !== prefix) continue;
    for (const td of revisions) if (td.status === status) arnsOut.push(td.taskDefinitionArn);
  }
  return { taskDefinitionArns: sort === 'ASC' ? arnsOut : arnsOut.reverse() };
}

export function listTaskDefinitionFamilies(ctx: SimContext, input: { familyPrefix?: string; status?: 'ACTIVE' | 'INACTIVE' | 'ALL' } = {}) {
  const request = requireObject(input ?? {}, 'request');
  const prefix = optionalString(request.familyPrefix, 'familyPrefix');
  const status = optionalEnum(request.status, 'status', ['ACTIVE', 'INACTIVE', 'ALL'] as const) ?? 'ACTIVE';
  const families = [...ctx.state.taskDefinitions.entries()]
    .filter(([family]) => !prefix || family.startsWith(prefix))
    // A family is ACTIVE while any revision is; INACTIVE once every revision is.
    .filter(([, revisions]) => status === 'ALL' || (status === 'ACTIVE') === revisions.some((td) => td.status === 'ACTIVE'))
    .map(([family]) => family)
    .sort();
  return { families };
}

/** Only INACTIVE revisions can be deleted; they go DELETE_IN_PROGRESS and their numbers stay used. */
export function deleteTaskDefinitions(ctx: SimContext, input: { taskDefinitions: string[] }) {
  const request = requireObject(input, 'request');
  const refs = optionalStringList(request.taskDefinitions, 'taskDefinitions', 10);
  if (!refs || refs.length === 0) throw clientError('taskDefinitions should not be null or empty.', 'taskDefinitions');
  const taskDefinitions: TaskDefinition[] = [];
  const failures: Array<{ arn: string; reason: string; detail?: string }> = [];
  for (const ref of refs) {
    let td: TaskDefinition;
    try {
      td = resolveTaskDefinition(ctx, ref);
    } catch {
      failures.push({ arn: String(ref), reason: 'TASK_DEFINITION_NOT_FOUND' });
      continue;
    }
    if (td.status === 'ACTIVE') {
      failures.push({ arn: td.taskDefinitionArn, reason: 'The specified task definition is still in ACTIVE status. Please deregister the target and try again.' });
      continue;
    }
    td.status = 'DELETE_IN_PROGRESS';
    taskDefinitions.push(taskDefinitionView(td));
  }
  return { taskDefinitions, failures };
}
