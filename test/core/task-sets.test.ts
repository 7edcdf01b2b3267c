import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../core/index.js';

function externalService() {
  const sim = createSimulator();
  sim.createCluster({ clusterName: 'c' });
  sim.control.addInstances({ cluster: 'c', instanceType: 'm5.large', count: 2 });
  sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:1', cpu: 256, memory: 256 }] });
  sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:2', cpu: 256, memory: 256 }] });
  sim.createService({ cluster: 'c', serviceName: 'web', taskDefinition: 'web:1', desiredCount: 4, deploymentController: { type: 'EXTERNAL' } });
  return sim;
}

const runningByRevision = (sim: ReturnType<typeof externalService>) => {
  const { tasks } = sim.describeTasks({ cluster: 'c', tasks: sim.listTasks({ cluster: 'c', serviceName: 'web' }).taskArns });
  return tasks.filter((t) => t.lastStatus === 'RUNNING').map((t) => t.taskDefinitionArn.split(':').pop()).sort().join(',');
};

describe('the EXTERNAL deployment controller', () => {
  it('runs what a CI system asks for: task sets scaled by percent, promoted and deleted through the API', () => {
    const sim = externalService();
    const blue = sim.createTaskSet({ cluster: 'c', service: 'web', taskDefinition: 'web:1', scale: { value: 100, unit: 'PERCENT' } }).taskSet;
    expect(blue.status).toBe('PRIMARY');
    sim.control.runUntilSteady({ cluster: 'c', service: 'web' });
    expect(runningByRevision(sim)).toBe('1,1,1,1');
    const green = sim.createTaskSet({ cluster: 'c', service: 'web', taskDefinition: 'web:2', scale: { value: 50, unit: 'PERCENT' }, externalId: 'build-42' }).taskSet;
    sim.control.runUntilSteady({ cluster: 'c', service: 'web' });
    expect(runningByRevision(sim)).toBe('1,1,1,1,2,2');
    sim.updateTaskSet({ cluster: 'c', service: 'web', taskSet: green.id, scale: { value: 100 } });
    sim.updateServicePrimaryTaskSet({ cluster: 'c', service: 'web', primaryTaskSet: green.id });
    sim.deleteTaskSet({ cluster: 'c', service: 'web', taskSet: blue.id });
    sim.control.runUntilSteady({ cluster: 'c', service: 'web' });
    sim.control.advance(60);
    expect(runningByRevision(sim)).toBe('2,2,2,2');
    const [only] = sim.describeTaskSets({ cluster: 'c', service: 'web' }).taskSets;
    expect(only).toMatchObject({ status: 'PRIMARY', externalId: 'build-42', computedDesiredCount: 4, stabilityStatus: 'STEADY_STATE' });
    expect(sim.control.events().some((e) => e.kind === 'service-event' && e.message === `(service web, taskSet ${green.id}) updated state to STEADY_STATE.`)).toBe(true);
  });

  it('refuses UpdateService with a new task definition, and deleting the PRIMARY set without force', () => {
    const sim = externalService();
    const set = sim.createTaskSet({ cluster: 'c', service: 'web', taskDefinition: 'web:1' }).taskSet;
    expect(() => sim.updateService({ cluster: 'c', service: 'web', taskDefinition: 'web:2' })).toThrow(/EXTERNAL deployment controller/);
    expect(() => sim.deleteTaskSet({ cluster: 'c', service: 'web', taskSet: set.id })).toThrow(/PRIMARY task set cannot be deleted/);
  });
});
