import type { ContainerDefinition, ContainerDependency, Task } from '../../core/index.js';
import { tableRows } from './data-table.js';
import { defineSteps, expect, StepFailure } from './step-registry.js';
import type { ScenarioWorld } from '../world/scenario-world.js';

const HEALTH_COMMAND = ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'];

/** "db HEALTHY, migrate SUCCESS" -> dependsOn entries. */
function dependencies(text: string): ContainerDependency[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [containerName, condition] = part.split(/\s+/);
      if (!['START', 'COMPLETE', 'SUCCESS', 'HEALTHY'].includes(condition)) {
        throw new StepFailure(`"${part}" in "depends on" should be a container name and START, COMPLETE, SUCCESS or HEALTHY.`);
      }
      return { containerName, condition: condition as ContainerDependency['condition'] };
    });
}

/** One row of the containers table: name, image, essential (yes/no), depends on, health check every, start period, start timeout. */
function containerFrom(row: Record<string, string>): ContainerDefinition {
  const seconds = (column: string) => (row[column] ? Number(row[column]) : undefined);
  const interval = seconds('health check every');
  const startPeriod = seconds('start period');
  const startTimeout = seconds('start timeout');
  return {
    name: row.name,
    image: row.image,
    memory: 256,
    essential: row.essential !== 'no',
    ...(row['depends on'] ? { dependsOn: dependencies(row['depends on']) } : {}),
    ...(interval ? { healthCheck: { command: HEALTH_COMMAND, interval, timeout: 5, retries: 3, ...(startPeriod !== undefined ? { startPeriod } : {}) } } : {}),
    ...(startTimeout ? { startTimeout } : {}),
  };
}

async function standalone(world: ScenarioWorld, n: number): Promise<Task> {
  const arn = world.standaloneTasks[n - 1];
  expect(arn !== undefined, () => `There is no standalone task ${n}; ${world.standaloneTasks.length} were run.`);
  return (await world.sim.call('ecs', 'describeTasks', { cluster: world.cluster, tasks: [arn] })).tasks[0];
}

async function containerOf(world: ScenarioWorld, name: string, n: number) {
  const container = (await standalone(world, n)).containers.find((c) => c.name === name);
  expect(container !== undefined, () => `Standalone task ${n} has no container "${name}".`);
  return container;
}

defineSteps('Containers, dependencies and health checks', {
  'a task definition {string} with the containers:': async (world, family: string, table: string[][]) => {
    await world.sim.call('ecs', 'registerTaskDefinition', { family, containerDefinitions: tableRows(table).map(containerFrom) });
  },
  'a task definition {string} for image {string} with a health check every {int} seconds and a start period of {int} seconds': async (
    world,
    family: string,
    image: string,
    interval: number,
    startPeriod: number,
  ) => {
    await world.sim.call('ecs', 'registerTaskDefinition', { family, containerDefinitions: [containerFrom({ name: family, image, 'health check every': String(interval), 'start period': String(startPeriod) })] });
  },
  'the image {string} needs {int} seconds to warm up': async (world, image: string, seconds: number) => {
    await world.sim.control('registerImage', image, { warmUpSeconds: seconds });
  },
  'the image {string} exits with code {int} after {int} seconds': async (world, image: string, exitCode: number, seconds: number) => {
    await world.sim.control('registerImage', image, { crashAfterSeconds: seconds, exitCode });
  },
  'standalone task {int} was RUNNING {int} seconds after it was created': async (world, n: number, seconds: number) => {
    const task = await standalone(world, n);
    expect(task.startedAt !== undefined, () => `Standalone task ${n} never reached RUNNING; it is ${task.lastStatus}.`);
    const took = task.startedAt - task.createdAt;
    expect(took === seconds, () => `Standalone task ${n} was RUNNING ${took} seconds after it was created.`);
  },
  'container {string} of standalone task {int} is {word}': async (world, name: string, n: number, status: string) => {
    const container = await containerOf(world, name, n);
    expect(container.lastStatus === status, () => `Container "${name}" of standalone task ${n} is ${container.lastStatus}.`);
  },
  'container {string} of standalone task {int} exited with code {int}': async (world, name: string, n: number, exitCode: number) => {
    const container = await containerOf(world, name, n);
    expect(container.exitCode === exitCode, () => `Container "${name}" of standalone task ${n} has exit code ${container.exitCode ?? 'none'}.`);
  },
  'container {string} of standalone task {int} says {string}': async (world, name: string, n: number, reason: string) => {
    const container = await containerOf(world, name, n);
    expect(container.reason === reason, () => `Container "${name}" of standalone task ${n} says ${JSON.stringify(container.reason ?? '')}.`);
  },
  'the container {string} of a task of {string} exits with code {int}': async (world, container: string, name: string, exitCode: number) => {
    await world.markUpdate();
    const [task] = (await world.sim.call('ecs', 'listTasks', { cluster: world.cluster, serviceName: name })).taskArns;
    expect(task !== undefined, () => `"${name}" has no running task.`);
    await world.sim.control('exitContainer', { cluster: world.cluster, task, container, exitCode });
  },
  'no task of {string} has stopped': async (world, name: string) => {
    const stopped = (await world.sim.call('ecs', 'listTasks', { cluster: world.cluster, serviceName: name, desiredStatus: 'STOPPED' })).taskArns;
    expect(stopped.length === 0, () => `${stopped.length} tasks of "${name}" have stopped.`);
  },
  'standalone task {int} stopped with {word}': async (world, n: number, stopCode: string) => {
    const task = await standalone(world, n);
    expect(task.lastStatus === 'STOPPED' && task.stopCode === stopCode, () => `Standalone task ${n} is ${task.lastStatus} with stop code ${task.stopCode ?? 'none'}.`);
  },
});
