import type { SimContext } from '../kernel/context.js';

/**
 * CloudWatch's one-minute period: metrics are published, alarms evaluated and scaling policies run once a
 * minute. Application Auto Scaling defines the work (it sits above everything it reads); any service whose
 * metrics start to matter starts it.
 */
export const METRICS_MINUTE = 'cloudwatch-minute';

export function startMetricsMinute(ctx: SimContext): void {
  ctx.periodic.start(METRICS_MINUTE);
}
