import { EcsError } from '../kernel/errors.js';
import type { SimContext } from '../kernel/context.js';
import { optionalArray, optionalEnum, optionalInteger, optionalString, optionalStringList, rejectUnknownFields, requireObject, requireString } from '../kernel/fields.js';
import { MULTIVALUE_ANSWER_LIMIT, type DiscoveryInstance, type DiscoveryServiceRecord, type NamespaceRecord } from './cloud-map-state.js';

/** The AWS Cloud Map (servicediscovery) actions the simulator models, in that API's shapes and exception names. */
const invalid = (message: string, field: string) => new EcsError('InvalidInput', message, field);
const DNS_NAME = /^[A-Za-z0-9]([A-Za-z0-9-]{0,62}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*$/;

function createNamespace(ctx: SimContext, input: unknown, type: NamespaceRecord['type']) {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', ['Name', 'Vpc', 'Description', 'CreatorRequestId', 'Tags', 'Properties']);
  const name = optionalString(request.Name, 'Name');
  if (!name || !DNS_NAME.test(name)) throw invalid('Name must be a domain name such as "demo.local".', 'Name');
  if ([...ctx.state.cloudMap.namespaces.values()].some((n) => n.name === name)) {
    throw new EcsError('NamespaceAlreadyExists', `Namespace ${name} already exists.`, 'Name');
  }
  const id = `ns-${ctx.random.hex(16)}`;
  ctx.state.cloudMap.namespaces.set(id, { id, arn: `arn:aws:servicediscovery:${ctx.region}:${ctx.accountId}:namespace/${id}`, name, type });
  // The real API answers with an operation to poll; here the namespace exists at once.
  return { OperationId: `op-${ctx.random.hex(16)}`, NamespaceId: id };
}

export const createPrivateDnsNamespace = (ctx: SimContext, input: { Name: string; Vpc?: string }) => createNamespace(ctx, input, 'DNS_PRIVATE');
export const createHttpNamespace = (ctx: SimContext, input: { Name: string }) => createNamespace(ctx, input, 'HTTP');
/** A public hosted zone: the same records, resolvable from the internet (the simulator's clients resolve both alike). */
export const createPublicDnsNamespace = (ctx: SimContext, input: { Name: string }) => createNamespace(ctx, input, 'DNS_PUBLIC');

export function listNamespaces(ctx: SimContext) {
  return { Namespaces: [...ctx.state.cloudMap.namespaces.values()].map((n) => ({ Id: n.id, Arn: n.arn, Name: n.name, Type: n.type })) };
}

export function createDiscoveryService(
  ctx: SimContext,
  input: { Name: string; NamespaceId: string; DnsConfig?: { DnsRecords: Array<{ Type: 'A' | 'SRV'; TTL: number }>; RoutingPolicy?: string } },
) {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', ['Name', 'NamespaceId', 'DnsConfig', 'HealthCheckCustomConfig', 'Description', 'CreatorRequestId', 'Tags', 'Type']);
  const namespace = ctx.state.cloudMap.namespaces.get(String(request.NamespaceId));
  if (!namespace) throw new EcsError('NamespaceNotFound', `Namespace ${String(request.NamespaceId)} not found.`, 'NamespaceId');
  const name = optionalString(request.Name, 'Name');
  if (!name || !/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,126}$/.test(name)) throw invalid('Name must be a service name such as "backend".', 'Name');
  if ([...ctx.state.cloudMap.services.values()].some((s) => s.namespaceId === namespace.id && s.name === name)) {
    throw new EcsError('ServiceAlreadyExists', `Service ${name} already exists in ${namespace.name}.`, 'Name');
  }
  let ttlSeconds: number | undefined;
  if (namespace.type !== 'HTTP') {
    const dns = requireObject(request.DnsConfig, 'DnsConfig');
    const records = (optionalArray(dns.DnsRecords, 'DnsConfig.DnsRecords', 5) ?? []).map((r, i) => requireObject(r, `DnsConfig.DnsRecords[${i}]`));
    const a = records.find((r) => r.Type === 'A' || r.Type === 'SRV');
    if (!a) throw invalid('DnsConfig.DnsRecords needs an A or SRV record.', 'DnsConfig.DnsRecords');
    ttlSeconds = optionalInteger(a.TTL, 'DnsConfig.DnsRecords[0].TTL', { min: 0, max: 2147483647 });
    if (ttlSeconds === undefined) throw invalid('DnsConfig.DnsRecords[0].TTL is required.', 'DnsConfig.DnsRecords[0].TTL');
  }
  const id = `srv-${ctx.random.hex(16)}`;
  const service: DiscoveryServiceRecord = {
    id,
    arn: `arn:aws:servicediscovery:${ctx.region}:${ctx.accountId}:service/${id}`,
    name,
    namespaceId: namespace.id,
    ...(ttlSeconds !== undefined ? { ttlSeconds } : {}),
    instances: new Map(),
  };
  ctx.state.cloudMap.services.set(id, service);
  return { Service: { ...serviceSummary(service), NamespaceId: namespace.id } };
}

function serviceSummary(service: DiscoveryServiceRecord) {
  const dns = service.ttlSeconds !== undefined ? { DnsConfig: { DnsRecords: [{ Type: 'A', TTL: service.ttlSeconds }], RoutingPolicy: 'MULTIVALUE' } } : {};
  return { Id: service.id, Arn: service.arn, Name: service.name, ...dns };
}

/**
 * ListServices: every service, or those of the namespaces a NAMESPACE_ID filter names (EQ one, IN several).
 * Only that filter is simulated; another is refused rather than ignored.
 */
export function listDiscoveryServices(ctx: SimContext, input: { Filters?: Array<{ Name: 'NAMESPACE_ID'; Values: string[]; Condition?: 'EQ' | 'IN' }> } = {}) {
  const request = requireObject(input ?? {}, 'request');
  rejectUnknownFields(request, '', ['Filters']);
  const filters = (optionalArray(request.Filters, 'Filters', 1) ?? []).map((f, i) => {
    const filter = requireObject(f, `Filters[${i}]`);
    rejectUnknownFields(filter, `Filters[${i}]`, ['Name', 'Values', 'Condition']);
    if (filter.Name !== 'NAMESPACE_ID') throw invalid(`Filters[${i}].Name must be NAMESPACE_ID: the only ListServices filter simulated.`, `Filters[${i}].Name`);
    const condition = optionalEnum(filter.Condition, `Filters[${i}].Condition`, ['EQ', 'IN'] as const) ?? 'EQ';
    const values = optionalStringList(filter.Values, `Filters[${i}].Values`, 10) ?? [];
    if (values.length === 0 || (condition === 'EQ' && values.length > 1)) throw invalid(`Filters[${i}].Values needs one namespace id with EQ, one or more with IN.`, `Filters[${i}].Values`);
    return values;
  });
  const services = [...ctx.state.cloudMap.services.values()].filter((s) => filters.every((ids) => ids.includes(s.namespaceId)));
  return { Services: services.map((s) => ({ ...serviceSummary(s), InstanceCount: s.instances.size })) };
}

/** ListInstances: the task instances ECS registered in a service, with the attributes a lookup answers. */
export function listInstances(ctx: SimContext, input: { ServiceId: string }) {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', ['ServiceId']);
  const id = requireString(request.ServiceId, 'ServiceId');
  const service = ctx.state.cloudMap.services.get(id);
  if (!service) throw new EcsError('ServiceNotFound', `Service not found: ${id}`, 'ServiceId');
  return { Instances: [...service.instances.values()].map((i) => ({ Id: i.instanceId, Attributes: instanceAttributes(i) })) };
}

const instanceAttributes = (instance: DiscoveryInstance) => ({ AWS_INSTANCE_IPV4: instance.ipv4, ...(instance.port ? { AWS_INSTANCE_PORT: String(instance.port) } : {}) });

/** GetNamespace: one namespace by id; the simulator has no hosted zones, so DNS namespaces show none. */
export function getNamespace(ctx: SimContext, input: { Id: string }) {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', ['Id']);
  const id = requireString(request.Id, 'Id');
  const namespace = ctx.state.cloudMap.namespaces.get(id);
  if (!namespace) throw new EcsError('NamespaceNotFound', `Namespace not found: ${id}`, 'Id');
  return {
    Namespace: {
      Id: namespace.id,
      Arn: namespace.arn,
      Name: namespace.name,
      Type: namespace.type,
      Properties: namespace.type === 'HTTP' ? { HttpProperties: { HttpName: namespace.name } } : { DnsProperties: {}, HttpProperties: { HttpName: namespace.name } },
    },
  };
}

export function findDiscoveryService(ctx: SimContext, hostname: string): DiscoveryServiceRecord | undefined {
  for (const service of ctx.state.cloudMap.services.values()) {
    const namespace = ctx.state.cloudMap.namespaces.get(service.namespaceId)!;
    if (`${service.name}.${namespace.name}` === hostname) return service;
  }
  return undefined;
}

/** What a DNS lookup of the service answers: up to 8 healthy records (or up to 8 unhealthy if none is healthy). */
export function dnsAnswer(service: DiscoveryServiceRecord): string[] {
  const all = [...service.instances.values()];
  const healthy = all.filter((i) => i.healthy);
  return (healthy.length > 0 ? healthy : all).slice(0, MULTIVALUE_ANSWER_LIMIT).map((i) => i.ipv4);
}

export function discoverInstances(ctx: SimContext, input: { NamespaceName: string; ServiceName: string }) {
  const request = requireObject(input, 'request');
  const service = findDiscoveryService(ctx, `${String(request.ServiceName)}.${String(request.NamespaceName)}`);
  if (!service) throw new EcsError('ServiceNotFound', `Service ${String(request.ServiceName)} not found in ${String(request.NamespaceName)}.`, 'ServiceName');
  const namespace = ctx.state.cloudMap.namespaces.get(service.namespaceId)!;
  return {
    Instances: [...service.instances.values()].map((i) => ({
      InstanceId: i.instanceId,
      NamespaceName: namespace.name,
      ServiceName: service.name,
      HealthStatus: i.healthy ? 'HEALTHY' : 'UNHEALTHY',
      Attributes: instanceAttributes(i),
    })),
  };
}
