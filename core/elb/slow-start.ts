import type { TargetRecord } from './elb-state.js';

/**
 * ALB slow start (User Guide, target groups): a target that turns healthy gets a share of requests that
 * grows linearly from 0 to its full share over `slow_start.duration_seconds`; targets already healthy when
 * it is enabled do not ramp. The weights are relative: targets share requests in proportion to them, and
 * when they are all at 0 (each just turned healthy) they share equally (a model choice). Pure.
 */
export function slowStartWeights(targets: readonly Pick<TargetRecord, 'slowStart'>[], now: number): number[] {
  const weights = targets.map(({ slowStart }) =>
    slowStart && now < slowStart.until ? Math.max(0, (now - slowStart.from) / (slowStart.until - slowStart.from)) : 1,
  );
  return weights.some((w) => w > 0) ? weights : weights.map(() => 1);
}
