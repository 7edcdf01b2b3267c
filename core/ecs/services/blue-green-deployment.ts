import type { BlueGreenProgress, BlueGreenStage, LambdaAnswer } from '../model/blue-green-state.js';
import type { DeploymentLifecycleHook, HookStage } from '../model/types.js';
import type { ShiftPlan } from './traffic-shift-steps.js';

/**
 * One pass of an ECS-native BLUE_GREEN, LINEAR or CANARY deployment, as a pure decision: given where the
 * deployment is (its lifecycle stage, the hook running, the traffic on green), green's and blue's tasks,
 * the hooks' answers and the time, say what happens next. It walks as many stages as it can in one pass and
 * stops where something must wait: green's tasks to become healthy, a hook, a step's bake time, the bake
 * time, blue's tasks to stop. The caller applies it (starts, stops, listener rule weights, events).
 *
 * Stages (ECS developer guide, "Amazon ECS blue/green deployments"): PRE_SCALE_UP, SCALE_UP (green at full
 * size beside blue), POST_SCALE_UP, TEST_TRAFFIC_SHIFT (the test rule to green), POST_TEST_TRAFFIC_SHIFT,
 * then for each production step PRE_PRODUCTION_TRAFFIC_SHIFT and PRODUCTION_TRAFFIC_SHIFT (the production
 * rule's weights, then the step's bake time), POST_PRODUCTION_TRAFFIC_SHIFT, BAKE_TIME, CLEAN_UP (blue's
 * tasks stopped). RECONCILE_SERVICE is not modelled: the simulator's deployments start from one revision.
 * Rules the simulator picks where ECS documents none: hooks of a stage run one at a time in the order
 * configured; a stage's hooks run after the stage's own work (weights written, tasks healthy); a rollback
 * at any stage before CLEAN_UP puts all traffic back on blue and stops green (blue never stopped).
 */
const ORDER: readonly BlueGreenStage[] = [
  'PRE_SCALE_UP',
  'SCALE_UP',
  'POST_SCALE_UP',
  'TEST_TRAFFIC_SHIFT',
  'POST_TEST_TRAFFIC_SHIFT',
  'PRE_PRODUCTION_TRAFFIC_SHIFT',
  'PRODUCTION_TRAFFIC_SHIFT',
  'POST_PRODUCTION_TRAFFIC_SHIFT',
  'BAKE_TIME',
  'CLEAN_UP',
];

export type HookStatus = 'IN_PROGRESS' | 'AWAITING_ACTION' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT';

export interface BlueGreenInput {
  now: number;
  desiredCount: number;
  bakeMs: number;
  shift: ShiftPlan;
  hooks: readonly DeploymentLifecycleHook[];
  progress: BlueGreenProgress;
  green: { live: number; healthy: number };
  blueLive: number;
  answerOf: (hookTargetArn: string) => LambdaAnswer;
  /** An alarm or the circuit breaker failed the deployment: the reason. */
  failure?: string;
}

export interface HookChange {
  stage: BlueGreenStage;
  index: number;
  status: HookStatus;
}

export interface BlueGreenDecision {
  progress: BlueGreenProgress;
  startGreen: number;
  stopBlue: boolean;
  stopGreen: boolean;
  /** Stages entered this pass, in order (DescribeServiceDeployments shows the last). */
  entered: BlueGreenStage[];
  /** Lambda hooks called this pass. */
  invoked: number[];
  hookChanges: HookChange[];
  rollback?: { reason: string };
  complete: boolean;
  wakeAt: number[];
}

export const initialProgress = (now: number): BlueGreenProgress => ({
  stage: 'PRE_SCALE_UP',
  since: now,
  step: 0,
  worked: false,
  hooksDone: 0,
  greenPercent: 0,
  testOnGreen: false,
});

/** ECS waits 30 s before calling an IN_PROGRESS hook again unless the function says otherwise. */
export const DEFAULT_CALLBACK_DELAY_SECONDS = 30;

export function decideBlueGreenPass(input: BlueGreenInput): BlueGreenDecision {
  const { now } = input;
  const p: BlueGreenProgress = { ...input.progress, ...(input.progress.hook ? { hook: { ...input.progress.hook } } : {}) };
  const out: BlueGreenDecision = { progress: p, startGreen: 0, stopBlue: false, stopGreen: false, entered: [], invoked: [], hookChanges: [], complete: false, wakeAt: [] };
  const rollBack = (reason: string) => {
    out.rollback = { reason };
    out.stopGreen = true;
    p.greenPercent = 0;
    p.testOnGreen = false;
    delete p.hook;
    return out;
  };
  if (input.failure) return rollBack(input.failure);

  for (;;) {
    if (!p.worked) {
      const waiting = work(input, p, out);
      if (waiting) return out;
      p.worked = true;
    }
    const stageHooks = input.hooks.map((hook, index) => ({ hook, index })).filter(({ hook }) => hook.lifecycleStages.includes(p.stage as HookStage));
    while (p.hooksDone < stageHooks.length) {
      const { hook, index } = stageHooks[p.hooksDone];
      const result = runHook(input, p, hook, index, out);
      if (result === 'wait') return out;
      if (result === 'rollback') return rollBack(`ECS deployment lifecycle hook failed at ${p.stage}.`);
      p.hooksDone++;
    }
    if (p.stage === 'PRODUCTION_TRAFFIC_SHIFT' && p.greenPercent < 100) {
      const bakedAt = p.since + input.shift.stepBakeMs;
      if (now < bakedAt) {
        out.wakeAt.push(bakedAt);
        return out;
      }
      enter(p, out, 'PRE_PRODUCTION_TRAFFIC_SHIFT', now, p.step + 1);
      continue;
    }
    if (p.stage === 'CLEAN_UP') {
      out.complete = true;
      return out;
    }
    enter(p, out, ORDER[ORDER.indexOf(p.stage) + 1], now, p.step);
  }
}

function enter(p: BlueGreenProgress, out: BlueGreenDecision, stage: BlueGreenStage, now: number, step: number): void {
  Object.assign(p, { stage, since: now, step, worked: false, hooksDone: 0 });
  delete p.hook;
  out.entered.push(stage);
}

/** The stage's own work; true while it must wait. */
function work(input: BlueGreenInput, p: BlueGreenProgress, out: BlueGreenDecision): boolean {
  switch (p.stage) {
    case 'SCALE_UP':
      out.startGreen = Math.max(0, input.desiredCount - input.green.live);
      return input.green.healthy < input.desiredCount;
    case 'TEST_TRAFFIC_SHIFT':
      p.testOnGreen = true;
      return false;
    case 'PRODUCTION_TRAFFIC_SHIFT':
      p.greenPercent = input.shift.percents[p.step];
      return false;
    case 'BAKE_TIME': {
      const bakedAt = p.since + input.bakeMs;
      if (input.now < bakedAt) out.wakeAt.push(bakedAt);
      return input.now < bakedAt;
    }
    case 'CLEAN_UP':
      out.stopBlue = input.blueLive > 0;
      return input.blueLive > 0;
    default:
      return false;
  }
}

function runHook(input: BlueGreenInput, p: BlueGreenProgress, hook: DeploymentLifecycleHook, index: number, out: BlueGreenDecision): 'done' | 'wait' | 'rollback' {
  const { now } = input;
  const change = (status: HookStatus) => out.hookChanges.push({ stage: p.stage, index, status });
  if (!p.hook) {
    p.hook = { index, status: hook.targetType === 'PAUSE' ? 'AWAITING_ACTION' : 'IN_PROGRESS', startedAt: now };
    change(p.hook.status);
  }
  const run = p.hook;
  const timeoutAt = run.startedAt + hook.timeoutConfiguration.timeoutInMinutes * 60_000;
  const finish = (status: HookStatus, action: 'CONTINUE' | 'ROLLBACK') => {
    change(status);
    delete p.hook;
    return action === 'CONTINUE' ? 'done' : 'rollback';
  };
  if (run.status === 'AWAITING_ACTION') {
    if (run.action) return finish(run.action === 'CONTINUE' ? 'SUCCEEDED' : 'FAILED', run.action);
  } else if (run.nextCallAt === undefined || now >= run.nextCallAt) {
    out.invoked.push(index);
    const answer = input.answerOf(hook.hookTargetArn!);
    if ('error' in answer || answer.hookStatus === undefined || answer.hookStatus === 'FAILED') return finish('FAILED', 'ROLLBACK');
    if (answer.hookStatus === 'SUCCEEDED') return finish('SUCCEEDED', 'CONTINUE');
    run.nextCallAt = now + (answer.callBackDelay ?? DEFAULT_CALLBACK_DELAY_SECONDS) * 1000;
  }
  if (now >= timeoutAt) return finish('TIMED_OUT', hook.timeoutConfiguration.action);
  out.wakeAt.push(run.nextCallAt !== undefined ? Math.min(run.nextCallAt, timeoutAt) : timeoutAt);
  return 'wait';
}
