import { describe, expect, it } from 'vitest';
import { decideRollingPass, deploymentBounds, type RollingInput } from '../../core/index.js';
import { decideDaemonPass } from '../../core/ecs/services/daemon-deployment.js';

type TaskSpec = { deployment: 'old' | 'new'; healthy?: boolean; pending?: boolean; stopping?: boolean; displaced?: boolean; unhealthy?: boolean; protected?: boolean };

function input(desiredCount: number, min: number, max: number, specs: TaskSpec[]): RollingInput {
  return {
    desiredCount,
    minimumHealthyPercent: min,
    maximumPercent: max,
    primaryDeploymentId: 'new',
    tasks: specs.map((s, i) => ({
      taskArn: `task-${i}`,
      deploymentId: s.deployment,
      healthy: s.healthy ?? !s.pending,
      pending: s.pending ?? false,
      stopping: s.stopping ?? false,
      displaced: s.displaced,
      unhealthy: s.unhealthy,
      protected: s.protected,
      availabilityZone: i % 2 ? 'us-east-1a' : 'us-east-1b',
      containerInstanceId: `i-${i % 3}`,
      createdAt: i,
    })),
  };
}

const healthyOld = (n: number): TaskSpec[] => Array.from({ length: n }, () => ({ deployment: 'old' }));

describe('deployment bounds', () => {
  it('rounds the upper bound down and the lower bound up, as the Developer Guide examples say', () => {
    expect(deploymentBounds(4, 50, 200)).toEqual({ lower: 2, upper: 8 });
    expect(deploymentBounds(2, 75, 200)).toEqual({ lower: 2, upper: 4 });
    expect(deploymentBounds(3, 50, 125)).toEqual({ lower: 2, upper: 3 });
  });
});

describe('one rolling-update pass', () => {
  it('with the defaults starts every new task first and stops nothing while old tasks are all needed', () => {
    const decision = decideRollingPass(input(6, 100, 200, healthyOld(6)));
    expect(decision.stop).toEqual([]);
    expect(decision.startCount).toBe(6);
  });

  it('with min 50 % / max 100 % stops half the old tasks and starts as many new ones', () => {
    const decision = decideRollingPass(input(4, 50, 100, healthyOld(4)));
    expect(decision.stop).toHaveLength(2);
    expect(decision.startCount).toBe(2);
  });

  it('with min 50 % / max 125 % and 3 tasks stops one old task and starts one new one', () => {
    const decision = decideRollingPass(input(3, 50, 125, healthyOld(3)));
    expect(decision.stop).toHaveLength(1);
    expect(decision.startCount).toBe(1);
  });

  it('with 100 % / 100 % can neither stop nor start, and says it is blocked by the configuration', () => {
    const decision = decideRollingPass(input(3, 100, 100, healthyOld(3)));
    expect(decision).toMatchObject({ startCount: 0, stop: [], blockedByConfiguration: true, complete: false });
  });

  it('is not blocked while new tasks are still on their way to healthy', () => {
    const decision = decideRollingPass(input(3, 50, 125, [...healthyOld(2), { deployment: 'new', pending: true }]));
    expect(decision.blockedByConfiguration).toBe(false);
    expect(decision.startCount).toBe(0);
    expect(decision.stop).toEqual([]);
  });

  it('stops old tasks once new ones are healthy, keeping the healthy count at the lower bound', () => {
    const tasks = [...healthyOld(6), { deployment: 'new' as const }, { deployment: 'new' as const }];
    const decision = decideRollingPass(input(6, 100, 200, tasks));
    expect(decision.stop).toHaveLength(2);
    expect(decision.stop.every((arn) => Number(arn.split('-')[1]) < 6)).toBe(true);
  });

  it('stops old tasks that are not healthy without counting them against the minimum', () => {
    const tasks: TaskSpec[] = [...healthyOld(3), { deployment: 'old', pending: true }];
    const decision = decideRollingPass(input(4, 100, 100, tasks));
    expect(decision.stop).toEqual(['task-3']);
  });

  it('leaves an old task that is not healthy yet alone while it is protected from scale-in', () => {
    const tasks: TaskSpec[] = [...healthyOld(3), { deployment: 'old', pending: true, protected: true }];
    expect(decideRollingPass(input(4, 100, 100, tasks)).stop).toEqual([]);
  });

  it('reports completion only when every desired task of the new deployment is healthy and no old task is left', () => {
    const newTasks = (n: number): TaskSpec[] => Array.from({ length: n }, () => ({ deployment: 'new' }));
    expect(decideRollingPass(input(2, 100, 200, newTasks(2))).complete).toBe(true);
    expect(decideRollingPass(input(2, 100, 200, [...newTasks(2), { deployment: 'old', stopping: true }])).complete).toBe(false);
    expect(decideRollingPass(input(2, 100, 200, [{ deployment: 'new' }, { deployment: 'new', pending: true }])).complete).toBe(false);
  });

  it('scales in a steady service down to the new desired count, never below the lower bound', () => {
    const tasks: TaskSpec[] = Array.from({ length: 6 }, () => ({ deployment: 'new' }));
    const decision = decideRollingPass(input(4, 100, 200, tasks));
    expect(decision.stop).toHaveLength(2);
    expect(decision.startCount).toBe(0);
  });

  it('replaces tasks on a draining instance by starting new ones first with 100 % / 200 % (reference behaviour 9)', () => {
    const tasks: TaskSpec[] = [{ deployment: 'new', displaced: true }, { deployment: 'new', displaced: true }];
    const first = decideRollingPass(input(2, 100, 200, tasks));
    expect(first.stop).toEqual([]);
    expect(first.startCount).toBe(2);
    const later = decideRollingPass(input(2, 100, 200, [...tasks, { deployment: 'new' }, { deployment: 'new' }]));
    expect(later.stop.sort()).toEqual(['task-0', 'task-1']);
    expect(later.startCount).toBe(0);
  });

  it('stops a pending task on a draining instance at once', () => {
    const decision = decideRollingPass(input(2, 100, 100, [{ deployment: 'new' }, { deployment: 'new', pending: true, displaced: true }]));
    expect(decision.stop).toEqual(['task-1']);
    expect(decision.startCount).toBe(1);
  });

  it('replaces an unhealthy task whatever the bounds say', () => {
    const decision = decideRollingPass(input(2, 100, 100, [{ deployment: 'new' }, { deployment: 'new', unhealthy: true }]));
    expect(decision.replaceUnhealthy).toEqual(['task-1']);
    expect(decision.startCount).toBe(1);
  });

  it('starts nothing while launches are held back', () => {
    const decision = decideRollingPass({ ...input(3, 100, 200, healthyOld(3)), launchesAllowed: false });
    expect(decision.startCount).toBe(0);
    expect(decision.blockedByConfiguration).toBe(false);
  });
});

describe('one daemon pass', () => {
  const task = (instanceId: string, deploymentId: string, extra: Partial<{ healthy: boolean; stopping: boolean }> = {}) => ({
    taskArn: `${deploymentId}-${instanceId}`,
    instanceId,
    deploymentId,
    healthy: extra.healthy ?? true,
    stopping: extra.stopping ?? false,
  });

  it('starts one task on every eligible instance that has none', () => {
    const decision = decideDaemonPass({ eligibleInstanceIds: ['a', 'b', 'c'], primaryDeploymentId: 'new', minimumHealthyPercent: 0, tasks: [task('a', 'new')] });
    expect(decision.startOn).toEqual(['b', 'c']);
    expect(decision.complete).toBe(false);
  });

  it('stops the old task on an instance before starting the new one there', () => {
    const decision = decideDaemonPass({ eligibleInstanceIds: ['a', 'b'], primaryDeploymentId: 'new', minimumHealthyPercent: 0, tasks: [task('a', 'old'), task('b', 'old')] });
    expect(decision.stop).toEqual(['old-a', 'old-b']);
    expect(decision.startOn).toEqual([]);
  });

  it('keeps enough healthy daemons when minimumHealthyPercent asks for it', () => {
    const decision = decideDaemonPass({ eligibleInstanceIds: ['a', 'b', 'c', 'd'], primaryDeploymentId: 'new', minimumHealthyPercent: 50, tasks: ['a', 'b', 'c', 'd'].map((i) => task(i, 'old')) });
    expect(decision.stop).toEqual(['old-a', 'old-b']);
  });

  it('stops the daemon task of an instance that is no longer eligible (draining)', () => {
    const decision = decideDaemonPass({ eligibleInstanceIds: ['a'], primaryDeploymentId: 'new', minimumHealthyPercent: 0, tasks: [task('a', 'new'), task('b', 'new')] });
    expect(decision.stop).toEqual(['new-b']);
    expect(decision.startOn).toEqual([]);
  });

  it('is complete when every eligible instance runs a healthy task of the newest deployment', () => {
    expect(decideDaemonPass({ eligibleInstanceIds: ['a', 'b'], primaryDeploymentId: 'new', minimumHealthyPercent: 0, tasks: [task('a', 'new'), task('b', 'new')] }).complete).toBe(true);
  });
});

describe('a daemon that cannot move', () => {
  it('says it is blocked by its deployment configuration when minimumHealthyPercent keeps every old task', () => {
    const tasks = ['a', 'b'].map((i) => ({ taskArn: `old-${i}`, instanceId: i, deploymentId: 'old', healthy: true, stopping: false }));
    const decision = decideDaemonPass({ eligibleInstanceIds: ['a', 'b'], primaryDeploymentId: 'new', minimumHealthyPercent: 100, tasks });
    expect(decision).toMatchObject({ stop: [], startOn: [], blockedByConfiguration: true });
  });
});
