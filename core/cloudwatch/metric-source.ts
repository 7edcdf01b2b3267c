import { EcsError } from '../kernel/errors.js';
import type { SimContext } from '../kernel/context.js';
import { optionalArray, requireObject, requireString } from '../kernel/fields.js';
import { INSIGHTS_NAMESPACE, INSIGHTS_UNITS, insightsKey } from './insights-metrics.js';

/**
 * The CloudWatch metrics the simulator publishes once a minute, and how a policy or alarm names them.
 * A source is one stored series, or one divided by another (metric math "m1 / m2", as AWS documents
 * for backlog per task). Checks throw InvalidParameterException; callers answer in their service's name.
 */
export interface MetricSource {
  key: string;
  /** When set, each datapoint is divided by this series' datapoint of the same minute. */
  divideBy?: string;
}

export const serviceMetricKey = (cluster: string, service: string, metric: string) => `${cluster}/${service}/${metric}`;
export const queueMetricKey = (queue: string, metric: string) => `AWS/SQS/${queue}/${metric}`;
/** `dimension` is CloudWatch's TargetGroup dimension: "targetgroup/NAME/ID", the end of the group's ARN. */
export const targetGroupMetricKey = (dimension: string, metric: string) => `AWS/ApplicationELB/${dimension}/${metric}`;
export const targetGroupDimension = (targetGroupArn: string) => targetGroupArn.slice(targetGroupArn.indexOf(':targetgroup/') + 1);
/** CloudWatch's LoadBalancer dimension: "app/NAME/ID", the end of the load balancer's ARN. */
export const loadBalancerDimension = (loadBalancerArn: string) => loadBalancerArn.slice(loadBalancerArn.indexOf(':loadbalancer/') + ':loadbalancer/'.length);
/** A load balancer's metric, or its metric for one target group (dimensions LoadBalancer and TargetGroup). */
export const loadBalancerMetricKey = (loadBalancer: string, metric: string, targetGroup?: string) =>
  `AWS/ApplicationELB/${loadBalancer}${targetGroup ? `|${targetGroup}` : ''}/${metric}`;

const SUPPORTED = 'AWS/ECS CPUUtilization or MemoryUtilization (ClusterName, ServiceName), AWS/ApplicationELB RequestCountPerTarget (TargetGroup), AWS/ApplicationELB HTTPCode_Target_5XX_Count (LoadBalancer, and optionally TargetGroup), ECS/ContainerInsights metrics such as RunningTaskCount (ClusterName, ServiceName; Container Insights on), AWS/SQS ApproximateNumberOfMessagesVisible or ApproximateNumberOfMessagesNotVisible (QueueName)';
const STATISTICS = ['Average', 'Minimum', 'Maximum', 'Sum', 'SampleCount'];

const bad = (message: string, field: string) => new EcsError('InvalidParameterException', message, field);

function dimensionsOf(value: unknown, field: string): Record<string, string> {
  const list = optionalArray(value, field, 30) ?? [];
  return Object.fromEntries(
    list.map((d, i) => {
      const dimension = requireObject(d, `${field}[${i}]`);
      return [requireString(dimension.Name, `${field}[${i}].Name`), requireString(dimension.Value, `${field}[${i}].Value`)];
    }),
  );
}

/** The stored series a metric (Namespace, MetricName, Dimensions) names; `field` is where it was given ('' at the top). */
export function metricKeyOf(metric: Record<string, unknown>, field: string): string {
  const at = (member: string) => (field ? `${field}.${member}` : member);
  const namespace = requireString(metric.Namespace, at('Namespace'));
  const name = requireString(metric.MetricName, at('MetricName'));
  const dimensions = dimensionsOf(metric.Dimensions, at('Dimensions'));
  const needs = (keys: string[]) => {
    const missing = keys.find((k) => dimensions[k] === undefined);
    if (missing) throw bad(`${namespace} ${name} needs the dimension ${missing}.`, at('Dimensions'));
  };
  if (namespace === 'AWS/ApplicationELB' && name === 'RequestCountPerTarget') {
    needs(['TargetGroup']);
    return targetGroupMetricKey(dimensions.TargetGroup, name);
  }
  if (namespace === 'AWS/ApplicationELB' && name === 'HTTPCode_Target_5XX_Count') {
    needs(['LoadBalancer']);
    return loadBalancerMetricKey(dimensions.LoadBalancer, name, dimensions.TargetGroup);
  }
  if (namespace === 'AWS/ECS' && (name === 'CPUUtilization' || name === 'MemoryUtilization')) {
    needs(['ClusterName', 'ServiceName']);
    return serviceMetricKey(dimensions.ClusterName, dimensions.ServiceName, name);
  }
  // Container Insights series exist only while the cluster has it turned on (ECS integrations).
  if (namespace === INSIGHTS_NAMESPACE && Object.hasOwn(INSIGHTS_UNITS, name)) {
    needs(['ClusterName']);
    return insightsKey(dimensions, name);
  }
  if (namespace === 'AWS/SQS' && (name === 'ApproximateNumberOfMessagesVisible' || name === 'ApproximateNumberOfMessagesNotVisible')) {
    needs(['QueueName']);
    return queueMetricKey(dimensions.QueueName, name);
  }
  throw bad(`${namespace} ${name} is not a metric the simulator publishes. It publishes: ${SUPPORTED}.`, at('MetricName'));
}

export function checkStatistic(value: unknown, field: string): void {
  if (!STATISTICS.includes(value as string)) throw bad(`${field} must be one of ${STATISTICS.join(', ')}.`, field);
}

/**
 * A target tracking CustomizedMetricSpecification: one metric with a Statistic, or Metrics with MetricStat
 * entries and at most one expression "a / b" of two of their ids; exactly one entry returns data.
 */
export function customizedMetricSource(spec: Record<string, unknown>, at: string): MetricSource {
  if (spec.Metrics === undefined) {
    checkStatistic(spec.Statistic, `${at}.Statistic`);
    return { key: metricKeyOf(spec, at) };
  }
  const entries = (optionalArray(spec.Metrics, `${at}.Metrics`, 10) ?? []).map((m, i) => requireObject(m, `${at}.Metrics[${i}]`));
  const keys = new Map<string, string>();
  entries.forEach((entry, i) => {
    if (entry.MetricStat === undefined) return;
    const stat = requireObject(entry.MetricStat, `${at}.Metrics[${i}].MetricStat`);
    checkStatistic(stat.Stat, `${at}.Metrics[${i}].MetricStat.Stat`);
    keys.set(requireString(entry.Id, `${at}.Metrics[${i}].Id`), metricKeyOf(requireObject(stat.Metric, `${at}.Metrics[${i}].MetricStat.Metric`), `${at}.Metrics[${i}].MetricStat.Metric`));
  });
  const returning = entries.filter((e) => e.ReturnData !== false);
  if (returning.length !== 1) throw bad(`Exactly one of ${at}.Metrics must return data (the others ReturnData false).`, `${at}.Metrics`);
  const [result] = returning;
  const index = entries.indexOf(result);
  if (result.Expression === undefined) {
    const key = keys.get(String(result.Id));
    if (!key) throw bad(`${at}.Metrics[${index}] needs a MetricStat or an Expression.`, `${at}.Metrics[${index}]`);
    return { key };
  }
  const expression = /^\s*(\w+)\s*\/\s*(\w+)\s*$/.exec(String(result.Expression));
  const numerator = expression && keys.get(expression[1]);
  const denominator = expression && keys.get(expression[2]);
  if (!numerator || !denominator) {
    throw bad(`${at}.Metrics[${index}].Expression must divide one metric id by another ("m1 / m2"): the only metric math the simulator runs.`, `${at}.Metrics[${index}].Expression`);
  }
  return { key: numerator, divideBy: denominator };
}

/** Adds the current minute's datapoint to a metric's series (kept in time order). */
export function recordDatapoint(ctx: SimContext, key: string, value: number): void {
  const series = ctx.state.metrics.get(key) ?? [];
  series.push({ time: ctx.clock.now, value });
  ctx.state.metrics.set(key, series);
}

/**
 * The last `count` one-minute datapoints of a source, oldest first. A ratio has a datapoint only in minutes
 * where both series have one and the divisor is not 0 (CloudWatch drops a division by zero): with no task
 * running, backlog per task has no datapoint, so keep MinCapacity at 1 or more. Both series are in time
 * order, so they are read from their ends: a day-long run asks every minute.
 */
export function datapointsOf(ctx: SimContext, source: MetricSource, count = Number.POSITIVE_INFINITY): Array<{ time: number; value: number }> {
  const series = ctx.state.metrics.get(source.key) ?? [];
  if (!source.divideBy) return series.slice(-count);
  const divisors = ctx.state.metrics.get(source.divideBy) ?? [];
  const out: Array<{ time: number; value: number }> = [];
  let j = divisors.length - 1;
  for (let i = series.length - 1; i >= 0 && out.length < count; i--) {
    const { time, value } = series[i];
    while (j >= 0 && divisors[j].time > time) j--;
    const divisor = j >= 0 && divisors[j].time === time ? divisors[j].value : 0;
    if (divisor) out.push({ time, value: value / divisor });
  }
  return out.reverse();
}
