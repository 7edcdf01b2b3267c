import type { ScenarioWorld } from '../world/scenario-world.js';
import { defineSteps, expect } from './step-registry.js';

/** The service's tasks not yet stopped, in task ARN order, with what GetTaskProtection says of each. */
async function tasksWithProtection(world: ScenarioWorld, service: string) {
  const { taskArns } = await world.sim.call('ecs', 'listTasks', { cluster: world.cluster, serviceName: service });
  if (taskArns.length === 0) return [];
  const { tasks } = await world.sim.call('ecs', 'describeTasks', { cluster: world.cluster, tasks: taskArns });
  const { protectedTasks } = await world.sim.call('ecs', 'getTaskProtection', { cluster: world.cluster, tasks: taskArns });
  const isProtected = new Set(protectedTasks!.filter((p) => p.protectionEnabled).map((p) => p.taskArn));
  return tasks
    .filter((t) => t.lastStatus !== 'STOPPED')
    .sort((a, b) => (a.taskArn! < b.taskArn! ? -1 : 1))
    .map((t) => ({ taskArn: t.taskArn!, revision: Number(t.taskDefinitionArn!.split(':').pop()), running: t.lastStatus === 'RUNNING', protected: isProtected.has(t.taskArn!) }));
}

defineSteps('Task scale-in protection', {
  '{int} task(s) of {string} is/are protected from scale-in for {int} minutes': async (world, count: number, service: string, minutes: number) => {
    const tasks = (await tasksWithProtection(world, service)).slice(0, count).map((t) => t.taskArn);
    expect(tasks.length === count, () => `"${service}" has only ${tasks.length} tasks.`);
    await world.sim.call('ecs', 'updateTaskProtection', { cluster: world.cluster, tasks, protectionEnabled: true, expiresInMinutes: minutes });
  },
  'I turn the scale-in protection of the tasks of {string} off': async (world, service: string) => {
    const tasks = (await tasksWithProtection(world, service)).filter((t) => t.protected).map((t) => t.taskArn);
    await world.sim.call('ecs', 'updateTaskProtection', { cluster: world.cluster, tasks, protectionEnabled: false });
  },
  '{int} protected task(s) of {string} is/are still running revision {int}': async (world, count: number, service: string, revision: number) => {
    const tasks = await tasksWithProtection(world, service);
    const kept = tasks.filter((t) => t.protected && t.running && t.revision === revision).length;
    expect(kept === count, () => `"${service}" runs ${tasks.map((t) => `revision ${t.revision}${t.protected ? ' (protected)' : ''}`).join(', ') || 'no task'}.`);
  },
  '{string} runs no task': async (world, service: string) => {
    const tasks = await tasksWithProtection(world, service);
    expect(tasks.length === 0, () => `"${service}" still has ${tasks.length} tasks.`);
  },
});
