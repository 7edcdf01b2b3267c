import { describe, expect, it } from 'vitest';
import { decideBlueGreenPass, initialProgress, type BlueGreenInput } from '../../core/ecs/services/blue-green-deployment.js';
import type { BlueGreenStage, LambdaAnswer } from '../../core/ecs/model/blue-green-state.js';
import { shiftWeights, trafficShiftSteps } from '../../core/ecs/services/traffic-shift-steps.js';
import type { DeploymentLifecycleHook } from '../../core/ecs/model/types.js';

const MINUTE = 60_000;
const lambda = (stage: DeploymentLifecycleHook['lifecycleStages'][number], timeoutInMinutes = 60): DeploymentLifecycleHook => ({
  targetType: 'AWS_LAMBDA',
  hookTargetArn: `arn:aws:lambda:us-east-1:123456789012:function:${stage.toLowerCase()}`,
  roleArn: 'arn:aws:iam::123456789012:role/hooks',
  lifecycleStages: [stage],
  timeoutConfiguration: { timeoutInMinutes, action: 'ROLLBACK' },
});

/**
 * Plays a deployment of 2 tasks pass by pass as the scheduler would: started green tasks are healthy by the
 * next pass, stopped blue ones gone; time jumps to the earliest wake. Records each stage with its minute
 * and green's production percent.
 */
function play(overrides: Partial<BlueGreenInput> & { answers?: Record<string, LambdaAnswer[]>; pauseAction?: { at: number; action: 'CONTINUE' | 'ROLLBACK' } }) {
  let input: BlueGreenInput = {
    now: 0,
    desiredCount: 2,
    bakeMs: 5 * MINUTE,
    shift: trafficShiftSteps({ strategy: 'BLUE_GREEN' }),
    hooks: [],
    progress: initialProgress(0),
    green: { live: 0, healthy: 0 },
    blueLive: 2,
    answerOf: () => ({ hookStatus: 'SUCCEEDED' }),
    ...overrides,
  };
  const answers = Object.fromEntries(Object.entries(overrides.answers ?? {}).map(([k, v]) => [k, [...v]]));
  input.answerOf = (arn) => {
    const queue = answers[arn.split(':').pop()!];
    return queue ? (queue.length > 1 ? queue.shift()! : queue[0]) : { hookStatus: 'SUCCEEDED' };
  };
  const seen: Array<[number, BlueGreenStage]> = [[0, 'PRE_SCALE_UP']];
  // Green's production share after each pass that changed it, by minute.
  const shifts: Array<[number, number]> = [];
  const calls: number[] = [];
  for (let pass = 0; pass < 200; pass++) {
    const decision = decideBlueGreenPass(input);
    for (const stage of decision.entered) seen.push([input.now / MINUTE, stage]);
    if (decision.progress.greenPercent !== input.progress.greenPercent) shifts.push([input.now / MINUTE, decision.progress.greenPercent]);
    calls.push(...decision.invoked.map(() => input.now / 1000));
    if (decision.complete || decision.rollback) return { decision, seen, shifts, calls };
    let progress = decision.progress;
    const green = { live: input.green.live + decision.startGreen, healthy: input.green.live + decision.startGreen };
    const blueLive = decision.stopBlue ? 0 : input.blueLive;
    let now = decision.startGreen > 0 || decision.stopBlue ? input.now : Math.min(...decision.wakeAt);
    const pause = overrides.pauseAction;
    if (pause && progress.hook?.status === 'AWAITING_ACTION' && now >= pause.at) {
      now = pause.at;
      progress = { ...progress, hook: { ...progress.hook, action: pause.action } };
    }
    input = { ...input, now, progress, green, blueLive };
  }
  throw new Error('the deployment never finished');
}

describe('traffic shift steps', () => {
  it('shifts BLUE_GREEN at once, CANARY in two, LINEAR in equal steps with the last one whole', () => {
    expect(trafficShiftSteps({ strategy: 'BLUE_GREEN' })).toEqual({ percents: [100], stepBakeMs: 0 });
    expect(trafficShiftSteps({ strategy: 'CANARY', canaryConfiguration: { canaryPercent: 5, canaryBakeTimeInMinutes: 10 } })).toEqual({ percents: [5, 100], stepBakeMs: 10 * MINUTE });
    expect(trafficShiftSteps({ strategy: 'LINEAR', linearConfiguration: { stepPercent: 25, stepBakeTimeInMinutes: 6 } }).percents).toEqual([25, 50, 75, 100]);
    expect(trafficShiftSteps({ strategy: 'LINEAR', linearConfiguration: { stepPercent: 33.3, stepBakeTimeInMinutes: 1 } }).percents).toEqual([33.3, 66.6, 99.9, 100]);
    expect(trafficShiftSteps({ strategy: 'LINEAR', linearConfiguration: { stepPercent: 40, stepBakeTimeInMinutes: 1 } }).percents).toEqual([40, 80, 100]);
  });

  it('writes ELB weights in tenths of a percent, all or nothing as 1 against 0', () => {
    expect(shiftWeights(12.5)).toEqual({ blue: 875, green: 125 });
    expect(shiftWeights(100)).toEqual({ blue: 0, green: 1 });
    expect(shiftWeights(0)).toEqual({ blue: 1, green: 0 });
  });
});

describe('a native blue/green deployment, pass by pass', () => {
  it('scales green up beside blue, gives it test then production traffic, bakes, then cleans blue up', () => {
    const { decision, seen } = play({});
    expect(seen).toEqual([
      [0, 'PRE_SCALE_UP'],
      [0, 'SCALE_UP'],
      [0, 'POST_SCALE_UP'],
      [0, 'TEST_TRAFFIC_SHIFT'],
      [0, 'POST_TEST_TRAFFIC_SHIFT'],
      [0, 'PRE_PRODUCTION_TRAFFIC_SHIFT'],
      [0, 'PRODUCTION_TRAFFIC_SHIFT'],
      [0, 'POST_PRODUCTION_TRAFFIC_SHIFT'],
      [0, 'BAKE_TIME'],
      [5, 'CLEAN_UP'],
    ]);
    expect(decision.complete).toBe(true);
    expect(decision.progress).toMatchObject({ greenPercent: 100, testOnGreen: true });
  });

  it('starts green at full size in SCALE_UP and waits there until every green task is healthy', () => {
    const input: BlueGreenInput = {
      now: 0, desiredCount: 3, bakeMs: 0, shift: trafficShiftSteps({ strategy: 'BLUE_GREEN' }), hooks: [],
      progress: initialProgress(0), green: { live: 0, healthy: 0 }, blueLive: 3, answerOf: () => ({ hookStatus: 'SUCCEEDED' }),
    };
    const first = decideBlueGreenPass(input);
    expect(first).toMatchObject({ startGreen: 3, stopBlue: false, progress: { stage: 'SCALE_UP', testOnGreen: false } });
    const waiting = decideBlueGreenPass({ ...input, progress: first.progress, green: { live: 3, healthy: 2 } });
    expect(waiting).toMatchObject({ startGreen: 0, entered: [], progress: { stage: 'SCALE_UP' } });
  });

  it('moves CANARY production traffic 5 % first, then the rest after the canary bake time', () => {
    const shift = trafficShiftSteps({ strategy: 'CANARY', canaryConfiguration: { canaryPercent: 5, canaryBakeTimeInMinutes: 10 } });
    const { shifts, seen } = play({ shift, bakeMs: 0 });
    expect(shifts).toEqual([[0, 5], [10, 100]]);
    expect(seen.filter(([, stage]) => stage === 'PRE_PRODUCTION_TRAFFIC_SHIFT').map(([minute]) => minute)).toEqual([0, 10]);
  });

  it('moves LINEAR traffic a step every step bake time, with no wait after 100 %', () => {
    const shift = trafficShiftSteps({ strategy: 'LINEAR', linearConfiguration: { stepPercent: 25, stepBakeTimeInMinutes: 6 } });
    const { shifts, seen } = play({ shift, bakeMs: 2 * MINUTE });
    expect(shifts).toEqual([[0, 25], [6, 50], [12, 75], [18, 100]]);
    expect(seen.at(-1)).toEqual([20, 'CLEAN_UP']);
  });

  it('rolls back when a Lambda hook answers FAILED: test traffic back on blue, green stopped, blue kept', () => {
    const { decision } = play({ hooks: [lambda('POST_TEST_TRAFFIC_SHIFT')], answers: { post_test_traffic_shift: [{ hookStatus: 'FAILED' }] } });
    expect(decision.rollback?.reason).toBe('ECS deployment lifecycle hook failed at POST_TEST_TRAFFIC_SHIFT.');
    expect(decision).toMatchObject({ stopGreen: true, stopBlue: false, progress: { testOnGreen: false, greenPercent: 0 } });
    expect(decision.hookChanges).toEqual([{ stage: 'POST_TEST_TRAFFIC_SHIFT', index: 0, status: 'IN_PROGRESS' }, { stage: 'POST_TEST_TRAFFIC_SHIFT', index: 0, status: 'FAILED' }]);
  });

  it('rolls back on a function error or a timed-out function too', () => {
    expect(play({ hooks: [lambda('PRE_SCALE_UP')], answers: { pre_scale_up: [{ error: 'Task timed out after 3.00 seconds' }] } }).decision.rollback).toBeDefined();
  });

  it('calls an IN_PROGRESS hook again after 30 s, or after its callBackDelay', () => {
    const answers = { post_scale_up: [{ hookStatus: 'IN_PROGRESS' as const }, { hookStatus: 'IN_PROGRESS' as const, callBackDelay: 90 }, { hookStatus: 'SUCCEEDED' as const }] };
    const { calls, decision } = play({ hooks: [lambda('POST_SCALE_UP')], answers });
    expect(calls).toEqual([0, 30, 120]);
    expect(decision.complete).toBe(true);
  });

  it("applies a hook's timeout action when it never answers SUCCEEDED in time", () => {
    const answers = { post_scale_up: [{ hookStatus: 'IN_PROGRESS' as const, callBackDelay: 600 }] };
    const rolled = play({ hooks: [lambda('POST_SCALE_UP', 25)], answers });
    expect(rolled.calls).toEqual([0, 600, 1200]);
    expect(rolled.decision.hookChanges.at(-1)).toEqual({ stage: 'POST_SCALE_UP', index: 0, status: 'TIMED_OUT' });
    expect(rolled.decision.rollback).toBeDefined();
    const hook = { ...lambda('POST_SCALE_UP', 25), timeoutConfiguration: { timeoutInMinutes: 25, action: 'CONTINUE' as const } };
    expect(play({ hooks: [hook], answers }).decision.complete).toBe(true);
  });

  it('waits at a PAUSE hook until ContinueServiceDeployment, then continues or rolls back', () => {
    const pause: DeploymentLifecycleHook = { targetType: 'PAUSE', lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'], timeoutConfiguration: { timeoutInMinutes: 1440, action: 'ROLLBACK' } };
    const continued = play({ hooks: [pause], pauseAction: { at: 7 * MINUTE, action: 'CONTINUE' } });
    expect(continued.seen.find(([, stage]) => stage === 'PRE_PRODUCTION_TRAFFIC_SHIFT')?.[0]).toBe(7);
    expect(continued.decision.complete).toBe(true);
    expect(play({ hooks: [pause], pauseAction: { at: 7 * MINUTE, action: 'ROLLBACK' } }).decision.rollback).toBeDefined();
    // Nobody answers: the hook times out after a day and its action (ROLLBACK) applies.
    const forgotten = play({ hooks: [pause] });
    expect(forgotten.decision.hookChanges.map((c) => c.status)).toEqual(['TIMED_OUT']);
  });

  it('rolls back during bake time on a failure by shifting traffic back only: blue is still there', () => {
    const baking = play({ bakeMs: 60 * MINUTE, failure: undefined });
    expect(baking.decision.complete).toBe(true);
    const input: BlueGreenInput = {
      now: 10 * MINUTE, desiredCount: 2, bakeMs: 60 * MINUTE, shift: trafficShiftSteps({ strategy: 'BLUE_GREEN' }), hooks: [],
      progress: { ...initialProgress(0), stage: 'BAKE_TIME', worked: true, greenPercent: 100, testOnGreen: true },
      green: { live: 2, healthy: 2 }, blueLive: 2, answerOf: () => ({ hookStatus: 'SUCCEEDED' }), failure: 'alarm web-5xx is in ALARM',
    };
    expect(decideBlueGreenPass(input)).toMatchObject({ rollback: { reason: 'alarm web-5xx is in ALARM' }, startGreen: 0, stopBlue: false, stopGreen: true, progress: { greenPercent: 0, testOnGreen: false } });
  });
});
