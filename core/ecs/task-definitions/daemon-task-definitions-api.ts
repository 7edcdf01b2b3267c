import { epochSeconds, type SimContext } from '../../kernel/context.js';
import { clientError, invalidParameter } from '../../kernel/errors.js';
import { optionalArray, optionalEnum, optionalString, requireName, requireObject, requireString, validateTags } from '../../kernel/fields.js';
import type { DaemonTaskDefinitionRecord } from '../model/daemon-task-definition.js';

/**
 * Daemon task definitions (RegisterDaemonTaskDefinition and its siblings): a resource of their own, apart
 * from task definitions, revised like them. A daemon (services/daemons-api.ts) runs one revision.
 */
const definitions = (ctx: SimContext) => ctx.state.managedDaemons.taskDefinitions;
const registeredBy = (ctx: SimContext) => `arn:aws:iam::${ctx.accountId}:user/learner`;

export function registerDaemonTaskDefinition(ctx: SimContext, input: Record<string, unknown>) {
  const request = requireObject(input, 'request');
  const family = requireName(request.family, 'family');
  const containers = optionalArray(request.containerDefinitions, 'containerDefinitions', 10) ?? [];
  if (containers.length === 0) throw invalidParameter('containerDefinitions should not be null or empty.', 'containerDefinitions');
  const containerDefinitions = containers.map((raw, i) => {
    const container = requireObject(raw, `containerDefinitions[${i}]`);
    requireString(container.image, `containerDefinitions[${i}].image`);
    return structuredClone(container) as DaemonTaskDefinitionRecord['containerDefinitions'][number];
  });
  const revision = [...definitions(ctx).values()].filter((d) => d.family === family).length + 1;
  const record: DaemonTaskDefinitionRecord = {
    arn: `arn:aws:ecs:${ctx.region}:${ctx.accountId}:daemon-task-definition/${family}:${revision}`,
    family,
    revision,
    status: 'ACTIVE',
    containerDefinitions,
    ...optionalFields(request, ['taskRoleArn', 'executionRoleArn', 'cpu', 'memory', 'pidMode', 'ipcMode']),
    volumes: structuredClone((request.volumes as DaemonTaskDefinitionRecord['volumes'] | undefined) ?? []),
    tags: validateTags(request.tags),
    registeredAt: ctx.clock.now,
  };
  definitions(ctx).set(record.arn, record);
  return { daemonTaskDefinitionArn: record.arn };
}

function optionalFields(request: Record<string, unknown>, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = optionalString(request[name], name);
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/** A daemon task definition by ARN, family:revision, or family (its newest ACTIVE revision), or ECS's ClientException. */
export function resolveDaemonTaskDefinition(ctx: SimContext, ref: unknown, field: string): DaemonTaskDefinitionRecord {
  const name = requireString(ref, field);
  const all = [...definitions(ctx).values()];
  const found = name.includes(':')
    ? all.find((d) => d.arn === name || `${d.family}:${d.revision}` === name)
    : all.filter((d) => d.family === name && d.status === 'ACTIVE').at(-1);
  if (!found) throw clientError('Unable to describe daemon task definition.', field);
  return found;
}

const view = (ctx: SimContext, d: DaemonTaskDefinitionRecord) => ({
  daemonTaskDefinitionArn: d.arn,
  family: d.family,
  revision: d.revision,
  ...(d.taskRoleArn ? { taskRoleArn: d.taskRoleArn } : {}),
  ...(d.executionRoleArn ? { executionRoleArn: d.executionRoleArn } : {}),
  containerDefinitions: structuredClone(d.containerDefinitions),
  volumes: structuredClone(d.volumes),
  ...(d.cpu !== undefined ? { cpu: d.cpu } : {}),
  ...(d.memory !== undefined ? { memory: d.memory } : {}),
  status: d.status,
  registeredAt: epochSeconds(ctx, d.registeredAt),
  ...(d.deleteRequestedAt !== undefined ? { deleteRequestedAt: epochSeconds(ctx, d.deleteRequestedAt) } : {}),
  registeredBy: registeredBy(ctx),
  ...(d.pidMode ? { pidMode: d.pidMode } : {}),
  ...(d.ipcMode ? { ipcMode: d.ipcMode } : {}),
});

export function describeDaemonTaskDefinition(ctx: SimContext, input: { daemonTaskDefinition: string }) {
  return { daemonTaskDefinition: view(ctx, resolveDaemonTaskDefinition(ctx, requireObject(input, 'request').daemonTaskDefinition, 'daemonTaskDefinition')) };
}

export function listDaemonTaskDefinitions(ctx: SimContext, input: Record<string, unknown> = {}) {
  const request = requireObject(input ?? {}, 'request');
  const prefix = optionalString(request.familyPrefix, 'familyPrefix');
  const family = optionalString(request.family, 'family');
  const status = optionalEnum(request.status, 'status', ['ACTIVE', 'DELETE_IN_PROGRESS', 'ALL'] as const) ?? 'ACTIVE';
  const lastOnly = optionalEnum(request.revision, 'revision', ['LAST_REGISTERED'] as const) !== undefined;
  let matching = [...definitions(ctx).values()].filter(
    (d) => (!prefix || d.family.startsWith(prefix)) && (!family || d.family === family) && (status === 'ALL' || d.status === status),
  );
  if (lastOnly) matching = matching.filter((d) => !matching.some((other) => other.family === d.family && other.revision > d.revision));
  const summaries = matching.map((d) => ({
    arn: d.arn,
    registeredAt: epochSeconds(ctx, d.registeredAt),
    registeredBy: registeredBy(ctx),
    ...(d.deleteRequestedAt !== undefined ? { deleteRequestedAt: epochSeconds(ctx, d.deleteRequestedAt) } : {}),
    status: d.status,
  }));
  return { daemonTaskDefinitions: request.sort === 'DESC' ? summaries.reverse() : summaries };
}

export function deleteDaemonTaskDefinition(ctx: SimContext, input: { daemonTaskDefinition: string }) {
  const record = resolveDaemonTaskDefinition(ctx, requireObject(input, 'request').daemonTaskDefinition, 'daemonTaskDefinition');
  record.status = 'DELETE_IN_PROGRESS';
  record.deleteRequestedAt ??= ctx.clock.now;
  return { daemonTaskDefinitionArn: record.arn };
}
