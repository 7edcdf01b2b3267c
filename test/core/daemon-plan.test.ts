import { describe, expect, it } from 'vitest';
import { planDaemonPass } from '../../core/ecs/services/daemon-plan.js';
import { definition, deployment, instance, instanceArn, passInput, service, task } from './plan-records.js';

const daemon = service({ deploymentConfiguration: { minimumHealthyPercent: 0, maximumPercent: 100 } });
const owner = { id: 'new', taskDefinitionArn: definition(2) };

describe('the daemon decider (a pure function of the service, its tasks and the instances)', () => {
  it('wants one task per eligible instance, each start pinned to its instance', () => {
    const instances = [
      instance('a'),
      instance('b'),
      instance('draining', { status: 'DRAINING' }),
      instance('offline', { agentConnected: false }),
      instance('on-premises', { external: true }),
    ];
    const plan = planDaemonPass(passInput({ service: daemon, tasks: [task('t1', 'new', 'a')], instances }));
    expect(plan).toEqual({
      desiredCount: 2,
      wakeAt: [],
      steps: [{ stop: [], start: [{ owner, count: 1, placement: { kind: 'instance', instanceArn: instanceArn('b') } }] }],
      conditions: [{ key: 'deployment-configuration' }],
      deployments: { retire: [] },
    });
  });

  it('on a new deployment stops the old task on each instance first, then starts the new one where nothing is left', () => {
    const service = { ...daemon, deployments: [deployment('new', 2), deployment('old', 1, { status: 'ACTIVE' as const })] };
    const plan = planDaemonPass(passInput({ service, tasks: [task('t1', 'old', 'a'), task('t2', 'old', 'b', { desiredStatus: 'STOPPED' })] }));
    expect(plan.steps).toEqual([
      {
        stop: [{ taskArn: task('t1', 'old', 'a').arn, taskId: 't1', why: { kind: 'scaling-activity', deploymentId: 'old' } }],
        start: [],
      },
    ]);
  });

  it('stops the task on an instance that is draining, and completes once every instance runs a healthy new task', () => {
    const tasks = [task('t1', 'new', 'a'), task('t2', 'new', 'b')];
    expect(planDaemonPass(passInput({ service: daemon, tasks })).deployments).toEqual({ retire: [], complete: { deploymentId: 'new', reason: 'ECS deployment new completed.' } });
    const draining = planDaemonPass(passInput({ service: daemon, tasks, instances: [instance('a'), instance('b', { status: 'DRAINING' })] }));
    expect(draining.desiredCount).toBe(1);
    expect(draining.steps[0].stop.map((s) => s.taskId)).toEqual(['t2']);
  });

  it('leaves an older task under scale-in protection in place, and looks again when the protection ends', () => {
    const service = { ...daemon, deployments: [deployment('new', 2), deployment('old', 1, { status: 'ACTIVE' as const })] };
    const tasks = [task('t1', 'old', 'a', { protectedUntil: 900_000 }), task('t2', 'old', 'b')];
    const plan = planDaemonPass(passInput({ service, tasks, now: 600_000 }));
    expect(plan.steps[0].stop.map((s) => s.taskId)).toEqual(['t2']);
    expect(plan.wakeAt).toEqual([900_000]);
    expect(plan.conditions).toEqual([{ key: 'deployment-configuration' }]);
    expect(planDaemonPass(passInput({ service, tasks, now: 900_000 })).steps[0].stop.map((s) => s.taskId)).toEqual(['t1', 't2']);
  });
});
