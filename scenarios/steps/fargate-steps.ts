import { tableRows } from './data-table.js';
import type { CapacityProviderStrategyItem } from '../../core/index.js';
import type { ScenarioWorld } from '../world/scenario-world.js';
import { defineSteps, expect } from './step-registry.js';
import { describeService, serviceTasks } from './service-inspection.js';
import { fargateTaskDefinition, THREE_SUBNETS } from './fargate-requests.js';


async function createFargateService(world: ScenarioWorld, name: string, count: number, family: string, strategy?: CapacityProviderStrategyItem[]): Promise<void> {
  await world.sim.call('ecs', 'createService', {
    cluster: world.cluster,
    serviceName: name,
    taskDefinition: family,
    desiredCount: count,
    ...(strategy ? { capacityProviderStrategy: strategy } : { launchType: 'FARGATE' as const }),
    networkConfiguration: { awsvpcConfiguration: { subnets: THREE_SUBNETS } },
  });
  const steady = await world.sim.control('runUntilSteady', { cluster: world.cluster, service: name, maxSeconds: 3600 });
  const latest = steady ? undefined : (await describeService(world, name)).events[0]?.message;
  expect(steady, () => `Service "${name}" did not reach a steady state. Latest event: ${latest ?? 'none'}`);
}

/** The EventBridge events since the update began. */
async function eventBridgeSinceUpdate(world: ScenarioWorld) {
  const events = await world.sim.control('eventsSince', world.updateStartedAtEvent);
  return events.flatMap((e) => (e.kind === 'eventbridge' ? [e.event] : []));
}

defineSteps('Fargate and capacity providers', {
  'a cluster {string} with the FARGATE and FARGATE_SPOT capacity providers': async (world, name: string) => {
    await world.sim.call('ecs', 'createCluster', { clusterName: name, capacityProviders: ['FARGATE', 'FARGATE_SPOT'] });
    world.cluster = name;
  },
  'a Fargate task definition {string} for image {string} with {int} CPU units and {int} MiB of memory': async (
    world,
    family: string,
    image: string,
    cpu: number,
    memory: number,
  ) => {
    await world.sim.call('ecs', 'registerTaskDefinition', fargateTaskDefinition(family, image, { cpu, memory }, {}, { portMappings: [{ containerPort: 80, protocol: 'tcp' }] }));
  },
  'a Fargate service {string} running {int} tasks of {string}': (world, name: string, count: number, family: string) =>
    createFargateService(world, name, count, family),
  'a service {string} running {int} tasks of {string} with the capacity provider strategy:': async (
    world,
    name: string,
    count: number,
    family: string,
    table: string[][],
  ) => {
    const strategy = tableRows(table).map((item) => ({ capacityProvider: item.capacityProvider, base: Number(item.base || 0), weight: Number(item.weight || 0) }));
    await createFargateService(world, name, count, family, strategy);
  },
  '{int} tasks of {string} run on {word}': async (world, count: number, name: string, provider: string) => {
    const tasks = (await serviceTasks(world, name)).filter((t) => t.lastStatus === 'RUNNING');
    const on = tasks.filter((t) => (t.capacityProviderName ?? t.launchType) === provider).length;
    expect(on === count, () => `${on} running tasks of "${name}" are on ${provider} (${tasks.map((t) => t.capacityProviderName ?? t.launchType).join(', ')}).`);
  },
  'the tasks of {string} are spread over {int} Availability Zones': async (world, name: string, zones: number) => {
    const seen = new Set((await serviceTasks(world, name)).map((t) => t.availabilityZone));
    expect(seen.size === zones, () => `The tasks are in ${seen.size} zones: ${[...seen].join(', ')}.`);
  },
  'AWS reclaims {int} Fargate Spot task(s) of {string}': async (world, count: number, name: string) => {
    await world.markUpdate();
    await world.sim.control('interruptFargateSpotTasks', { cluster: world.cluster, service: name, count });
  },
  'Fargate Spot has no capacity left': async (world) => {
    await world.sim.control('setFargateCapacity', { capacityProvider: 'FARGATE_SPOT', maxTasks: 0 });
  },
  'Fargate Spot has capacity again': async (world) => {
    await world.sim.control('setFargateCapacity', { capacityProvider: 'FARGATE_SPOT', maxTasks: null });
  },
  'EventBridge received a task state change with stopCode {word} and reason {string} while the task was still RUNNING': async (
    world,
    stopCode: string,
    reason: string,
  ) => {
    const changes = (await eventBridgeSinceUpdate(world)).filter((e) => e['detail-type'] === 'ECS Task State Change').map((e) => e.detail);
    const notice = changes.find((d) => d.stopCode === stopCode);
    expect(notice !== undefined, () => `No task state change had stopCode ${stopCode}.`);
    expect(
      notice.desiredStatus === 'STOPPED' && notice.lastStatus === 'RUNNING' && notice.stoppedReason === reason,
      () => `The first such change said desiredStatus ${String(notice.desiredStatus)}, lastStatus ${String(notice.lastStatus)}, reason "${String(notice.stoppedReason)}".`,
    );
  },
  'the interrupted tasks of {string} were STOPPED within {int} seconds of the notice': async (world, name: string, seconds: number) => {
    const { taskArns } = await world.sim.call('ecs', 'listTasks', { cluster: world.cluster, serviceName: name, desiredStatus: 'STOPPED' });
    const tasks = taskArns.length ? (await world.sim.call('ecs', 'describeTasks', { cluster: world.cluster, tasks: taskArns })).tasks : [];
    const interrupted = tasks.filter((t) => t.stopCode === 'SpotInterruption');
    expect(interrupted.length > 0, () => 'No task was stopped by a Spot interruption.');
    const slow = interrupted.filter((t) => t.lastStatus !== 'STOPPED' || t.stoppedAt! - t.stoppingAt! > seconds);
    expect(slow.length === 0, () => `${slow.length} interrupted tasks took longer than ${seconds} s to stop.`);
  },
  'EventBridge received a placement failure for {string} with reason {word}': async (world, name: string, reason: string) => {
    const failures = (await eventBridgeSinceUpdate(world)).filter((e) => e.detail.eventName === 'SERVICE_TASK_PLACEMENT_FAILURE');
    const match = failures.find((e) => e.resources.some((r) => r.endsWith(`/${name}`)) && e.detail.reason === reason);
    expect(match !== undefined, () => `Placement failures since the update: ${failures.map((e) => String(e.detail.reason)).join(', ') || 'none'}.`);
  },
});

defineSteps('Task definition validation', {
  'registering a Fargate task definition {string} with {int} CPU units and {int} MiB of memory fails with:': async (
    world,
    family: string,
    cpu: number,
    memory: number,
    expected: string,
  ) => {
    let message = 'no error';
    try {
      await world.sim.call('ecs', 'registerTaskDefinition', fargateTaskDefinition(family, `${family}:1`, { cpu, memory }));
    } catch (error) {
      message = `${(error as Error).name}: ${(error as Error).message}`;
    }
    expect(message === expected.trim(), () => `The call answered: ${message}`);
  },
});
