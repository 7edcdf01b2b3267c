import { invalidParameter } from '../kernel/errors.js';
import type { SimContext } from '../kernel/context.js';
import { requireObject, requireString } from '../kernel/fields.js';
import { INSIGHTS_UNITS, insightsKey } from './insights-metrics.js';

/** Reads a Container Insights series back: a metric it publishes, named by its exact dimensions. */
export function insightsSeries(ctx: SimContext, input: { metric: string; dimensions: Record<string, string> }): Array<{ time: number; value: number }> {
  const request = requireObject(input, 'request');
  const metric = requireString(request.metric, 'metric');
  if (!Object.hasOwn(INSIGHTS_UNITS, metric)) throw invalidParameter(`metric must be one of ${Object.keys(INSIGHTS_UNITS).join(', ')}.`, 'metric');
  const raw = requireObject(request.dimensions, 'dimensions');
  const dimensions = Object.fromEntries(Object.keys(raw).map((k) => [k, requireString(raw[k], `dimensions.${k}`)]));
  return (ctx.state.metrics.get(insightsKey(dimensions, metric)) ?? []).map((d) => ({ ...d }));
}
