import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../core/index.js';

describe('an image registered again mid-run', () => {
  it('changes the tasks started after it, of the same task definition, and not the ones already running', () => {
    const sim = createSimulator({ seed: 4 });
    sim.createCluster({ clusterName: 'c' });
    sim.control.addInstances({ cluster: 'c', instanceType: 'm5.large', count: 1 });
    sim.control.registerImage('app:1', { pullSeconds: 5, startSeconds: 2 });
    sim.registerTaskDefinition({ family: 'app', containerDefinitions: [{ name: 'app', image: 'app:1', memory: 128 }] });
    const first = sim.runTask({ cluster: 'c', taskDefinition: 'app' }).tasks[0].taskArn;
    sim.control.advance(30);

    // The same tag now pulls slowly and crashes a minute after it starts.
    sim.control.registerImage('app:1', { pullSeconds: 20, startSeconds: 2, crashAfterSeconds: 60, exitCode: 3 });
    const startedAt = sim.control.nowEpochSeconds;
    const second = sim.runTask({ cluster: 'c', taskDefinition: 'app' }).tasks[0].taskArn;
    sim.control.advance(120);

    const [old, fresh] = sim.describeTasks({ cluster: 'c', tasks: [first, second] }).tasks;
    expect(old.lastStatus).toBe('RUNNING');
    expect(fresh.lastStatus).toBe('STOPPED');
    expect(fresh.containers[0].exitCode).toBe(3);
    // PROVISIONING 1 s, then the new 20 s pull.
    expect(fresh.pullStoppedAt! - fresh.pullStartedAt!).toBe(20);
    expect(fresh.pullStartedAt! - startedAt).toBe(1);
  });
});
