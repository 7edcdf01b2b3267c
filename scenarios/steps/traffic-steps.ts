import type { ScenarioWorld } from '../world/scenario-world.js';
import { defineSteps, expect } from './step-registry.js';
import { describeService } from './service-inspection.js';
import { THREE_SUBNETS } from './fargate-requests.js';

const CLIENTS = 'clients';

async function namespaceOf(world: ScenarioWorld, type: 'DNS_PRIVATE' | 'HTTP') {
  const namespace = (await world.sim.call('serviceDiscovery', 'listNamespaces')).Namespaces.find((n) => n.Type === type);
  expect(namespace !== undefined, () => `No ${type === 'HTTP' ? 'Service Connect' : 'Cloud Map DNS'} namespace was created first.`);
  return namespace;
}

export async function createBackend(world: ScenarioWorld, name: string, count: number, family: string, discovery: Record<string, unknown>): Promise<void> {
  await world.sim.call('ecs', 'createService', {
    cluster: world.cluster,
    serviceName: name,
    taskDefinition: family,
    desiredCount: count,
    launchType: 'FARGATE',
    networkConfiguration: { awsvpcConfiguration: { subnets: THREE_SUBNETS } },
    ...discovery,
  });
  const steady = await world.sim.control('runUntilSteady', { cluster: world.cluster, service: name, maxSeconds: 3600 });
  const latest = steady ? undefined : (await describeService(world, name)).events[0]?.message;
  expect(steady, () => `"${name}" did not reach a steady state: ${latest ?? 'no event'}`);
}

/**
 * The clients' failed requests since the update, and the seconds from the first failed request to the last
 * one (0 when none failed).
 */
async function failuresSinceUpdate(world: ScenarioWorld): Promise<{ failed: number; windowSeconds: number }> {
  const seconds = (await world.sim.control('trafficHistory', CLIENTS)).filter((r) => r.time > world.updateStartedAt.time);
  const failing = seconds.filter((r) => r.errors > 0);
  return {
    failed: seconds.reduce((sum, r) => sum + r.errors, 0),
    windowSeconds: failing.length === 0 ? 0 : (failing[failing.length - 1].time - failing[0].time) / 1000 + 1,
  };
}

defineSteps('Service discovery and traffic', {
  'a Cloud Map DNS namespace {string}': async (world, name: string) => {
    await world.sim.call('serviceDiscovery', 'createPrivateDnsNamespace', { Name: name });
  },
  'a Service Connect namespace {string}': async (world, name: string) => {
    await world.sim.call('serviceDiscovery', 'createHttpNamespace', { Name: name });
  },
  'a Fargate service {string} running {int} tasks of {string} found through DNS with a TTL of {int} seconds': async (
    world,
    name: string,
    count: number,
    family: string,
    ttl: number,
  ) => {
    const namespace = (await namespaceOf(world, 'DNS_PRIVATE'))!;
    const { Service } = await world.sim.call('serviceDiscovery', 'createService', { Name: name, NamespaceId: namespace.Id, DnsConfig: { DnsRecords: [{ Type: 'A', TTL: ttl }] } });
    await createBackend(world, name, count, family, { serviceRegistries: [{ registryArn: Service.Arn }] });
  },
  'a Fargate service {string} running {int} tasks of {string} reachable through Service Connect': async (world, name: string, count: number, family: string) => {
    const namespace = (await namespaceOf(world, 'HTTP'))!;
    await createBackend(world, name, count, family, {
      serviceConnectConfiguration: { enabled: true, namespace: namespace.Name, services: [{ portName: 'http', discoveryName: name, clientAliases: [{ port: 80, dnsName: name }] }] },
    });
  },
  'clients call {string} through DNS at {int} requests per second': async (world, name: string, rps: number) => {
    const namespace = (await namespaceOf(world, 'DNS_PRIVATE'))!;
    await world.sim.control('startTraffic', { name: CLIENTS, dnsName: `${name}.${namespace.Name}`, requestsPerSecond: rps });
  },
  'clients call {string} through Service Connect at {int} requests per second': async (world, name: string, rps: number) => {
    await world.sim.control('startTraffic', { name: CLIENTS, serviceConnect: name, requestsPerSecond: rps });
  },
  'clients call the load balancer {string} at {int} requests per second': async (world, name: string, rps: number) => {
    await world.sim.control('startTraffic', { name: CLIENTS, loadBalancer: name, requestsPerSecond: rps });
  },
  'one task of {string} is killed': async (world, name: string) => {
    await world.markUpdate();
    const [task] = (await world.sim.call('ecs', 'listTasks', { cluster: world.cluster, serviceName: name })).taskArns;
    await world.sim.control('killTask', { cluster: world.cluster, task });
  },
  'the Availability Zone {word} is lost': async (world, zone: string) => {
    await world.markUpdate();
    await world.sim.control('failZone', { availabilityZone: zone });
  },
  'the clients saw failed requests for at least {int} seconds': async (world, seconds: number) => {
    const { failed, windowSeconds } = await failuresSinceUpdate(world);
    expect(windowSeconds >= seconds, () => `The error window lasted ${windowSeconds} s (${failed} failed requests).`);
  },
  'the clients saw failed requests for at most {int} seconds': async (world, seconds: number) => {
    const { failed, windowSeconds } = await failuresSinceUpdate(world);
    expect(windowSeconds <= seconds, () => `The error window lasted ${windowSeconds} s (${failed} failed requests).`);
  },
  'some requests of the clients failed since the update': async (world) => {
    const { failed } = await failuresSinceUpdate(world);
    expect(failed > 0, () => 'No request failed.');
  },
  'no request of the clients failed since the update': async (world) => {
    const { failed, windowSeconds } = await failuresSinceUpdate(world);
    expect(failed === 0, () => `${failed} requests failed over ${windowSeconds} s.`);
  },
});
