import { defineSteps, expect } from './step-registry.js';
import { instanceNumbered } from './instance-inspection.js';
import { describeService } from './service-inspection.js';
import type { ScenarioWorld } from '../world/scenario-world.js';

/** Standalone tasks are remembered by the order they were run: "standalone task 1". */
function standaloneTask(world: ScenarioWorld, n: number) {
  const arn = world.standaloneTasks[n - 1];
  expect(arn !== undefined, () => `There is no standalone task ${n}; ${world.standaloneTasks.length} were run.`);
  return world.sim.describeTasks({ cluster: world.cluster, tasks: [arn] }).tasks[0];
}

defineSteps('Tasks', {
  'I run a standalone task of {string} on instance {int}': (world, family: string, n: number) => {
    const { tasks, failures } = world.sim.startTask({ cluster: world.cluster, taskDefinition: family, containerInstances: [instanceNumbered(world, n).containerInstanceArn] });
    expect(tasks.length === 1, () => `StartTask failed: ${failures.map((f) => f.reason).join(', ')}.`);
    world.standaloneTasks.push(tasks[0].taskArn);
  },
  'I run a standalone task of {string}': (world, family: string) => {
    const { tasks, failures } = world.sim.runTask({ cluster: world.cluster, taskDefinition: family });
    expect(tasks.length === 1, () => `RunTask failed: ${failures.map((f) => f.reason).join(', ')}.`);
    world.standaloneTasks.push(tasks[0].taskArn);
  },
  'the process of standalone task {int} exits': (world, n: number) => {
    world.markUpdate();
    world.sim.stopTask({ cluster: world.cluster, task: standaloneTask(world, n).taskArn, reason: 'Essential container in task exited' });
  },
  'I stop one task of {string}': (world, name: string) => {
    world.markUpdate();
    const [arn] = world.sim.listTasks({ cluster: world.cluster, serviceName: name }).taskArns;
    world.sim.stopTask({ cluster: world.cluster, task: arn });
  },
  'standalone task {int} is {word}': (world, n: number, status: string) => {
    const task = standaloneTask(world, n);
    expect(task.lastStatus === status, () => `Standalone task ${n} is ${task.lastStatus}.`);
  },
  'no standalone task of {string} started since the update': (world, family: string) => {
    const arns = ['RUNNING', 'STOPPED'].flatMap((desiredStatus) =>
      world.sim.listTasks({ cluster: world.cluster, family, desiredStatus: desiredStatus as 'RUNNING' | 'STOPPED' }).taskArns,
    );
    const tasks = arns.length ? world.sim.describeTasks({ cluster: world.cluster, tasks: arns }).tasks : [];
    const started = tasks.filter((t) => t.group.startsWith('family:') && t.createdAt > world.updateStartedAtEpoch);
    expect(started.length === 0, () => `${started.length} standalone tasks of ${family} started since the update.`);
  },
  '{string} is back to {int} running tasks within {int} minute(s)': (world, name: string, count: number, minutes: number) => {
    const back = world.sim.control.runUntil(() => {
      const s = describeService(world, name);
      return s.runningCount === count && s.pendingCount === 0;
    }, minutes * 60);
    const s = describeService(world, name);
    expect(back, () => `After ${minutes} minutes "${name}" has ${s.runningCount} running and ${s.pendingCount} pending tasks. Latest event: ${s.events[0]?.message ?? 'none'}`);
  },
});
