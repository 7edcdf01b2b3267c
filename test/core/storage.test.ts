import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../core/index.js';

function cluster() {
  const sim = createSimulator();
  sim.createCluster({ clusterName: 'c' });
  sim.control.addInstances({ cluster: 'c', instanceType: 'm5.large', count: 1 });
  return sim;
}

describe('task storage', () => {
  it('is shared by the containers of a task through a task volume, and not through their own layers', () => {
    const sim = cluster();
    sim.control.registerImage('writer:1', { countsMinutesIn: '/shared/minutes' });
    sim.registerTaskDefinition({
      family: 'pair',
      volumes: [{ name: 'scratch' }],
      containerDefinitions: [
        { name: 'writer', image: 'writer:1', memory: 128, mountPoints: [{ sourceVolume: 'scratch', containerPath: '/shared' }] },
        { name: 'reader', image: 'reader:1', memory: 128, mountPoints: [{ sourceVolume: 'scratch', containerPath: '/mnt/in' }] },
        { name: 'loner', image: 'reader:1', memory: 128 },
      ],
    });
    const task = sim.runTask({ cluster: 'c', taskDefinition: 'pair' }).tasks[0].taskArn;
    sim.control.advance(8 + 120);
    expect(sim.control.readFile({ cluster: 'c', task, container: 'reader', path: '/mnt/in/minutes' })).toBe('2');
    expect(sim.control.readFile({ cluster: 'c', task, container: 'loner', path: '/shared/minutes' })).toBeUndefined();
  });

  it('fails a task whose EFS file system does not exist, with the EFS utils error', () => {
    const sim = cluster();
    sim.registerTaskDefinition({
      family: 'lost',
      volumes: [{ name: 'data', efsVolumeConfiguration: { fileSystemId: 'fs-0000000000000000' } }],
      containerDefinitions: [{ name: 'lost', image: 'lost:1', memory: 128, mountPoints: [{ sourceVolume: 'data', containerPath: '/data' }] }],
    });
    const task = sim.runTask({ cluster: 'c', taskDefinition: 'lost' }).tasks[0].taskArn;
    sim.control.advance(30);
    const [stopped] = sim.describeTasks({ cluster: 'c', tasks: [task] }).tasks;
    expect(stopped.stopCode).toBe('TaskFailedToStart');
    expect(stopped.stoppedReason).toMatch(/^ResourceInitializationError: failed to invoke EFS utils commands to set up EFS volumes: /);
  });

  it('refuses a mount point whose volume is not defined, naming it', () => {
    const sim = cluster();
    expect(() =>
      sim.registerTaskDefinition({ family: 'bad', containerDefinitions: [{ name: 'a', image: 'a:1', memory: 64, mountPoints: [{ sourceVolume: 'nope', containerPath: '/x' }] }] }),
    ).toThrow("Invalid mount point: volume 'nope' is not defined in the task definition's volumes.");
  });
});
