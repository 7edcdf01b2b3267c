import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../core/index.js';
import type { ContainerDefinition } from '../../core/ecs/model/types.js';

/** One m5.large; `web:1` starts in 2 s and serves; pulls take 5 s (PENDING at 1 s, ACTIVATING at 6 s). */
function cluster() {
  const sim = createSimulator();
  sim.createCluster({ clusterName: 'c' });
  sim.control.addInstances({ cluster: 'c', instanceType: 'm5.large', count: 1 });
  sim.control.registerImage('web:1', { startSeconds: 2, stopSeconds: 4 });
  return sim;
}

function runOne(sim: ReturnType<typeof cluster>, containers: ContainerDefinition[]) {
  sim.registerTaskDefinition({ family: 'app', containerDefinitions: containers });
  const arn = sim.runTask({ cluster: 'c', taskDefinition: 'app' }).tasks[0].taskArn;
  return () => sim.describeTasks({ cluster: 'c', tasks: [arn] }).tasks[0];
}

const web = (extra: Partial<ContainerDefinition> = {}): ContainerDefinition => ({ name: 'web', image: 'web:1', memory: 256, ...extra });
const secondsToRunning = (task: { createdAt?: number; startedAt?: number }) => task.startedAt! - task.createdAt!;

describe('container dependencies (dependsOn)', () => {
  it('starts the app only after a SUCCESS init container has exited 0, and the task is RUNNING then', () => {
    const sim = cluster();
    sim.control.registerImage('migrate:1', { startSeconds: 1, crashAfterSeconds: 10, exitCode: 0 });
    const task = runOne(sim, [
      { name: 'migrate', image: 'migrate:1', memory: 128, essential: false },
      web({ dependsOn: [{ containerName: 'migrate', condition: 'SUCCESS' }] }),
    ]);
    sim.control.advance(18);
    expect(task().lastStatus).not.toBe('RUNNING');
    expect(task().containers.find((c) => c.name === 'migrate')).toMatchObject({ lastStatus: 'STOPPED', exitCode: 0 });
    sim.control.advance(60);
    // ACTIVATING at 6 s, migrate runs 7-17 s, web starts 2 s later: 19 s instead of 8 s without the dependency.
    expect(secondsToRunning(task())).toBe(19);
    expect(task().containers.find((c) => c.name === 'web')!.lastStatus).toBe('RUNNING');
  });

  it('stops the task before it runs when a SUCCESS dependency exits non-zero, with the agent\'s dependency text', () => {
    const sim = cluster();
    sim.control.registerImage('migrate:broken', { startSeconds: 1, crashAfterSeconds: 3, exitCode: 2 });
    const task = runOne(sim, [
      { name: 'migrate', image: 'migrate:broken', memory: 128, essential: false },
      web({ dependsOn: [{ containerName: 'migrate', condition: 'SUCCESS' }] }),
    ]);
    sim.control.advance(120);
    expect(task()).toMatchObject({ lastStatus: 'STOPPED', stopCode: 'TaskFailedToStart', stoppedReason: 'Essential container in task exited' });
    expect(task().startedAt).toBeUndefined();
    expect(task().containers.find((c) => c.name === 'web')!.reason).toBe(
      'dependency graph: failed to resolve container ordering dependency [migrate] for target [web] as dependency did not exit successfully.',
    );
  });

  it('waits for a HEALTHY dependency\'s first passing health check', () => {
    const sim = cluster();
    sim.control.registerImage('db:1', { startSeconds: 3 });
    const task = runOne(sim, [
      { name: 'db', image: 'db:1', memory: 256, healthCheck: { command: ['CMD', 'pg_isready'], interval: 10 } },
      web({ dependsOn: [{ containerName: 'db', condition: 'HEALTHY' }] }),
    ]);
    sim.control.advance(120);
    // db starts at 9 s, passes its first check at 19 s, web starts at 21 s.
    expect(secondsToRunning(task())).toBe(21);
    expect(task().containers.find((c) => c.name === 'db')!.healthStatus).toBe('HEALTHY');
  });

  it('gives up on a dependency still unresolved after its startTimeout', () => {
    const sim = cluster();
    sim.control.registerImage('db:never-ready', { startSeconds: 3, unhealthyAfterSeconds: 0 });
    const task = runOne(sim, [
      { name: 'db', image: 'db:never-ready', memory: 256, startTimeout: 30, healthCheck: { command: ['CMD', 'pg_isready'], interval: 10 } },
      web({ dependsOn: [{ containerName: 'db', condition: 'HEALTHY' }] }),
    ]);
    sim.control.advance(38);
    expect(task().lastStatus).toBe('ACTIVATING');
    sim.control.advance(60);
    expect(task()).toMatchObject({ lastStatus: 'STOPPED', stopCode: 'TaskFailedToStart' });
    expect(task().containers.find((c) => c.name === 'web')!.reason).toBe('dependency graph: container ordering dependency [db] for target [web] has timed out.');
  });

  it('waits for ever without a startTimeout: the task never reaches RUNNING', () => {
    const sim = cluster();
    sim.control.registerImage('worker:1', { startSeconds: 1 });
    const task = runOne(sim, [
      { name: 'worker', image: 'worker:1', memory: 128, essential: false },
      web({ dependsOn: [{ containerName: 'worker', condition: 'COMPLETE' }] }),
    ]);
    sim.control.advance(6 * 3600);
    expect(task()).toMatchObject({ lastStatus: 'ACTIVATING', desiredStatus: 'RUNNING' });
  });

  it('stops containers in reverse dependency order, each with its own stopTimeout', () => {
    const sim = cluster();
    sim.control.registerImage('proxy:1', { startSeconds: 1, stopSeconds: 3 });
    const task = runOne(sim, [
      { name: 'proxy', image: 'proxy:1', memory: 128 },
      web({ stopTimeout: 2, dependsOn: [{ containerName: 'proxy', condition: 'START' }] }),
    ]);
    sim.control.advance(60);
    sim.stopTask({ cluster: 'c', task: task().taskArn });
    sim.control.advance(60);
    const stopped = task();
    // web is killed at its 2 s timeout (137); only then does the proxy get SIGTERM and exit in 3 s (143).
    expect(stopped.executionStoppedAt! - stopped.stoppingAt!).toBe(5);
    expect(stopped.containers.map((c) => [c.name, c.exitCode])).toEqual([['proxy', 143], ['web', 137]]);
  });
});

describe('dependsOn validation', () => {
  const register = (containers: ContainerDefinition[]) => () => createSimulator().registerTaskDefinition({ family: 'bad', containerDefinitions: containers });

  it('rejects a dependency on a container that is not in the task definition', () => {
    expect(register([web({ dependsOn: [{ containerName: 'db', condition: 'START' }] })])).toThrow(
      expect.objectContaining({ name: 'ClientException', message: expect.stringContaining("'db', which is not another container") }),
    );
  });

  it('rejects COMPLETE or SUCCESS on an essential container', () => {
    expect(register([{ name: 'init', image: 'init:1', memory: 64 }, web({ dependsOn: [{ containerName: 'init', condition: 'SUCCESS' }] })])).toThrow(
      "Container 'init' is essential: the dependency condition SUCCESS can't be set on an essential container.",
    );
  });

  it('rejects HEALTHY on a container without a health check', () => {
    expect(register([{ name: 'db', image: 'db:1', memory: 64 }, web({ dependsOn: [{ containerName: 'db', condition: 'HEALTHY' }] })])).toThrow(
      "'db' has no healthCheck",
    );
  });

  it('rejects a cycle, naming it', () => {
    expect(
      register([
        { name: 'a', image: 'a:1', memory: 64, dependsOn: [{ containerName: 'b', condition: 'START' }] },
        { name: 'b', image: 'b:1', memory: 64, dependsOn: [{ containerName: 'a', condition: 'START' }] },
      ]),
    ).toThrow('Container dependencies form a cycle: a -> b -> a.');
  });

  it('rejects an unknown condition and names the field', () => {
    expect(register([{ name: 'db', image: 'db:1', memory: 64 }, web({ dependsOn: [{ containerName: 'db', condition: 'READY' as 'START' }] })])).toThrow(
      expect.objectContaining({ message: expect.stringContaining('containerDefinitions[1].dependsOn[0].condition') }),
    );
  });

  it('keeps dependsOn and startTimeout in the registered definition', () => {
    const sim = createSimulator();
    const { taskDefinition } = sim.registerTaskDefinition({
      family: 'ok',
      containerDefinitions: [
        { name: 'db', image: 'db:1', memory: 64, startTimeout: 60, healthCheck: { command: ['CMD', 'true'] } },
        web({ dependsOn: [{ containerName: 'db', condition: 'HEALTHY' }] }),
      ],
    });
    expect(taskDefinition.containerDefinitions[0].startTimeout).toBe(60);
    expect(taskDefinition.containerDefinitions[1].dependsOn).toEqual([{ containerName: 'db', condition: 'HEALTHY' }]);
  });
});
