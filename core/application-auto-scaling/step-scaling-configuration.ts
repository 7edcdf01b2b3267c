import { EcsError } from '../kernel/errors.js';
import { optionalArray, optionalEnum, optionalInteger, rejectUnknownFields, requireObject } from '../kernel/fields.js';
import type { AdjustmentType, StepAdjustment, StepScalingPolicy } from './scalable-target.js';
import { DEFAULT_STEP_COOLDOWN_SECONDS } from './step-scaling.js';

/** PutScalingPolicy's StepScalingPolicyConfiguration, checked by Application Auto Scaling's rules for steps. */
const validation = (message: string, field: string) => new EcsError('ValidationException', message, field);

const ADJUSTMENT_TYPES: readonly AdjustmentType[] = ['ChangeInCapacity', 'PercentChangeInCapacity', 'ExactCapacity'];

function bound(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw validation(`${field} must be a number.`, field);
  return value;
}

function parseSteps(value: unknown, at: string, type: AdjustmentType): StepAdjustment[] {
  const list = optionalArray(value, at, 20);
  if (!list || list.length === 0) throw validation(`${at} must contain at least one step adjustment.`, at);
  const steps = list.map((item, i) => {
    const field = `${at}[${i}]`;
    const raw = requireObject(item, field);
    rejectUnknownFields(raw, field, ['MetricIntervalLowerBound', 'MetricIntervalUpperBound', 'ScalingAdjustment']);
    const adjustment = optionalInteger(raw.ScalingAdjustment, `${field}.ScalingAdjustment`, { min: -5000, max: 5000 });
    if (adjustment === undefined) throw validation(`${field}.ScalingAdjustment is required.`, `${field}.ScalingAdjustment`);
    if (type === 'ExactCapacity' && adjustment < 0) throw validation(`${field}.ScalingAdjustment must not be negative with ExactCapacity.`, `${field}.ScalingAdjustment`);
    const lower = bound(raw.MetricIntervalLowerBound, `${field}.MetricIntervalLowerBound`);
    const upper = bound(raw.MetricIntervalUpperBound, `${field}.MetricIntervalUpperBound`);
    if (lower === undefined && upper === undefined) throw validation(`${field}: the upper and lower bound can't both be null in the same step adjustment.`, field);
    if (lower !== undefined && upper !== undefined && lower >= upper) throw validation(`${field}.MetricIntervalUpperBound must be greater than MetricIntervalLowerBound.`, `${field}.MetricIntervalUpperBound`);
    return { lower, upper, adjustment, index: i };
  });
  const sorted = [...steps].sort((a, b) => (a.lower ?? -Infinity) - (b.lower ?? -Infinity));
  if (steps.filter((s) => s.lower === undefined).length > 1) throw validation(`${at}: at most one step adjustment can have a null lower bound.`, at);
  if (steps.filter((s) => s.upper === undefined).length > 1) throw validation(`${at}: at most one step adjustment can have a null upper bound.`, at);
  for (let i = 1; i < sorted.length; i++) {
    const before = sorted[i - 1];
    if (before.upper !== sorted[i].lower) {
      throw validation(
        `${at}: the ranges of step adjustments can't overlap or have a gap: ${at}[${sorted[i].index}].MetricIntervalLowerBound should be ${before.upper ?? 'the upper bound of the step before it'}.`,
        `${at}[${sorted[i].index}].MetricIntervalLowerBound`,
      );
    }
  }
  if (steps.some((s) => (s.lower ?? 0) < 0) && sorted[0].lower !== undefined) {
    throw validation(`${at}: a step has a negative lower bound, so one step adjustment must have a null lower bound.`, at);
  }
  if (steps.some((s) => (s.upper ?? 0) > 0) && sorted[sorted.length - 1].upper !== undefined) {
    throw validation(`${at}: a step has a positive upper bound, so one step adjustment must have a null upper bound.`, at);
  }
  return sorted.map(({ lower, upper, adjustment }) => ({ ...(lower !== undefined ? { lower } : {}), ...(upper !== undefined ? { upper } : {}), adjustment }));
}

export function parseStepScalingConfiguration(input: unknown): Pick<StepScalingPolicy, 'adjustmentType' | 'steps' | 'cooldown' | 'minAdjustmentMagnitude' | 'aggregation'> {
  const at = 'StepScalingPolicyConfiguration';
  const config = requireObject(input, at);
  rejectUnknownFields(config, at, ['AdjustmentType', 'StepAdjustments', 'Cooldown', 'MinAdjustmentMagnitude', 'MetricAggregationType']);
  const adjustmentType = optionalEnum(config.AdjustmentType, `${at}.AdjustmentType`, ADJUSTMENT_TYPES);
  if (!adjustmentType) throw validation(`${at}.AdjustmentType is required: ${ADJUSTMENT_TYPES.join(', ')}.`, `${at}.AdjustmentType`);
  const minAdjustmentMagnitude = optionalInteger(config.MinAdjustmentMagnitude, `${at}.MinAdjustmentMagnitude`, { min: 1, max: 5000 });
  if (minAdjustmentMagnitude !== undefined && adjustmentType !== 'PercentChangeInCapacity') {
    throw validation(`${at}.MinAdjustmentMagnitude is only valid with AdjustmentType PercentChangeInCapacity.`, `${at}.MinAdjustmentMagnitude`);
  }
  return {
    adjustmentType,
    steps: parseSteps(config.StepAdjustments, `${at}.StepAdjustments`, adjustmentType),
    cooldown: optionalInteger(config.Cooldown, `${at}.Cooldown`, { min: 0, max: 86_400 }) ?? DEFAULT_STEP_COOLDOWN_SECONDS,
    ...(minAdjustmentMagnitude !== undefined ? { minAdjustmentMagnitude } : {}),
    aggregation: optionalEnum(config.MetricAggregationType, `${at}.MetricAggregationType`, ['Average', 'Minimum', 'Maximum'] as const) ?? 'Average',
  };
}
