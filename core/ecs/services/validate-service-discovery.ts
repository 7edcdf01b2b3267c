import { EcsError, invalidParameter } from '../../kernel/errors.js';
import type { SimContext } from '../../kernel/context.js';
import { discoveryServiceId, type NamespaceRecord } from '../../cloud-map/cloud-map-state.js';
import type { ServiceConnectConfiguration, ServiceRegistry } from '../model/types.js';
import { copyJson } from '../../kernel/copy-json.js';
import { optionalArray, optionalBoolean, requireObject, requireString } from '../../kernel/fields.js';

/** The members of ECS's ServiceRegistry, in the model's order: what DescribeServices gives back, and only that. */
const REGISTRY_MEMBERS = ['registryArn', 'port', 'containerName', 'containerPort'] as const;

/** CreateService or UpdateService `serviceRegistries`: Cloud Map services the tasks register in, as given. */
export function validateServiceRegistries(ctx: SimContext, input: unknown): ServiceRegistry[] {
  return (optionalArray(input, 'serviceRegistries', 1) ?? []).map((raw, i) => {
    const entry = requireObject(raw, `serviceRegistries[${i}]`);
    const arn = requireString(entry.registryArn, `serviceRegistries[${i}].registryArn`);
    if (ctx.state.cloudMap.services.get(discoveryServiceId(arn))?.arn !== arn) {
      throw invalidParameter(`Service discovery registry ${arn} was not found.`, `serviceRegistries[${i}].registryArn`);
    }
    return Object.fromEntries(REGISTRY_MEMBERS.filter((m) => entry[m] !== undefined).map((m) => [m, entry[m]])) as unknown as ServiceRegistry;
  });
}

/** `serviceConnectConfiguration` as given, kept for DescribeServices (ECS adds no default the API reference shows). */
export const givenServiceConnect = (input: unknown): ServiceConnectConfiguration | undefined =>
  input === undefined ? undefined : (copyJson(input) as ServiceConnectConfiguration);

/** The Cloud Map namespace a `serviceConnectConfiguration` joins, if Service Connect is enabled. */
export function serviceConnectNamespace(ctx: SimContext, input: unknown): NamespaceRecord | undefined {
  if (input === undefined) return undefined;
  const config = requireObject(input, 'serviceConnectConfiguration');
  if (optionalBoolean(config.enabled, 'serviceConnectConfiguration.enabled') !== true) return undefined;
  const namespaceName = requireString(config.namespace, 'serviceConnectConfiguration.namespace');
  const namespace = findNamespace(ctx, namespaceName);
  if (!namespace) throw new EcsError('NamespaceNotFound', `Namespace ${namespaceName} not found.`, 'serviceConnectConfiguration.namespace');
  return namespace;
}

/** A Cloud Map namespace by name or ARN. */
export const findNamespace = (ctx: SimContext, nameOrArn: string): NamespaceRecord | undefined =>
  [...ctx.state.cloudMap.namespaces.values()].find((n) => n.name === nameOrArn || n.arn === nameOrArn);

/**
 * CreateService `serviceConnectConfiguration`: the service joins a namespace; with `services` it also
 * answers on client aliases. Returns the aliases ("dnsName" or "discoveryName.namespace").
 */
export function validateServiceConnect(ctx: SimContext, input: unknown): string[] {
  const namespace = serviceConnectNamespace(ctx, input);
  if (!namespace) return [];
  const config = input as Record<string, unknown>;
  return (optionalArray(config.services, 'serviceConnectConfiguration.services', 10) ?? []).flatMap((raw, i) => {
    const at = `serviceConnectConfiguration.services[${i}]`;
    const service = requireObject(raw, at);
    const portName = requireString(service.portName, `${at}.portName`);
    const discoveryName = typeof service.discoveryName === 'string' ? service.discoveryName : portName;
    const aliases = (optionalArray(service.clientAliases, `${at}.clientAliases`, 1) ?? []).map((a, j) => requireObject(a, `${at}.clientAliases[${j}]`));
    return aliases.length > 0
      ? aliases.map((a) => (typeof a.dnsName === 'string' ? a.dnsName : `${discoveryName}.${namespace.name}`))
      : [`${discoveryName}.${namespace.name}`];
  });
}
