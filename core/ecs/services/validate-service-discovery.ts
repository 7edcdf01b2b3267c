import { EcsError, invalidParameter } from '../../kernel/errors.js';
import type { SimContext } from '../../kernel/context.js';
import { optionalArray, optionalBoolean, requireObject, requireString } from '../../kernel/fields.js';

/** CreateService `serviceRegistries`: Cloud Map services the tasks register in. Returns their ids. */
export function validateServiceRegistries(ctx: SimContext, input: unknown): string[] {
  return (optionalArray(input, 'serviceRegistries', 1) ?? []).map((raw, i) => {
    const entry = requireObject(raw, `serviceRegistries[${i}]`);
    const arn = requireString(entry.registryArn, `serviceRegistries[${i}].registryArn`);
    const registry = [...ctx.state.cloudMap.services.values()].find((s) => s.arn === arn);
    if (!registry) throw invalidParameter(`Service discovery registry ${arn} was not found.`, `serviceRegistries[${i}].registryArn`);
    return registry.id;
  });
}

/**
 * CreateService `serviceConnectConfiguration`: the service joins a namespace; with `services` it also
 * answers on client aliases. Returns the aliases ("dnsName" or "discoveryName.namespace").
 */
export function validateServiceConnect(ctx: SimContext, input: unknown): string[] {
  if (input === undefined) return [];
  const config = requireObject(input, 'serviceConnectConfiguration');
  if (optionalBoolean(config.enabled, 'serviceConnectConfiguration.enabled') !== true) return [];
  const namespaceName = requireString(config.namespace, 'serviceConnectConfiguration.namespace');
  const namespace = [...ctx.state.cloudMap.namespaces.values()].find((n) => n.name === namespaceName || n.arn === namespaceName);
  if (!namespace) throw new EcsError('NamespaceNotFound', `Namespace ${namespaceName} not found.`, 'serviceConnectConfiguration.namespace');
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
