import type { AdjustmentType, StepAdjustment } from './scalable-target.js';

/**
 * Step scaling as Application Auto Scaling runs it, as decisions. The alarm's breach (metric − threshold)
 * picks a step: for an alarm on a metric above its threshold a step's lower bound is inclusive and its
 * upper exclusive, for one below it the other way round; a missing bound is infinite. During the cooldown after a scale-out, capacity that
 * scale-out added counts toward the next one (a +3 after a +2 adds 1); scale-in waits out the cooldown
 * and is suspended while the service deploys.
 */
export const DEFAULT_STEP_COOLDOWN_SECONDS = 300;

export function chooseStep(steps: readonly StepAdjustment[], breach: number, alarmAbove: boolean): StepAdjustment | undefined {
  const low = (s: StepAdjustment) => s.lower ?? -Infinity;
  const high = (s: StepAdjustment) => s.upper ?? Infinity;
  return alarmAbove ? steps.find((s) => low(s) <= breach && breach < high(s)) : steps.find((s) => low(s) < breach && breach <= high(s));
}

/** Percent changes round towards zero but move at least one task (12.7 → 12, 0.4 → 1, −6.67 → −6). */
function percentChange(capacity: number, percent: number, minAdjustmentMagnitude = 0): number {
  const raw = (capacity * percent) / 100;
  const rounded = raw > 1 ? Math.floor(raw) : raw > 0 ? 1 : raw < -1 ? Math.ceil(raw) : raw < 0 ? -1 : 0;
  return Math.abs(rounded) < minAdjustmentMagnitude && rounded !== 0 ? Math.sign(rounded) * minAdjustmentMagnitude : rounded;
}

export function adjustedCapacity(type: AdjustmentType, adjustment: number, capacity: number, minAdjustmentMagnitude?: number): number {
  if (type === 'ExactCapacity') return adjustment;
  return capacity + (type === 'ChangeInCapacity' ? adjustment : percentChange(capacity, adjustment, minAdjustmentMagnitude));
}

export interface StepScalingInput {
  adjustmentType: AdjustmentType;
  steps: readonly StepAdjustment[];
  minAdjustmentMagnitude?: number;
  /** Aggregated metric minus the alarm threshold. */
  breach: number;
  /** Whether the alarm fires above its threshold (GreaterThan...) rather than below. */
  alarmAbove: boolean;
  current: number;
  min: number;
  max: number;
  cooldown: number;
  /** Seconds since this policy last scaled (Infinity: never). */
  sinceLastScaling: number;
  lastDirection?: 'out' | 'in';
  scaleOutBase?: number;
  deploying: boolean;
}

/** The new desired count and the scale-out base to remember, or undefined to leave things. */
export function decideStepScaling(input: StepScalingInput): { desired: number; scaleOutBase?: number } | undefined {
  const { current, min, max } = input;
  if (current < min) return { desired: min };
  if (current > max) return { desired: max };
  const step = chooseStep(input.steps, input.breach, input.alarmAbove);
  if (!step) return undefined;
  const cooling = input.sinceLastScaling < input.cooldown;
  const base = cooling && input.lastDirection === 'out' && input.scaleOutBase !== undefined ? input.scaleOutBase : current;
  const desired = Math.min(max, Math.max(min, adjustedCapacity(input.adjustmentType, step.adjustment, base, input.minAdjustmentMagnitude)));
  if (desired > current) return { desired, scaleOutBase: base };
  if (desired < current && !cooling && !input.deploying) return { desired };
  return undefined;
}
