import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../core/index.js';

/** A cluster "c" of one instance, and one-container task definitions given as family: [cpu, memory]. */
function oneInstance(instanceType: string, families: Record<string, [number, number]>) {
  const sim = createSimulator({ seed: 5 });
  sim.createCluster({ clusterName: 'c' });
  sim.control.addInstances({ cluster: 'c', instanceType, count: 1 });
  for (const [family, [cpu, memory]] of Object.entries(families)) {
    sim.registerTaskDefinition({ family, containerDefinitions: [{ name: family, image: `${family}:1`, cpu, memory }] });
  }
  return sim;
}

/** m5.large instances (2 vCPU); a replica service of 1-vCPU tasks that always wants more than fits. */
function clusterWithDaemon() {
  const sim = oneInstance('m5.large', { web: [1024, 512], agent: [256, 256] });
  // The replica service first, so that its scheduler looks at a new instance before the daemon's does.
  sim.createService({ cluster: 'c', serviceName: 'web', taskDefinition: 'web', desiredCount: 10 });
  sim.createService({ cluster: 'c', serviceName: 'agent', taskDefinition: 'agent', schedulingStrategy: 'DAEMON' });
  sim.control.advance(120);
  return sim;
}

const tasksOn = (sim: ReturnType<typeof clusterWithDaemon>) => {
  const { taskArns } = sim.listTasks({ cluster: 'c', desiredStatus: 'RUNNING' });
  const tasks = sim.describeTasks({ cluster: 'c', tasks: taskArns }).tasks;
  const byInstance = new Map<string, string[]>();
  for (const t of tasks) byInstance.set(t.containerInstanceArn!, [...(byInstance.get(t.containerInstanceArn!) ?? []), t.group!].sort());
  return [...byInstance.values()];
};

describe('a daemon service', () => {
  it('gets its task on every instance, even when a replica service wants all the room (daemon tasks are placed first)', () => {
    const sim = clusterWithDaemon();
    sim.control.addInstances({ cluster: 'c', instanceType: 'm5.large', count: 2 });
    sim.control.advance(120);
    // 2048 CPU units each: the daemon's 256 are kept for it, so one 1024-unit web task fits beside it.
    expect(tasksOn(sim)).toEqual([
      ['service:agent', 'service:web'],
      ['service:agent', 'service:web'],
      ['service:agent', 'service:web'],
    ]);
    const agent = sim.describeServices({ cluster: 'c', services: ['agent'] }).services[0];
    expect([agent.desiredCount, agent.runningCount]).toEqual([3, 3]);
  });

  it('leaves the room to other tasks on an instance too small to ever run it', () => {
    const sim = oneInstance('t3.micro', { 'big-agent': [4096, 256], web: [1024, 256] });
    sim.createService({ cluster: 'c', serviceName: 'agent', taskDefinition: 'big-agent', schedulingStrategy: 'DAEMON' });
    const run = sim.runTask({ cluster: 'c', taskDefinition: 'web' });
    expect(run.failures).toEqual([]);
    expect(run.tasks).toHaveLength(1);
  });
});

describe('a daemon task with no room on an instance', () => {
  it('is reported as ECS reports a placement failure, and placed once the room comes back', () => {
    const sim = oneInstance('m5.large', { batch: [2048, 512], agent: [256, 256] });
    // A standalone task takes the whole instance before the daemon service exists.
    const batch = sim.runTask({ cluster: 'c', taskDefinition: 'batch' }).tasks[0].taskArn;
    sim.control.advance(30);
    sim.createService({ cluster: 'c', serviceName: 'agent', taskDefinition: 'agent', schedulingStrategy: 'DAEMON' });
    sim.control.advance(60);
    const waiting = sim.describeServices({ cluster: 'c', services: ['agent'] }).services[0];
    expect([waiting.desiredCount, waiting.runningCount]).toEqual([1, 0]);
    expect(waiting.events[0].message).toMatch(/^\(service agent\) was unable to place a task because no container instance met all of its requirements\. The closest matching \(container-instance [0-9a-f]+\) has insufficient CPU units available\./);
    const failures = sim.control.events().filter((e) => e.kind === 'eventbridge' && e.event.detail.eventName === 'SERVICE_TASK_PLACEMENT_FAILURE');
    expect(failures.map((e) => e.kind === 'eventbridge' && e.event.detail.reason)).toEqual(['RESOURCE:CPU']);

    sim.stopTask({ cluster: 'c', task: batch });
    sim.control.advance(120);
    const placed = sim.describeServices({ cluster: 'c', services: ['agent'] }).services[0];
    expect([placed.desiredCount, placed.runningCount]).toEqual([1, 1]);
  });
});
