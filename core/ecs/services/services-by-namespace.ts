import type { SimContext } from '../../kernel/context.js';
import { EcsError } from '../../kernel/errors.js';
import { requireObject, requireString } from '../../kernel/fields.js';
import { findNamespace } from './validate-service-discovery.js';

/** ListServicesByNamespace: the services, in every cluster, that joined the namespace through Service Connect. */
export function listServicesByNamespace(ctx: SimContext, input: { namespace: string }) {
  const request = requireObject(input, 'request');
  const name = requireString(request.namespace, 'namespace');
  const namespace = findNamespace(ctx, name);
  if (!namespace) throw new EcsError('NamespaceNotFoundException', 'The specified namespace was not found.', 'namespace');
  const serviceArns: string[] = [];
  for (const cluster of ctx.state.clusters.values()) {
    for (const service of cluster.services.values()) if (service.status === 'ACTIVE' && service.serviceConnectNamespaceArn === namespace.arn) serviceArns.push(service.arn);
  }
  return { serviceArns };
}
