import type { ScenarioWorld } from '../world/scenario-world.js';
import { defineSteps, expect } from './step-registry.js';
import { describeService } from './service-inspection.js';
import { THREE_SUBNETS } from './fargate-requests.js';

const CLIENTS = 'clients';

function namespaceOf(world: ScenarioWorld, type: 'DNS_PRIVATE' | 'HTTP') {
  const namespace = world.sim.serviceDiscovery.listNamespaces().Namespaces.find((n) => n.Type === type);
  expect(namespace !== undefined, () => `No ${type === 'HTTP' ? 'Service Connect' : 'Cloud Map DNS'} namespace was created first.`);
  return namespace;
}

export function createBackend(world: ScenarioWorld, name: string, count: number, family: string, discovery: Record<string, unknown>): void {
  world.sim.createService({
    cluster: world.cluster,
    serviceName: name,
    taskDefinition: family,
    desiredCount: count,
    launchType: 'FARGATE',
    networkConfiguration: { awsvpcConfiguration: { subnets: THREE_SUBNETS } },
    ...discovery,
  });
  const steady = world.sim.control.runUntilSteady({ cluster: world.cluster, service: name, maxSeconds: 3600 });
  expect(steady, () => `"${name}" did not reach a steady state: ${describeService(world, name).events[0]?.message ?? 'no event'}`);
}

/** Seconds from the first failed request after the update to the last one (0 when none failed). */
function errorWindowSeconds(world: ScenarioWorld): number {
  const failing = world.sim.control.trafficHistory(CLIENTS).filter((r) => r.time > world.updateStartedAt.time && r.errors > 0);
  return failing.length === 0 ? 0 : (failing[failing.length - 1].time - failing[0].time) / 1000 + 1;
}

function failedSinceUpdate(world: ScenarioWorld): number {
  return world.sim.control.trafficHistory(CLIENTS).filter((r) => r.time > world.updateStartedAt.time).reduce((sum, r) => sum + r.errors, 0);
}

defineSteps('Service discovery and traffic', {
  'a Cloud Map DNS namespace {string}': (world, name: string) => {
    world.sim.serviceDiscovery.createPrivateDnsNamespace({ Name: name });
  },
  'a Service Connect namespace {string}': (world, name: string) => {
    world.sim.serviceDiscovery.createHttpNamespace({ Name: name });
  },
  'a Fargate service {string} running {int} tasks of {string} found through DNS with a TTL of {int} seconds': (
    world,
    name: string,
    count: number,
    family: string,
    ttl: number,
  ) => {
    const namespace = namespaceOf(world, 'DNS_PRIVATE')!;
    const { Service } = world.sim.serviceDiscovery.createService({ Name: name, NamespaceId: namespace.Id, DnsConfig: { DnsRecords: [{ Type: 'A', TTL: ttl }] } });
    createBackend(world, name, count, family, { serviceRegistries: [{ registryArn: Service.Arn }] });
  },
  'a Fargate service {string} running {int} tasks of {string} reachable through Service Connect': (world, name: string, count: number, family: string) => {
    const namespace = namespaceOf(world, 'HTTP')!;
    createBackend(world, name, count, family, {
      serviceConnectConfiguration: { enabled: true, namespace: namespace.Name, services: [{ portName: 'http', discoveryName: name, clientAliases: [{ port: 80, dnsName: name }] }] },
    });
  },
  'clients call {string} through DNS at {int} requests per second': (world, name: string, rps: number) => {
    const namespace = namespaceOf(world, 'DNS_PRIVATE')!;
    world.sim.control.startTraffic({ name: CLIENTS, dnsName: `${name}.${namespace.Name}`, requestsPerSecond: rps });
  },
  'clients call {string} through Service Connect at {int} requests per second': (world, name: string, rps: number) => {
    world.sim.control.startTraffic({ name: CLIENTS, serviceConnect: name, requestsPerSecond: rps });
  },
  'clients call the load balancer {string} at {int} requests per second': (world, name: string, rps: number) => {
    world.sim.control.startTraffic({ name: CLIENTS, loadBalancer: name, requestsPerSecond: rps });
  },
  'one task of {string} is killed': (world, name: string) => {
    world.markUpdate();
    const [task] = world.sim.listTasks({ cluster: world.cluster, serviceName: name }).taskArns;
    world.sim.control.killTask({ cluster: world.cluster, task });
  },
  'the Availability Zone {word} is lost': (world, zone: string) => {
    world.markUpdate();
    world.sim.control.failZone({ availabilityZone: zone });
  },
  'the clients saw failed requests for at least {int} seconds': (world, seconds: number) => {
    const window = errorWindowSeconds(world);
    expect(window >= seconds, () => `The error window lasted ${window} s (${failedSinceUpdate(world)} failed requests).`);
  },
  'the clients saw failed requests for at most {int} seconds': (world, seconds: number) => {
    const window = errorWindowSeconds(world);
    expect(window <= seconds, () => `The error window lasted ${window} s (${failedSinceUpdate(world)} failed requests).`);
  },
  'some requests of the clients failed since the update': (world) => {
    expect(failedSinceUpdate(world) > 0, () => 'No request failed.');
  },
  'no request of the clients failed since the update': (world) => {
    const failed = failedSinceUpdate(world);
    expect(failed === 0, () => `${failed} requests failed over ${errorWindowSeconds(world)} s.`);
  },
});
