import { EcsError } from '../../index.js';
import { facadeOperations, pagedList, type JsonServedApi } from './served-api.js';

const listNamespaces = pagedList('Namespaces', 100, (s) => s.serviceDiscovery.listNamespaces);

/** AWS Cloud Map (servicediscovery): the namespaces and services ECS service discovery registers tasks in. */
export const cloudMapApi: JsonServedApi = {
  title: 'AWS Cloud Map',
  actionPrefix: 'servicediscovery',
  targetPrefix: 'Route53AutoNaming_v20170314',
  operations: {
    ...facadeOperations((s) => s.serviceDiscovery, ['CreatePrivateDnsNamespace', 'CreatePublicDnsNamespace', 'CreateHttpNamespace', 'CreateService', 'DiscoverInstances', 'GetNamespace']),
    ListServices: pagedList('Services', 100, (s) => s.serviceDiscovery.listServices),
    ListInstances: pagedList('Instances', 100, (s) => s.serviceDiscovery.listInstances),
    ListNamespaces: (simulator, input) => {
      // The engine lists every namespace: a filter it would ignore must not look applied.
      if (input.Filters !== undefined) throw new EcsError('InvalidInput', 'Filters are not simulated: ListNamespaces lists every namespace.', 'Filters');
      return listNamespaces(simulator, input);
    },
  },
  errorCodes: { InvalidParameterException: 'InvalidInput' },
};
