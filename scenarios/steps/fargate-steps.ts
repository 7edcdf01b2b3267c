import { tableRows } from './data-table.js';
import type { CapacityProviderStrategyItem } from '../../core/index.js';
import type { ScenarioWorld } from '../world/scenario-world.js';
import { defineSteps, expect } from './step-registry.js';
import { describeService, serviceTasks } from './service-inspection.js';
import { fargateTaskDefinition, THREE_SUBNETS } from './fargate-requests.js';


function createFargateService(world: ScenarioWorld, name: string, count: number, family: string, strategy?: CapacityProviderStrategyItem[]): void {
  world.sim.createService({
    cluster: world.cluster,
    serviceName: name,
    taskDefinition: family,
    desiredCount: count,
    ...(strategy ? { capacityProviderStrategy: strategy } : { launchType: 'FARGATE' as const }),
    networkConfiguration: { awsvpcConfiguration: { subnets: THREE_SUBNETS } },
  });
  const steady = world.sim.control.runUntilSteady({ cluster: world.cluster, service: name, maxSeconds: 3600 });
  expect(steady, () => `Service "${name}" did not reach a steady state. Latest event: ${describeService(world, name).events[0]?.message ?? 'none'}`);
}

defineSteps('Fargate and capacity providers', {
  'a cluster {string} with the FARGATE and FARGATE_SPOT capacity providers': (world, name: string) => {
    world.sim.createCluster({ clusterName: name, capacityProviders: ['FARGATE', 'FARGATE_SPOT'] });
    world.cluster = name;
  },
  'a Fargate task definition {string} for image {string} with {int} CPU units and {int} MiB of memory': (
    world,
    family: string,
    image: string,
    cpu: number,
    memory: number,
  ) => {
    world.sim.registerTaskDefinition(fargateTaskDefinition(family, image, { cpu, memory }, {}, { portMappings: [{ containerPort: 80, protocol: 'tcp' }] }));
  },
  'a Fargate service {string} running {int} tasks of {string}': (world, name: string, count: number, family: string) =>
    createFargateService(world, name, count, family),
  'a service {string} running {int} tasks of {string} with the capacity provider strategy:': (
    world,
    name: string,
    count: number,
    family: string,
    table: string[][],
  ) => {
    const strategy = tableRows(table).map((item) => ({ capacityProvider: item.capacityProvider, base: Number(item.base || 0), weight: Number(item.weight || 0) }));
    createFargateService(world, name, count, family, strategy);
  },
  '{int} tasks of {string} run on {word}': (world, count: number, name: string, provider: string) => {
    const tasks = serviceTasks(world, name).filter((t) => t.lastStatus === 'RUNNING');
    const on = tasks.filter((t) => (t.capacityProviderName ?? t.launchType) === provider).length;
    expect(on === count, () => `${on} running tasks of "${name}" are on ${provider} (${tasks.map((t) => t.capacityProviderName ?? t.launchType).join(', ')}).`);
  },
  'the tasks of {string} are spread over {int} Availability Zones': (world, name: string, zones: number) => {
    const seen = new Set(serviceTasks(world, name).map((t) => t.availabilityZone));
    expect(seen.size === zones, () => `The tasks are in ${seen.size} zones: ${[...seen].join(', ')}.`);
  },
  'AWS reclaims {int} Fargate Spot task(s) of {string}': (world, count: number, name: string) => {
    world.markUpdate();
    world.sim.control.interruptFargateSpotTasks({ cluster: world.cluster, service: name, count });
  },
  'Fargate Spot has no capacity left': (world) => {
    world.sim.control.setFargateCapacity({ capacityProvider: 'FARGATE_SPOT', maxTasks: 0 });
  },
  'Fargate Spot has capacity again': (world) => {
    world.sim.control.setFargateCapacity({ capacityProvider: 'FARGATE_SPOT', maxTasks: null });
  },
  'EventBridge received a task state change with stopCode {word} and reason {string} while the task was still RUNNING': (
    world,
    stopCode: string,
    reason: string,
  ) => {
    const changes = world.sim.control
      .eventsSince(world.updateStartedAtEvent)
      .filter((e) => e.kind === 'eventbridge' && e.event['detail-type'] === 'ECS Task State Change')
      .map((e) => (e.kind === 'eventbridge' ? e.event.detail : {}));
    const notice = changes.find((d) => d.stopCode === stopCode);
    expect(notice !== undefined, () => `No task state change had stopCode ${stopCode}.`);
    expect(
      notice.desiredStatus === 'STOPPED' && notice.lastStatus === 'RUNNING' && notice.stoppedReason === reason,
      () => `The first such change said desiredStatus ${String(notice.desiredStatus)}, lastStatus ${String(notice.lastStatus)}, reason "${String(notice.stoppedReason)}".`,
    );
  },
  'the interrupted tasks of {string} were STOPPED within {int} seconds of the notice': (world, name: string, seconds: number) => {
    const { taskArns } = world.sim.listTasks({ cluster: world.cluster, serviceName: name, desiredStatus: 'STOPPED' });
    const tasks = taskArns.length ? world.sim.describeTasks({ cluster: world.cluster, tasks: taskArns }).tasks : [];
    const interrupted = tasks.filter((t) => t.stopCode === 'SpotInterruption');
    expect(interrupted.length > 0, () => 'No task was stopped by a Spot interruption.');
    const slow = interrupted.filter((t) => t.lastStatus !== 'STOPPED' || t.stoppedAt! - t.stoppingAt! > seconds);
    expect(slow.length === 0, () => `${slow.length} interrupted tasks took longer than ${seconds} s to stop.`);
  },
  'EventBridge received a placement failure for {string} with reason {word}': (world, name: string, reason: string) => {
    const failures = world.sim.control
      .eventsSince(world.updateStartedAtEvent)
      .filter((e) => e.kind === 'eventbridge' && e.event.detail.eventName === 'SERVICE_TASK_PLACEMENT_FAILURE')
      .map((e) => (e.kind === 'eventbridge' ? e.event : undefined)!);
    const match = failures.find((e) => e.resources.some((r) => r.endsWith(`/${name}`)) && e.detail.reason === reason);
    expect(match !== undefined, () => `Placement failures since the update: ${failures.map((e) => String(e.detail.reason)).join(', ') || 'none'}.`);
  },
});

defineSteps('Task definition validation', {
  'registering a Fargate task definition {string} with {int} CPU units and {int} MiB of memory fails with:': (
    world,
    family: string,
    cpu: number,
    memory: number,
    expected: string,
  ) => {
    let message = 'no error';
    try {
      world.sim.registerTaskDefinition(fargateTaskDefinition(family, `${family}:1`, { cpu, memory }));
    } catch (error) {
      message = `${(error as Error).name}: ${(error as Error).message}`;
    }
    expect(message === expected.trim(), () => `The call answered: ${message}`);
  },
});
