import type { PlacementConstraint, PlacementStrategy } from '../../core/index.js';
import type { ScenarioWorld } from '../world/scenario-world.js';
import { defineSteps, expect } from './step-registry.js';
import { describeService } from './service-inspection.js';

/** "spread(attribute:ecs.availability-zone), binpack(memory)" -> ECS placementStrategy. */
function strategiesOf(text: string): PlacementStrategy[] {
  return text.split(/,\s*(?![^(]*\))/).map((rule) => {
    const match = /^(spread|binpack|random)(?:\((.+)\))?$/.exec(rule.trim());
    expect(match !== null, () => `"${rule}" is not a placement rule: write spread(field), binpack(cpu|memory) or random.`);
    return { type: match![1] as PlacementStrategy['type'], ...(match![2] ? { field: match![2] } : {}) };
  });
}

async function placedTasks(world: ScenarioWorld, name: string) {
  const picture = (await world.sim.control('view')).clusters.find((c) => c.clusterName === world.cluster)!;
  return picture.instances.flatMap((i) => i.tasks.filter((t) => t.serviceName === name && t.desiredStatus === 'RUNNING').map((t) => ({ task: t, instance: i })));
}

async function create(world: ScenarioWorld, name: string, count: number, family: string, strategy: PlacementStrategy[], constraints: PlacementConstraint[]) {
  await world.sim.call('ecs', 'createService', { cluster: world.cluster, serviceName: name, taskDefinition: family, desiredCount: count, placementStrategy: strategy, placementConstraints: constraints });
  await world.sim.control('runUntilSteady', { cluster: world.cluster, service: name, maxSeconds: 600 });
}

defineSteps('Placement', {
  '{int} more {word} instance(s) join(s) the cluster in {word}': async (world, count: number, instanceType: string, zone: string) => {
    await world.sim.control('addInstances', { cluster: world.cluster, instanceType, count, availabilityZones: [zone] });
  },
  'a service {string} running {int} tasks of {string} placed by {string}': (world, name: string, count: number, family: string, strategy: string) =>
    create(world, name, count, family, strategiesOf(strategy), []),
  'a service {string} running {int} tasks of {string} on instances where {string}': (world, name: string, count: number, family: string, expression: string) =>
    create(world, name, count, family, [], [{ type: 'memberOf', expression }]),
  'a service {string} running {int} tasks of {string}, one per instance': (world, name: string, count: number, family: string) =>
    create(world, name, count, family, [], [{ type: 'distinctInstance' }]),
  'the tasks of {string} sit on {int} instance(s)': async (world, name: string, count: number) => {
    const instances = new Set((await placedTasks(world, name)).map((p) => p.instance.ec2InstanceId));
    expect(instances.size === count, () => `The tasks sit on ${instances.size} instances.`);
  },
  'every zone runs {int} tasks of {string}': async (world, count: number, name: string) => {
    const perZone = new Map<string, number>();
    for (const p of await placedTasks(world, name)) perZone.set(p.instance.availabilityZone, (perZone.get(p.instance.availabilityZone) ?? 0) + 1);
    expect([...perZone.values()].every((n) => n === count), () => `Tasks per zone: ${[...perZone].map(([z, n]) => `${z} ${n}`).join(', ')}.`);
  },
  'no task of {string} runs on a {word} instance': async (world, name: string, instanceType: string) => {
    const wrong = (await placedTasks(world, name)).filter((p) => p.instance.instanceType === instanceType);
    expect(wrong.length === 0, () => `${wrong.length} tasks run on ${instanceType}.`);
  },
  '{int} tasks of {string} are running': async (world, count: number, name: string) => {
    const { runningCount } = await describeService(world, name);
    expect(runningCount === count, () => `${runningCount} tasks are running.`);
  },
  'a task of {string} explains it was placed after rejecting instances for {word}': async (world, name: string, reason: string) => {
    const explained = (await placedTasks(world, name)).map((p) => p.task.placement).filter((x) => x !== undefined);
    expect(explained.some((e) => e!.rejected.some((r) => r.reason === reason)), () => `Rejections seen: ${[...new Set(explained.flatMap((e) => e!.rejected.map((r) => r.reason)))].join(', ') || 'none'}.`);
  },
});
