import { describe, expect, it } from 'vitest';
import { decideManagedDaemonPass, type DaemonInstance, type DaemonTaskView, type ManagedDaemonInput } from '../../core/ecs/services/managed-daemon-deployment.js';
import type { DaemonDeploymentRecord } from '../../core/ecs/model/managed-daemon-state.js';

/** A daemon created at 100 s, revisions r1 (critical) and r2; instances i1..; everything frozen. */
const MIN = 60_000;
const r1 = 'revision/1';
const r2 = 'revision/2';
const revisions = [
  { arn: r1, critical: true, daemonTaskDefinitionArn: 'td:1' },
  { arn: r2, critical: true, daemonTaskDefinitionArn: 'td:2' },
];

const instance = (n: number, extra: Partial<DaemonInstance> = {}): DaemonInstance => ({
  arn: `i${n}`,
  status: 'ACTIVE',
  agentConnected: true,
  registeredAt: 100_000 + n * 1000,
  covered: true,
  ...extra,
});

const task = (on: number, revisionArn: string, extra: Partial<DaemonTaskView> = {}): DaemonTaskView => ({
  instanceArn: `i${on}`,
  revisionArn,
  live: true,
  unhealthy: false,
  failed: false,
  createdAt: 200_000,
  ...extra,
});

const deployment = (extra: Partial<DaemonDeploymentRecord> = {}): DaemonDeploymentRecord => ({
  arn: 'deployment/2',
  status: 'IN_PROGRESS',
  targetRevisionArn: r2,
  sourceRevisionArns: [r1],
  configuration: { drainPercent: 25, bakeTimeInMinutes: 0 },
  capacityProviders: ['managed'],
  createdAt: 1_000_000,
  startedAt: 1_000_000,
  draining: [],
  failedTasks: 0,
  ...extra,
});

function decide(input: Partial<ManagedDaemonInput> & { deployment: DaemonDeploymentRecord }) {
  const full: ManagedDaemonInput = {
    now: 2_000_000,
    daemon: { createdAt: 100_000, revisions, targetRevisionArn: input.deployment.rollback?.targetRevisionArn ?? input.deployment.targetRevisionArn },
    instances: [],
    tasks: [],
    firingAlarms: [],
    ...input,
  };
  return decideManagedDaemonPass(deepFreeze(full));
}

const done = deployment({ status: 'SUCCESSFUL', finishedAt: 1_500_000 });

describe('the Managed Daemon decider: one daemon task per instance', () => {
  it('starts the revision it deploys on each instance that came after the daemon, and none on an older one or another provider', () => {
    const decision = decide({
      deployment: done,
      instances: [instance(1), instance(2, { registeredAt: 50_000 }), instance(3, { covered: false }), instance(4, { agentConnected: false })],
    });
    expect(decision.startOn).toEqual([{ instanceArn: 'i1', revisionArn: r2 }]);
    expect(decision.drain).toEqual([]);
  });

  it("drains the instance of a critical daemon's task that stopped or turned unhealthy, and starts a non-critical one again", () => {
    const stopped = [task(1, r2, { live: false })];
    expect(decide({ deployment: done, instances: [instance(1)], tasks: stopped })).toMatchObject({ startOn: [], drain: ['i1'] });
    expect(decide({ deployment: done, instances: [instance(1)], tasks: [task(1, r2, { unhealthy: true })] }).drain).toEqual(['i1']);
    const relaxed = { createdAt: 100_000, revisions: revisions.map((r) => ({ ...r, critical: false })), targetRevisionArn: r2 };
    expect(decide({ deployment: done, daemon: relaxed, instances: [instance(1)], tasks: stopped })).toMatchObject({ startOn: [{ instanceArn: 'i1', revisionArn: r2 }], drain: [] });
  });
});

describe('a Managed Daemon deployment', () => {
  const four = [instance(1), instance(2), instance(3), instance(4)];
  const onR1 = [task(1, r1), task(2, r1), task(3, r1), task(4, r1)];

  it('drains drainPercent of the instances at a time, rounded up, oldest first', () => {
    const decision = decide({ deployment: deployment({ configuration: { drainPercent: 30, bakeTimeInMinutes: 0 } }), instances: four, tasks: onR1 });
    expect(decision.drain).toEqual(['i1', 'i2']);
    expect(decision.deployment.draining).toEqual(['i1', 'i2']);
  });

  it('starts the moment it is PENDING, and drains one instance at a time with drainPercent 0', () => {
    const decision = decide({ deployment: deployment({ status: 'PENDING', startedAt: undefined, configuration: { drainPercent: 0, bakeTimeInMinutes: 0 } }), instances: four, tasks: onR1 });
    expect(decision.deployment).toMatchObject({ status: 'IN_PROGRESS', startedAt: 2_000_000, draining: ['i1'] });
  });

  it('waits while the batch drains, then bakes, then drains the next batch', () => {
    const draining = deployment({ draining: ['i1'], configuration: { drainPercent: 25, bakeTimeInMinutes: 5 } });
    const tasks = [...onR1.slice(1), task(5, r2)];
    const waiting = decide({ deployment: draining, instances: [instance(1, { status: 'DRAINING' }), ...four.slice(1), instance(5)], tasks });
    expect(waiting.drain).toEqual([]);
    expect(waiting.deployment.draining).toEqual(['i1']);
    const left = decide({ deployment: draining, instances: [instance(1, { status: 'INACTIVE' }), ...four.slice(1), instance(5)], tasks });
    expect(left.deployment).toMatchObject({ draining: [], bakingSince: 2_000_000 });
    expect(left.drain).toEqual([]);
    expect(left.wakeAt).toEqual([2_000_000 + 5 * MIN]);
    const baked = decide({ deployment: deployment({ bakingSince: 2_000_000, configuration: { drainPercent: 25, bakeTimeInMinutes: 5 } }), now: 2_000_000 + 5 * MIN, instances: [...four.slice(1), instance(5)], tasks });
    expect(baked.drain).toEqual(['i2']);
  });

  it('is SUCCESSFUL once every instance runs the revision it deploys', () => {
    const decision = decide({ deployment: deployment(), instances: [instance(5), instance(6)], tasks: [task(5, r2), task(6, r2)] });
    expect(decision.deployment).toMatchObject({ status: 'SUCCESSFUL', finishedAt: 2_000_000 });
    expect(decision.drain).toEqual([]);
  });

  it('rolls back to the revision before when one of its alarms goes off, and the new instances get that one', () => {
    const decision = decide({
      deployment: deployment({ configuration: { drainPercent: 25, bakeTimeInMinutes: 0, alarms: { alarmNames: ['errors'], enable: true } } }),
      previousRevisionArn: r1,
      firingAlarms: ['errors'],
      instances: [instance(1), instance(2), instance(3), instance(5)],
      tasks: [task(1, r1), task(2, r1), task(3, r2)],
    });
    expect(decision.deployment).toMatchObject({
      status: 'ROLLBACK_IN_PROGRESS',
      statusReason: 'ECS deployment failed: alarm errors in ALARM state.',
      triggeredAlarms: ['errors'],
      rollback: { reason: 'ECS deployment failed: alarm errors in ALARM state.', startedAt: 2_000_000, targetRevisionArn: r1 },
    });
    expect(decision.startOn).toEqual([{ instanceArn: 'i5', revisionArn: r1 }]);
    expect(decision.drain).toEqual(['i3']);
  });

  it('rolls back when as many tasks of the new revision failed as the circuit breaker allows, and stops with nothing to go back to', () => {
    const failed = [5, 6, 7].map((n) => task(n, r2, { live: false, failed: true, createdAt: 1_500_000 }));
    const instances = [instance(1), instance(2), instance(3)];
    expect(decide({ deployment: deployment(), previousRevisionArn: r1, instances, tasks: [task(1, r1), task(2, r1), task(3, r2), ...failed] }).deployment).toMatchObject({
      status: 'ROLLBACK_IN_PROGRESS',
      rollback: { reason: 'ECS deployment circuit breaker: tasks failed to start.', targetRevisionArn: r1 },
    });
    expect(decide({ deployment: deployment(), instances, tasks: [task(1, r1), task(2, r1), ...failed.slice(0, 2)] }).deployment.status).toBe('IN_PROGRESS');
    expect(decide({ deployment: deployment(), instances, tasks: [task(1, r1), task(2, r1), ...failed] }).deployment).toMatchObject({ status: 'STOPPED', stoppedAt: 2_000_000 });
  });

  it('ends ROLLBACK_SUCCESSFUL when every instance runs the old revision again, ROLLBACK_FAILED when that one fails too', () => {
    const rollingBack = deployment({ status: 'ROLLBACK_IN_PROGRESS', rollback: { reason: 'alarm', startedAt: 1_500_000, targetRevisionArn: r1 } });
    expect(decide({ deployment: rollingBack, instances: [instance(5)], tasks: [task(5, r1)] }).deployment.status).toBe('ROLLBACK_SUCCESSFUL');
    const failing = [5, 6, 7].map((n) => task(n, r1, { live: false, failed: true, createdAt: 1_600_000 }));
    expect(decide({ deployment: rollingBack, instances: [instance(1)], tasks: [task(1, r2), ...failing] }).deployment.status).toBe('ROLLBACK_FAILED');
  });

  it('deletes the daemon by draining every instance that runs it, then is over', () => {
    const deleting = deployment({ targetRevisionArn: undefined });
    const decision = decide({ deployment: deleting, daemon: { createdAt: 100_000, revisions }, instances: [instance(1), instance(2), instance(5)], tasks: [task(1, r1), task(2, r1)] });
    expect(decision.startOn).toEqual([]);
    expect(decision.drain).toEqual(['i1']);
    const over = decide({ deployment: deleting, daemon: { createdAt: 100_000, revisions }, instances: [instance(5)], tasks: [] });
    expect(over).toMatchObject({ remove: true, deployment: { status: 'SUCCESSFUL' } });
  });
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') for (const v of Object.values(value)) deepFreeze(v);
  return Object.freeze(value);
}
