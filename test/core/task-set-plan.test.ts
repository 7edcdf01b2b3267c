import { describe, expect, it } from 'vitest';
import { planTaskSetPass } from '../../core/ecs/services/task-set-plan.js';
import { definition, instance, passInput, service, task, taskSet } from './plan-records.js';

const external = (sets: ReturnType<typeof taskSet>[], maximumPercent = 200) =>
  service({ desiredCount: 4, taskSets: sets, deployments: [], deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent } });
const running = (setId: string, n: number, on = 'a') => Array.from({ length: n }, (_, i) => task(`${setId}-${i}`, setId, on));

describe('the task-set decider (a pure function of the service, its task sets and tasks)', () => {
  it('gives each set its computed count of tasks, one step per set, and the service is not steady yet', () => {
    const plan = planTaskSetPass(passInput({ service: external([taskSet('blue', 1, 100), taskSet('green', 2, 50)]), tasks: running('blue', 4) }));
    expect(plan).toEqual({
      wakeAt: [],
      steps: [
        { stop: [], start: [], taskSet: { id: 'blue', stabilityStatus: 'STEADY_STATE' } },
        { stop: [], start: [{ owner: { id: 'green', taskDefinitionArn: definition(2) }, count: 2, placement: { kind: 'service' } }], taskSet: { id: 'green', stabilityStatus: 'STABILIZING' } },
      ],
      conditions: [],
      steady: { reached: false },
    });
  });

  it('calls the service steady when every set has its count healthy', () => {
    const plan = planTaskSetPass(passInput({ service: external([taskSet('blue', 1, 100), taskSet('green', 2, 50)]), tasks: [...running('blue', 4), ...running('green', 2)] }));
    expect(plan.steady).toEqual({ reached: true });
  });

  it('scales a DRAINING set to zero, then removes it once its tasks are gone', () => {
    const draining = taskSet('blue', 1, 100, { status: 'DRAINING' });
    const first = planTaskSetPass(passInput({ service: external([draining, taskSet('green', 2, 100)]), tasks: [...running('blue', 1), ...running('green', 4)] }));
    expect(first.steps[0]).toEqual({
      stop: [{ taskArn: task('blue-0', 'blue', 'a').arn, taskId: 'blue-0', why: { kind: 'scaling-activity', deploymentId: 'blue' } }],
      start: [],
      taskSet: { id: 'blue', stabilityStatus: 'STABILIZING' },
    });
    const then = planTaskSetPass(passInput({ service: external([draining, taskSet('green', 2, 100)]), tasks: running('green', 4) }));
    expect(then.steps[0]).toEqual({ stop: [], start: [], taskSet: { id: 'blue', remove: true } });
    expect(then.steady).toEqual({ reached: true });
  });

  it('replaces a task that fails its container health checks, and the set is not steady meanwhile', () => {
    const tasks = [...running('blue', 3), task('sick', 'blue', 'b', { healthStatus: 'UNHEALTHY' })];
    const [step] = planTaskSetPass(passInput({ service: external([taskSet('blue', 1, 100)]), tasks })).steps;
    expect(step.stop).toEqual([{ taskArn: tasks[3].arn, taskId: 'sick', why: { kind: 'failed-container-health-checks' } }]);
    expect(step.start.map((s) => s.count)).toEqual([1]);
    expect(step.taskSet).toEqual({ id: 'blue', stabilityStatus: 'STABILIZING' });
  });

  it('on a DRAINING instance starts replacements first when maximumPercent leaves room; otherwise stops the old tasks before starting theirs', () => {
    const instances = [instance('a', { status: 'DRAINING' }), instance('b')];
    const roomy = planTaskSetPass(passInput({ service: external([taskSet('blue', 1, 100)], 200), tasks: running('blue', 4), instances }));
    expect(roomy.steps[0].stop).toEqual([]);
    expect(roomy.steps[0].start.map((s) => s.count)).toEqual([4]);
    const tight = planTaskSetPass(passInput({ service: external([taskSet('blue', 1, 100)], 100), tasks: running('blue', 4), instances }));
    expect(tight.steps[0].stop).toHaveLength(4);
    expect(tight.steps[0].start.map((s) => s.count)).toEqual([4]);
  });

  it('keeps a protected task of a set that scales in or drains until its protection ends, then stops it', () => {
    const draining = taskSet('blue', 1, 100, { status: 'DRAINING' });
    const tasks = [task('blue-0', 'blue', 'a', { protectedUntil: 900_000 }), task('blue-1', 'blue', 'b'), ...running('green', 4)];
    const shielded = planTaskSetPass(passInput({ service: external([draining, taskSet('green', 2, 100)]), tasks, now: 600_000 }));
    expect(shielded.steps[0].stop.map((s) => s.taskId)).toEqual(['blue-1']);
    expect(shielded.steps[0].taskSet).toEqual({ id: 'blue', stabilityStatus: 'STABILIZING' });
    expect(shielded.wakeAt).toEqual([900_000]);
    const expired = planTaskSetPass(passInput({ service: external([draining, taskSet('green', 2, 100)]), tasks, now: 900_000 }));
    expect(expired.steps[0].stop.map((s) => s.taskId).sort()).toEqual(['blue-0', 'blue-1']);
  });
});
