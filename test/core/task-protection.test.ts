import { describe, expect, it } from 'vitest';
import { createSimulator, type EcsSimulator } from '../../core/index.js';

/** A settled service of 3 tasks of web:1 on two instances; web:2 registered. */
function threeTasks(): { sim: EcsSimulator; taskArns: string[] } {
  const sim = createSimulator({ seed: 4 });
  sim.createCluster({ clusterName: 'demo' });
  sim.control.addInstances({ cluster: 'demo', instanceType: 'm5.large', count: 2 });
  for (const image of ['web:1', 'web:2']) sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image, cpu: 256, memory: 256 }] });
  sim.createService({ cluster: 'demo', serviceName: 'web', taskDefinition: 'web:1', desiredCount: 3 });
  sim.control.runUntilSteady({ cluster: 'demo', service: 'web' });
  return { sim, taskArns: sim.listTasks({ cluster: 'demo', serviceName: 'web' }).taskArns };
}

const running = (sim: EcsSimulator) => sim.listTasks({ cluster: 'demo', serviceName: 'web' }).taskArns;

describe('task scale-in protection', () => {
  it('protects for 120 minutes by default, answers the expiry, and reports unknown tasks as failures', () => {
    const { sim, taskArns } = threeTasks();
    const now = sim.control.nowEpochSeconds;
    const { protectedTasks, failures } = sim.updateTaskProtection({ cluster: 'demo', tasks: [taskArns[0], 'nope'], protectionEnabled: true });
    expect(protectedTasks).toEqual([{ taskArn: taskArns[0], protectionEnabled: true, expirationDate: now + 120 * 60 }]);
    expect(failures).toEqual([{ arn: 'nope', reason: 'MISSING' }]);
    expect(sim.getTaskProtection({ cluster: 'demo', tasks: [taskArns[1]] }).protectedTasks).toEqual([{ taskArn: taskArns[1], protectionEnabled: false }]);
    expect(() => sim.updateTaskProtection({ cluster: 'demo', tasks: [taskArns[0]], protectionEnabled: true, expiresInMinutes: 2881 })).toThrow(expect.objectContaining({ name: 'InvalidParameterException' }));
  });

  it('keeps protected tasks through a scale-in, and lets them go once protection ends', () => {
    const { sim, taskArns } = threeTasks();
    sim.updateTaskProtection({ cluster: 'demo', tasks: taskArns.slice(0, 2), protectionEnabled: true, expiresInMinutes: 30 });
    sim.updateService({ cluster: 'demo', service: 'web', desiredCount: 0 });
    sim.control.advance(20 * 60);
    expect(running(sim).sort()).toEqual(taskArns.slice(0, 2).sort());
    sim.control.advance(15 * 60);
    expect(running(sim)).toEqual([]);
  });

  it('holds a deployment back from replacing a protected task until the protection is turned off', () => {
    const { sim, taskArns } = threeTasks();
    sim.updateTaskProtection({ cluster: 'demo', tasks: [taskArns[0]], protectionEnabled: true });
    sim.updateService({ cluster: 'demo', service: 'web', taskDefinition: 'web:2' });
    sim.control.advance(30 * 60);
    expect(running(sim)).toContain(taskArns[0]);
    expect(sim.describeServices({ cluster: 'demo', services: ['web'] }).services[0].deployments).toHaveLength(2);
    sim.updateTaskProtection({ cluster: 'demo', tasks: [taskArns[0]], protectionEnabled: false });
    expect(sim.control.runUntilSteady({ cluster: 'demo', service: 'web', maxSeconds: 600 })).toBe(true);
    expect(running(sim)).not.toContain(taskArns[0]);
  });
});

describe('task scale-in protection in daemon services and task sets', () => {
  it('a DAEMON service deployment replaces every task but the protected one until its protection ends', () => {
    const sim = createSimulator({ seed: 4 });
    sim.createCluster({ clusterName: 'demo' });
    sim.control.addInstances({ cluster: 'demo', instanceType: 'm5.large', count: 3 });
    for (const image of ['agent:1', 'agent:2']) sim.registerTaskDefinition({ family: 'agent', containerDefinitions: [{ name: 'agent', image, cpu: 128, memory: 128 }] });
    sim.createService({ cluster: 'demo', serviceName: 'agent', taskDefinition: 'agent:1', schedulingStrategy: 'DAEMON' });
    sim.control.runUntilSteady({ cluster: 'demo', service: 'agent' });
    const [kept] = sim.listTasks({ cluster: 'demo', serviceName: 'agent' }).taskArns;
    sim.updateTaskProtection({ cluster: 'demo', tasks: [kept], protectionEnabled: true, expiresInMinutes: 30 });
    sim.updateService({ cluster: 'demo', service: 'agent', taskDefinition: 'agent:2' });
    sim.control.advance(20 * 60);
    const revisions = () => sim.describeTasks({ cluster: 'demo', tasks: sim.listTasks({ cluster: 'demo', serviceName: 'agent' }).taskArns }).tasks.map((t) => `${t.taskArn === kept ? 'kept' : 'other'}:${t.taskDefinitionArn.split(':').pop()}`).sort();
    expect(revisions()).toEqual(['kept:1', 'other:2', 'other:2']);
    sim.control.advance(15 * 60);
    expect(revisions()).toEqual(['other:2', 'other:2', 'other:2']);
  });

  it('a deleted task set keeps its protected task until the protection ends, then goes', () => {
    const sim = createSimulator({ seed: 4 });
    sim.createCluster({ clusterName: 'c' });
    sim.control.addInstances({ cluster: 'c', instanceType: 'm5.large', count: 2 });
    for (const image of ['web:1', 'web:2']) sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image, cpu: 256, memory: 256 }] });
    sim.createService({ cluster: 'c', serviceName: 'web', taskDefinition: 'web:1', desiredCount: 2, deploymentController: { type: 'EXTERNAL' } });
    const blue = sim.createTaskSet({ cluster: 'c', service: 'web', taskDefinition: 'web:1', scale: { value: 100, unit: 'PERCENT' } }).taskSet;
    sim.updateServicePrimaryTaskSet({ cluster: 'c', service: 'web', primaryTaskSet: blue.id });
    sim.control.runUntilSteady({ cluster: 'c', service: 'web' });
    const [kept] = sim.listTasks({ cluster: 'c', serviceName: 'web' }).taskArns;
    sim.updateTaskProtection({ cluster: 'c', tasks: [kept], protectionEnabled: true, expiresInMinutes: 10 });
    const green = sim.createTaskSet({ cluster: 'c', service: 'web', taskDefinition: 'web:2', scale: { value: 100, unit: 'PERCENT' } }).taskSet;
    sim.updateServicePrimaryTaskSet({ cluster: 'c', service: 'web', primaryTaskSet: green.id });
    sim.deleteTaskSet({ cluster: 'c', service: 'web', taskSet: blue.id });
    sim.control.advance(5 * 60);
    const sets = () => sim.describeTaskSets({ cluster: 'c', service: 'web' }).taskSets.map((s) => `${s.status}:${s.runningCount}`);
    expect(sets().sort()).toEqual(['DRAINING:1', 'PRIMARY:2']);
    expect(sim.listTasks({ cluster: 'c', serviceName: 'web' }).taskArns).toContain(kept);
    sim.control.advance(6 * 60);
    expect(sets()).toEqual(['PRIMARY:2']);
    expect(sim.listTasks({ cluster: 'c', serviceName: 'web' }).taskArns).not.toContain(kept);
  });
});
