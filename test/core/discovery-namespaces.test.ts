import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../core/index.js';

describe('Cloud Map namespaces', () => {
  it('come in the three kinds, each listed with its type; names are unique', () => {
    const sim = createSimulator();
    sim.serviceDiscovery.createPrivateDnsNamespace({ Name: 'demo.local', Vpc: 'vpc-1' });
    sim.serviceDiscovery.createPublicDnsNamespace({ Name: 'example.com' });
    sim.serviceDiscovery.createHttpNamespace({ Name: 'mesh' });
    expect(sim.serviceDiscovery.listNamespaces().Namespaces.map((n) => [n.Name, n.Type])).toEqual([
      ['demo.local', 'DNS_PRIVATE'],
      ['example.com', 'DNS_PUBLIC'],
      ['mesh', 'HTTP'],
    ]);
    expect(() => sim.serviceDiscovery.createPublicDnsNamespace({ Name: 'example.com' })).toThrow(expect.objectContaining({ name: 'NamespaceAlreadyExists' }));
  });

  it('gives a public DNS service A records with their TTL, as a private one', () => {
    const sim = createSimulator();
    const { NamespaceId } = sim.serviceDiscovery.createPublicDnsNamespace({ Name: 'example.com' });
    const created = sim.serviceDiscovery.createService({ Name: 'www', NamespaceId, DnsConfig: { DnsRecords: [{ Type: 'A', TTL: 60 }] } });
    expect(created.Service.DnsConfig?.DnsRecords).toEqual([{ Type: 'A', TTL: 60 }]);
  });
});
