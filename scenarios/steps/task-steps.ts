import { defineSteps, expect } from './step-registry.js';
import { instanceNumbered } from './instance-inspection.js';
import { describeService } from './service-inspection.js';
import type { ScenarioWorld } from '../world/scenario-world.js';

/** Standalone tasks are remembered by the order they were run: "standalone task 1". */
async function standaloneTask(world: ScenarioWorld, n: number) {
  const arn = world.standaloneTasks[n - 1];
  expect(arn !== undefined, () => `There is no standalone task ${n}; ${world.standaloneTasks.length} were run.`);
  return (await world.sim.call('ecs', 'describeTasks', { cluster: world.cluster, tasks: [arn] })).tasks[0];
}

defineSteps('Tasks', {
  'I run a standalone task of {string} on instance {int}': async (world, family: string, n: number) => {
    const { containerInstanceArn } = await instanceNumbered(world, n);
    const { tasks, failures } = await world.sim.call('ecs', 'startTask', { cluster: world.cluster, taskDefinition: family, containerInstances: [containerInstanceArn] });
    expect(tasks.length === 1, () => `StartTask failed: ${failures.map((f) => f.reason).join(', ')}.`);
    world.standaloneTasks.push(tasks[0].taskArn);
  },
  'I run a standalone task of {string}': async (world, family: string) => {
    const { tasks, failures } = await world.sim.call('ecs', 'runTask', { cluster: world.cluster, taskDefinition: family });
    expect(tasks.length === 1, () => `RunTask failed: ${failures.map((f) => f.reason).join(', ')}.`);
    world.standaloneTasks.push(tasks[0].taskArn);
  },
  'the process of standalone task {int} exits': async (world, n: number) => {
    await world.markUpdate();
    await world.sim.call('ecs', 'stopTask', { cluster: world.cluster, task: (await standaloneTask(world, n)).taskArn, reason: 'Essential container in task exited' });
  },
  'I stop one task of {string}': async (world, name: string) => {
    await world.markUpdate();
    const [arn] = (await world.sim.call('ecs', 'listTasks', { cluster: world.cluster, serviceName: name })).taskArns;
    await world.sim.call('ecs', 'stopTask', { cluster: world.cluster, task: arn });
  },
  'standalone task {int} is {word}': async (world, n: number, status: string) => {
    const task = await standaloneTask(world, n);
    expect(task.lastStatus === status, () => `Standalone task ${n} is ${task.lastStatus}.`);
  },
  'no standalone task of {string} started since the update': async (world, family: string) => {
    const arns: string[] = [];
    for (const desiredStatus of ['RUNNING', 'STOPPED'] as const) {
      arns.push(...(await world.sim.call('ecs', 'listTasks', { cluster: world.cluster, family, desiredStatus })).taskArns);
    }
    const tasks = arns.length ? (await world.sim.call('ecs', 'describeTasks', { cluster: world.cluster, tasks: arns })).tasks : [];
    const started = tasks.filter((t) => t.group.startsWith('family:') && t.createdAt > world.updateStartedAtEpoch);
    expect(started.length === 0, () => `${started.length} standalone tasks of ${family} started since the update.`);
  },
  '{string} is back to {int} running tasks within {int} minute(s)': async (world, name: string, count: number, minutes: number) => {
    const back = await world.sim.runUntil(async () => {
      const s = await describeService(world, name);
      return s.runningCount === count && s.pendingCount === 0;
    }, minutes * 60);
    const s = await describeService(world, name);
    expect(back, () => `After ${minutes} minutes "${name}" has ${s.runningCount} running and ${s.pendingCount} pending tasks. Latest event: ${s.events[0]?.message ?? 'none'}`);
  },
});
