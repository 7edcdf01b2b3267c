/**
 * Target tracking as Application Auto Scaling runs it for ECS services, as decisions. Its two alarms:
 * above target for 3 datapoints in 3 minutes scales out, below 0.9 × target for 15 in 15 scales in
 * (0.9 is observed on ECS services, not documented). New capacity is proportional:
 * ceil(current × metric / target), within min and max; scale-out is fast, scale-in gradual.
 */
export const SCALE_OUT_DATAPOINTS = 3;
export const SCALE_IN_DATAPOINTS = 15;
export const SCALE_IN_THRESHOLD_RATIO = 0.9;
export const DEFAULT_COOLDOWN_SECONDS = 300;

export interface TargetTrackingInput {
  targetValue: number;
  /** One-minute datapoints, oldest first. */
  datapoints: number[];
  current: number;
  min: number;
  max: number;
  /** Seconds since the last scale-out / scale-in this policy made (Infinity: never). */
  sinceScaleOut: number;
  sinceScaleIn: number;
  scaleOutCooldown: number;
  scaleInCooldown: number;
  /** ECS suspends scale-in while a deployment is in progress. */
  deploying: boolean;
  disableScaleIn: boolean;
}

/** The new desired count, or undefined to leave it. */
export function decideTargetTracking(input: TargetTrackingInput): number | undefined {
  const { targetValue, datapoints, current, min, max } = input;
  if (current < min) return min;
  if (current > max) return max;
  const recent = (n: number) => (datapoints.length >= n ? datapoints.slice(-n) : undefined);
  const last = datapoints[datapoints.length - 1];
  const proportional = Math.ceil((current * last) / targetValue);
  const high = recent(SCALE_OUT_DATAPOINTS);
  if (high?.every((d) => d > targetValue) && input.sinceScaleOut >= input.scaleOutCooldown) {
    const wanted = Math.min(max, Math.max(current + 1, proportional));
    return wanted > current ? wanted : undefined;
  }
  const low = recent(SCALE_IN_DATAPOINTS);
  if (
    low?.every((d) => d < targetValue * SCALE_IN_THRESHOLD_RATIO) &&
    !input.deploying &&
    !input.disableScaleIn &&
    input.sinceScaleIn >= input.scaleInCooldown &&
    input.sinceScaleOut >= input.scaleInCooldown
  ) {
    // Gradual: one step towards the proportional answer, never below min.
    const wanted = Math.max(min, proportional, current - Math.max(1, Math.floor((current - proportional) / 2)));
    return wanted < current ? wanted : undefined;
  }
  return undefined;
}
