import { createSimulator } from '../../core/index.js';

/**
 * A simulator ready for services that use Cloud Map: cluster "default" on two instances, task definition "api"
 * (awsvpc, container "api" on port 8080 named "http"), Cloud Map services "a" and "b" in the DNS namespace
 * demo.local, and the HTTP namespace "mesh" for Service Connect.
 */
export function discoveryReadySimulator() {
  const sim = createSimulator({ seed: 11 });
  sim.createCluster({ clusterName: 'default' });
  sim.control.addInstances({ instanceType: 'm5.large', count: 2 });
  sim.registerTaskDefinition({
    family: 'api',
    networkMode: 'awsvpc',
    containerDefinitions: [{ name: 'api', image: 'api:1', cpu: 256, memory: 512, portMappings: [{ containerPort: 8080, name: 'http' }] }],
  });
  const { NamespaceId } = sim.serviceDiscovery.createPrivateDnsNamespace({ Name: 'demo.local', Vpc: 'vpc-1' });
  const registry = (Name: string) => sim.serviceDiscovery.createService({ Name, NamespaceId, DnsConfig: { DnsRecords: [{ Type: 'A', TTL: 10 }] } }).Service;
  const a = registry('a');
  const b = registry('b');
  sim.serviceDiscovery.createHttpNamespace({ Name: 'mesh' });
  return { sim, a, b };
}
