import { describe, expect, it } from 'vitest';
import { planRollingPass } from '../../core/ecs/services/rolling-plan.js';
import { definition, deployment, instance, passInput, service, task } from './plan-records.js';

const rolling = service({ deployments: [deployment('new', 2), deployment('old', 1, { status: 'ACTIVE', rolloutState: 'COMPLETED' })] });
const blocked =
  '(service web) was unable to stop or start tasks during a deployment because of the service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.';

describe('the rolling decider (a pure function of the service, its tasks and the time)', () => {
  it('with the defaults starts the new deployment\'s tasks first and stops nothing', () => {
    const plan = planRollingPass(passInput({ service: rolling, tasks: [task('t1', 'old', 'a'), task('t2', 'old', 'b')] }));
    expect(plan).toEqual({
      wakeAt: [],
      steps: [{ stop: [], start: [{ owner: { id: 'new', taskDefinitionArn: definition(2) }, count: 2, placement: { kind: 'service' } }] }],
      conditions: [{ key: 'deployment-configuration' }],
      deployments: { retire: [] },
    });
  });

  it('stops old tasks once the new ones are healthy, each with its own deployment as the reason', () => {
    const tasks = [task('t1', 'old', 'a'), task('t2', 'old', 'b'), task('t3', 'new', 'a'), task('t4', 'new', 'b')];
    const [step] = planRollingPass(passInput({ service: rolling, tasks })).steps;
    expect(step.start).toEqual([]);
    expect(step.stop.map((s) => [s.taskId, s.why]).sort()).toEqual([
      ['t1', { kind: 'scaling-activity', deploymentId: 'old' }],
      ['t2', { kind: 'scaling-activity', deploymentId: 'old' }],
    ]);
  });

  it('completes the deployment and retires the old one when every new task is healthy and nothing old is left', () => {
    const plan = planRollingPass(passInput({ service: rolling, tasks: [task('t3', 'new', 'a'), task('t4', 'new', 'b')] }));
    expect(plan.deployments).toEqual({ retire: ['old'], complete: { deploymentId: 'new', reason: 'ECS deployment new completed.' } });
    expect(plan.steady).toEqual({ reached: true, eventBridge: true });
    expect(plan.steps).toEqual([{ stop: [], start: [] }]);
  });

  it('replaces a task its target group finds unhealthy once the grace period is over, and wakes when another one\'s grace ends', () => {
    const target = { targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/blue/1', id: 'i-0a', port: 32768, description: 'Health checks failed' };
    const tasks = [
      task('sick', 'new', 'a', { elbUnhealthyTarget: target, startedAt: 0 }),
      task('young', 'new', 'b', { healthStatus: 'UNHEALTHY', startedAt: 500_000 }),
    ];
    const plan = planRollingPass(passInput({ service: service({ healthCheckGracePeriodSeconds: 300 }), tasks, now: 600_000 }));
    expect(plan.wakeAt).toEqual([800_000]);
    expect(plan.steps[0].stop).toEqual([{ taskArn: tasks[0].arn, taskId: 'sick', why: { kind: 'failed-elb-health-checks', target } }]);
    expect(plan.steps[0].start).toEqual([{ owner: { id: 'new', taskDefinitionArn: definition(2) }, count: 1, placement: { kind: 'service' } }]);
  });

  it('starts nothing while start failures are throttled, and wakes when the wait ends', () => {
    const plan = planRollingPass(passInput({ service: service({ nextLaunchAllowedAt: 615_000 }), now: 600_000 }));
    expect(plan.wakeAt).toEqual([615_000]);
    expect(plan.steps[0].start).toEqual([]);
  });

  it('starts nothing for a FAILED deployment', () => {
    const plan = planRollingPass(passInput({ service: service({ deployments: [deployment('new', 2, { rolloutState: 'FAILED' })] }) }));
    expect(plan.steps[0].start).toEqual([]);
  });

  it('splits the new tasks over the capacity provider strategy, counting the tasks that stay', () => {
    const strategy = [
      { capacityProvider: 'FARGATE', base: 1, weight: 1 },
      { capacityProvider: 'FARGATE_SPOT', weight: 1 },
    ];
    // Two tasks already on FARGATE satisfy its base and its share: the next two go one to each.
    const kept = [task('t1', 'new', 'a', { capacityProviderName: 'FARGATE' }), task('t2', 'new', 'a', { capacityProviderName: 'FARGATE' })];
    const plan = planRollingPass(passInput({ service: service({ desiredCount: 4, capacityProviderStrategy: strategy }), tasks: kept }));
    expect(plan.steps[0].start.map((s) => [s.placement, s.count])).toEqual([
      [{ kind: 'service', capacityProvider: 'FARGATE_SPOT' }, 1],
      [{ kind: 'service', capacityProvider: 'FARGATE' }, 1],
    ]);
  });

  it('says in ECS\'s words when minimumHealthyPercent and maximumPercent leave it no move', () => {
    const stuck = service({ ...rolling, deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 100 } });
    const plan = planRollingPass(passInput({ service: stuck, tasks: [task('t1', 'old', 'a'), task('t2', 'old', 'b')], instances: [instance('a'), instance('b')] }));
    expect(plan.conditions).toEqual([{ key: 'deployment-configuration', message: blocked }]);
    expect(plan.steps).toEqual([{ stop: [], start: [] }]);
  });
});
