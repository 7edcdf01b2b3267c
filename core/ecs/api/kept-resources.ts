import { epochSeconds, type SimContext } from '../../kernel/context.js';
import { clientError, EcsError } from '../../kernel/errors.js';
import { optionalString, optionalStringList, requireObject, requireString } from '../../kernel/fields.js';
import type { KeptResource } from '../model/kept-resource.js';
import { resolveCluster } from '../model/resolve.js';

/**
 * Gateways: ECS resources the simulator keeps and describes, with their ARNs, states and times, but does not
 * run yet (a gateway routes nothing). Every answer has the shape of ECS's. (Express Mode services run:
 * core/express-mode; so do ECS Managed Daemons: services/daemons-api.ts.)
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

/** A kept resource by ARN (or, for gateways, name), or ECS's not-found answer for its kind. */
function find(ctx: SimContext, kind: KeptResource['kind'], ref: string, field: string, missing?: EcsError): KeptResource {
  const found = kept(ctx).get(ref) ?? ofKind(ctx, kind).find((r) => r.fields.name === ref || r.arn.endsWith(`/${ref}`));
  if (found && found.kind === kind) return found;
  if (missing) throw missing;
  throw new EcsError('GatewayNotFoundException', 'The specified gateway was not found.', field);
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
