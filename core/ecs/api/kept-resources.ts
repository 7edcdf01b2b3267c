import { epochSeconds, type SimContext } from '../../kernel/context.js';
import { clientError, EcsError } from '../../kernel/errors.js';
import { optionalString, optionalStringList, requireObject, requireString } from '../../kernel/fields.js';
import type { KeptResource } from '../model/kept-resource.js';
import { resolveCluster } from '../model/resolve.js';

/**
 * Daemons and gateways: ECS resources the simulator keeps and describes, with their ARNs, states and times,
 * but does not run yet (a daemon starts no task, a gateway routes nothing); their behaviour is the issue
 * "ECS as it is in 2026" (Express Mode services run: core/express-mode). Every answer has the shape of ECS's.
 */
const base = (ctx: SimContext) => `arn:aws:ecs:${ctx.region}:${ctx.accountId}`;
const kept = (ctx: SimContext) => ctx.state.keptResources;
const ofKind = (ctx: SimContext, kind: KeptResource['kind']) => [...kept(ctx).values()].filter((r) => r.kind === kind);
const times = (ctx: SimContext, r: KeptResource) => ({ createdAt: epochSeconds(ctx, r.createdAt), updatedAt: epochSeconds(ctx, r.updatedAt) });

function keep(ctx: SimContext, arn: string, kind: KeptResource['kind'], fields: Record<string, unknown>, status = 'ACTIVE'): KeptResource {
  const record: KeptResource = { arn, kind, status, createdAt: ctx.clock.now, updatedAt: ctx.clock.now, fields: structuredClone(fields) };
  kept(ctx).set(arn, record);
  return record;
}

function change(ctx: SimContext, record: KeptResource, fields: Record<string, unknown>, status = record.status): KeptResource {
  Object.assign(record.fields, structuredClone(fields));
  record.status = status;
  record.updatedAt = ctx.clock.now;
  return record;
}

/** A kept resource by ARN (or, for gateways and task definitions, name), or ECS's not-found answer for its kind. */
function find(ctx: SimContext, kind: KeptResource['kind'], ref: string, field: string, missing?: EcsError): KeptResource {
  const found = kept(ctx).get(ref) ?? ofKind(ctx, kind).find((r) => r.fields.name === ref || r.arn.endsWith(`/${ref}`));
  if (found && found.kind === kind) return found;
  if (missing) throw missing;
  if (kind === 'daemon') throw new EcsError('DaemonNotFoundException', 'The specified daemon was not found.', field);
  if (kind === 'gateway') throw new EcsError('GatewayNotFoundException', 'The specified gateway was not found.', field);
  throw clientError('Unable to describe daemon task definition.', field);
}

/** A Describe* of ARNs: the ones kept, and a MISSING failure for each other. */
function describeMany<T>(ctx: SimContext, kind: KeptResource['kind'], refs: string[], view: (r: KeptResource) => T) {
  const found: T[] = [];
  const failures: Array<{ arn: string; reason: string }> = [];
  for (const arn of refs) {
    const record = kept(ctx).get(arn);
    if (record?.kind === kind) found.push(view(record));
    else failures.push({ arn, reason: 'MISSING' });
  }
  return { found, failures };
}

const arnList = (value: unknown, field: string) => {
  const refs = optionalStringList(value, field, 20);
  if (!refs || refs.length === 0) throw new EcsError('InvalidParameterException', `${field} should not be null or empty.`, field);
  return refs;
};

// Daemon task definitions.

export function registerDaemonTaskDefinition(ctx: SimContext, input: { family: string; containerDefinitions: unknown[] }) {
  const request = requireObject(input, 'request');
  const family = requireString(request.family, 'family');
  const revision = ofKind(ctx, 'daemon-task-definition').filter((r) => r.fields.family === family).length + 1;
  const record = keep(ctx, `${base(ctx)}:daemon-task-definition/${family}:${revision}`, 'daemon-task-definition', { ...request, revision });
  return { daemonTaskDefinitionArn: record.arn };
}

function daemonTaskDefinitionRef(ctx: SimContext, ref: unknown): KeptResource {
  const name = requireString(ref, 'daemonTaskDefinition');
  if (name.startsWith('arn:') || name.includes(':')) return find(ctx, 'daemon-task-definition', name.startsWith('arn:') ? name : `${base(ctx)}:daemon-task-definition/${name}`, 'daemonTaskDefinition');
  const latest = ofKind(ctx, 'daemon-task-definition').filter((r) => r.fields.family === name && r.status === 'ACTIVE').at(-1);
  return latest ?? find(ctx, 'daemon-task-definition', name, 'daemonTaskDefinition');
}

const daemonTaskDefinitionView = (ctx: SimContext, r: KeptResource) => {
  const { family, revision, containerDefinitions, taskRoleArn, executionRoleArn, volumes, cpu, memory, pidMode, ipcMode } = r.fields;
  return {
    daemonTaskDefinitionArn: r.arn,
    ...{ family, revision, taskRoleArn, executionRoleArn, containerDefinitions, volumes, cpu, memory, pidMode, ipcMode },
    status: r.status,
    registeredAt: epochSeconds(ctx, r.createdAt),
    registeredBy: `arn:aws:iam::${ctx.accountId}:user/learner`,
  };
};

export function describeDaemonTaskDefinition(ctx: SimContext, input: { daemonTaskDefinition: string }) {
  return { daemonTaskDefinition: daemonTaskDefinitionView(ctx, daemonTaskDefinitionRef(ctx, requireObject(input, 'request').daemonTaskDefinition)) };
}

export function listDaemonTaskDefinitions(ctx: SimContext, input: { familyPrefix?: string; family?: string; status?: string; sort?: 'ASC' | 'DESC' } = {}) {
  const request = requireObject(input ?? {}, 'request');
  const prefix = optionalString(request.familyPrefix, 'familyPrefix');
  const family = optionalString(request.family, 'family');
  const status = optionalString(request.status, 'status');
  const matching = ofKind(ctx, 'daemon-task-definition').filter(
    (r) => (!prefix || String(r.fields.family).startsWith(prefix)) && (!family || r.fields.family === family) && (!status || r.status === status),
  );
  const summaries = matching.map((r) => ({ arn: r.arn, registeredAt: epochSeconds(ctx, r.createdAt), registeredBy: `arn:aws:iam::${ctx.accountId}:user/learner`, status: r.status }));
  return { daemonTaskDefinitions: request.sort === 'DESC' ? summaries.reverse() : summaries };
}

export function deleteDaemonTaskDefinition(ctx: SimContext, input: { daemonTaskDefinition: string }) {
  const record = daemonTaskDefinitionRef(ctx, requireObject(input, 'request').daemonTaskDefinition);
  change(ctx, record, {}, 'DELETE_IN_PROGRESS');
  return { daemonTaskDefinitionArn: record.arn };
}

// Daemons: each create or update is a deployment to a new revision, at once SUCCESSFUL.

function deploy(ctx: SimContext, daemon: KeptResource): KeptResource {
  const id = ofKind(ctx, 'daemon-deployment').length + 1;
  const path = daemon.arn.slice(daemon.arn.indexOf(':daemon/') + ':daemon/'.length);
  const revision = keep(ctx, `${base(ctx)}:daemon-revision/${path}/${id}`, 'daemon-revision', { ...daemon.fields, daemonArn: daemon.arn });
  const deployment = keep(ctx, `${base(ctx)}:daemon-deployment/${path}/${id}`, 'daemon-deployment', { daemonArn: daemon.arn, revisionArn: revision.arn, clusterArn: daemon.fields.clusterArn }, 'SUCCESSFUL');
  change(ctx, daemon, { deploymentArn: deployment.arn, revisionArn: revision.arn });
  return daemon;
}

const daemonAnswer = (ctx: SimContext, r: KeptResource) => ({ daemonArn: r.arn, status: r.status, ...times(ctx, r), deploymentArn: r.fields.deploymentArn as string });

export function createDaemon(ctx: SimContext, input: { daemonName: string; daemonTaskDefinitionArn: string; capacityProviderArns: string[]; clusterArn?: string }) {
  const request = requireObject(input, 'request');
  const name = requireString(request.daemonName, 'daemonName');
  const cluster = resolveCluster(ctx, request.clusterArn);
  daemonTaskDefinitionRef(ctx, request.daemonTaskDefinitionArn);
  const arn = `${base(ctx)}:daemon/${cluster.name}/${name}`;
  if (kept(ctx).get(arn)?.status === 'ACTIVE') throw clientError(`A daemon named ${name} already exists in the cluster.`, 'daemonName');
  const { createdAt, deploymentArn, status, daemonArn } = daemonAnswer(ctx, deploy(ctx, keep(ctx, arn, 'daemon', { ...request, clusterArn: cluster.arn })));
  return { daemonArn, status, createdAt, deploymentArn };
}

export function updateDaemon(ctx: SimContext, input: { daemonArn: string; daemonTaskDefinitionArn: string; capacityProviderArns: string[] }) {
  const request = requireObject(input, 'request');
  const daemon = find(ctx, 'daemon', requireString(request.daemonArn, 'daemonArn'), 'daemonArn');
  daemonTaskDefinitionRef(ctx, request.daemonTaskDefinitionArn);
  return daemonAnswer(ctx, deploy(ctx, change(ctx, daemon, request)));
}

export function deleteDaemon(ctx: SimContext, input: { daemonArn: string }) {
  const daemon = find(ctx, 'daemon', requireString(requireObject(input, 'request').daemonArn, 'daemonArn'), 'daemonArn');
  return daemonAnswer(ctx, change(ctx, daemon, {}, 'DELETE_IN_PROGRESS'));
}

export function describeDaemon(ctx: SimContext, input: { daemonArn: string }) {
  const daemon = find(ctx, 'daemon', requireString(requireObject(input, 'request').daemonArn, 'daemonArn'), 'daemonArn');
  const { daemonArn, status, createdAt, updatedAt, deploymentArn } = daemonAnswer(ctx, daemon);
  return { daemon: { daemonArn, clusterArn: daemon.fields.clusterArn as string, status, currentRevisions: [{ arn: daemon.fields.revisionArn as string, totalRunningCount: 0 }], deploymentArn, createdAt, updatedAt } };
}

export function listDaemons(ctx: SimContext, input: { clusterArn?: string } = {}) {
  const request = requireObject(input ?? {}, 'request');
  const clusterArn = request.clusterArn === undefined ? undefined : resolveCluster(ctx, request.clusterArn).arn;
  const daemons = ofKind(ctx, 'daemon').filter((r) => !clusterArn || r.fields.clusterArn === clusterArn);
  return { daemonSummariesList: daemons.map((r) => ({ daemonArn: r.arn, status: r.status, ...times(ctx, r) })) };
}

const deploymentSummary = (ctx: SimContext, r: KeptResource) => ({
  daemonDeploymentArn: r.arn,
  daemonArn: r.fields.daemonArn as string,
  clusterArn: r.fields.clusterArn as string,
  status: r.status,
  targetDaemonRevisionArn: r.fields.revisionArn as string,
  createdAt: epochSeconds(ctx, r.createdAt),
  startedAt: epochSeconds(ctx, r.createdAt),
  finishedAt: epochSeconds(ctx, r.createdAt),
});

export function listDaemonDeployments(ctx: SimContext, input: { daemonArn: string }) {
  const daemonArn = requireString(requireObject(input, 'request').daemonArn, 'daemonArn');
  return { daemonDeployments: ofKind(ctx, 'daemon-deployment').filter((r) => r.fields.daemonArn === daemonArn).reverse().map((r) => deploymentSummary(ctx, r)) };
}

export function describeDaemonDeployments(ctx: SimContext, input: { daemonDeploymentArns: string[] }) {
  const { found, failures } = describeMany(ctx, 'daemon-deployment', arnList(requireObject(input, 'request').daemonDeploymentArns, 'daemonDeploymentArns'), (r) => {
    const { daemonDeploymentArn, clusterArn, status, createdAt, startedAt, finishedAt, targetDaemonRevisionArn } = deploymentSummary(ctx, r);
    return { daemonDeploymentArn, clusterArn, status, targetDaemonRevision: { arn: targetDaemonRevisionArn }, sourceDaemonRevisions: [], createdAt, startedAt, finishedAt };
  });
  return { daemonDeployments: found, failures };
}

export function describeDaemonRevisions(ctx: SimContext, input: { daemonRevisionArns: string[] }) {
  const { found, failures } = describeMany(ctx, 'daemon-revision', arnList(requireObject(input, 'request').daemonRevisionArns, 'daemonRevisionArns'), (r) => ({
    daemonRevisionArn: r.arn,
    clusterArn: r.fields.clusterArn as string,
    daemonArn: r.fields.daemonArn as string,
    daemonTaskDefinitionArn: r.fields.daemonTaskDefinitionArn as string,
    createdAt: epochSeconds(ctx, r.createdAt),
    critical: r.fields.critical === true,
  }));
  return { daemonRevisions: found, failures };
}

// Gateways and the clusters they serve.

const gatewayAnswer = (r: KeptResource) => ({ gatewayArn: r.arn, name: r.fields.name as string, status: r.status });
const gatewayOf = (ctx: SimContext, request: Record<string, unknown>) => find(ctx, 'gateway', requireString(request.gateway, 'gateway'), 'gateway');
const associations = (r: KeptResource) => (r.fields.clusterArns as string[] | undefined) ?? [];

export function createGateway(ctx: SimContext, input: { name: string; infrastructureRoleArn: string; configuration: unknown }) {
  const request = requireObject(input, 'request');
  const name = requireString(request.name, 'name');
  if (ofKind(ctx, 'gateway').some((r) => r.fields.name === name && r.status !== 'DELETED')) throw clientError(`A gateway named ${name} already exists.`, 'name');
  return gatewayAnswer(keep(ctx, `${base(ctx)}:gateway/${name}`, 'gateway', request));
}

export function describeGateway(ctx: SimContext, input: { gateway: string }) {
  const r = gatewayOf(ctx, requireObject(input, 'request'));
  const { infrastructureRoleArn, deletionProtection, configuration, propagateTags, tags } = r.fields;
  return { gateway: { ...gatewayAnswer(r), infrastructureRoleArn, deletionProtection: deletionProtection ?? false, configuration, propagateTags, tags: tags ?? [], ...times(ctx, r) } };
}

export function updateGateway(ctx: SimContext, input: { gateway: string }) {
  const request = requireObject(input, 'request');
  const { gateway: _name, ...changes } = request;
  return gatewayAnswer(change(ctx, gatewayOf(ctx, request), changes));
}

export function deleteGateway(ctx: SimContext, input: { gateway: string }) {
  const r = gatewayOf(ctx, requireObject(input, 'request'));
  if (r.fields.deletionProtection === true) throw clientError('The gateway has deletion protection turned on.', 'gateway');
  return gatewayAnswer(change(ctx, r, {}, 'DELETED'));
}

export function listGateways(ctx: SimContext, input: { names?: string[]; status?: string } = {}) {
  const request = requireObject(input ?? {}, 'request');
  const names = optionalStringList(request.names, 'names');
  const status = optionalString(request.status, 'status');
  const gateways = ofKind(ctx, 'gateway').filter((r) => (!names || names.includes(r.fields.name as string)) && (!status || r.status === status));
  return { gateways: gateways.map((r) => ({ ...gatewayAnswer(r), createdAt: epochSeconds(ctx, r.createdAt) })) };
}

export function associateGatewayWithCluster(ctx: SimContext, input: { gateway: string; cluster: string }) {
  const request = requireObject(input, 'request');
  const gateway = gatewayOf(ctx, request);
  const cluster = resolveCluster(ctx, request.cluster);
  if (!associations(gateway).includes(cluster.arn)) change(ctx, gateway, { clusterArns: [...associations(gateway), cluster.arn] });
  return { gatewayArn: gateway.arn, clusterArn: cluster.arn, status: 'ACTIVE' };
}

export function disassociateGatewayFromCluster(ctx: SimContext, input: { gateway: string; cluster: string }) {
  const request = requireObject(input, 'request');
  const gateway = gatewayOf(ctx, request);
  const cluster = resolveCluster(ctx, request.cluster);
  change(ctx, gateway, { clusterArns: associations(gateway).filter((arn) => arn !== cluster.arn) });
  return { gatewayArn: gateway.arn, clusterArn: cluster.arn, status: 'INACTIVE' };
}

export function listGatewayClusterAssociations(ctx: SimContext, input: { gateway?: string; cluster?: string } = {}) {
  const request = requireObject(input ?? {}, 'request');
  const gateways = request.gateway === undefined ? ofKind(ctx, 'gateway') : [gatewayOf(ctx, request)];
  const clusterArn = request.cluster === undefined ? undefined : resolveCluster(ctx, request.cluster).arn;
  return {
    gatewayClusterAssociations: gateways.flatMap((g) => associations(g).filter((arn) => !clusterArn || arn === clusterArn).map((arn) => ({ gatewayArn: g.arn, clusterArn: arn, status: 'ACTIVE' }))),
  };
}

/** Routes come from Express Mode services behind a gateway, which the simulator does not route yet: there are none. */
export function listGatewayRoutes(ctx: SimContext, input: { gateway?: string } = {}) {
  const request = requireObject(input ?? {}, 'request');
  if (request.gateway !== undefined) gatewayOf(ctx, request);
  return { gatewayRoutes: [] };
}

export function describeGatewayRoute(_ctx: SimContext, input: { gatewayRouteArn: string }) {
  requireString(requireObject(input, 'request').gatewayRouteArn, 'gatewayRouteArn');
  throw new EcsError('ResourceNotFoundException', 'The specified gateway route was not found.', 'gatewayRouteArn');
}

export function describeGatewayResources(ctx: SimContext, input: { gateway: string }) {
  return { gatewayResources: { gatewayArn: gatewayOf(ctx, requireObject(input, 'request')).arn } };
}
