import { answeringAs, EcsError } from '../kernel/errors.js';
import type { SimContext } from '../kernel/context.js';
import { optionalArray, optionalEnum, optionalInteger, rejectUnknownFields, requireObject, requireString } from '../kernel/fields.js';
import { checkStatistic, metricKeyOf } from './metric-source.js';
import { startMetricsMinute } from './metrics-minute.js';

/**
 * CloudWatch metric alarms (PutMetricAlarm) on the one-minute metrics the simulator publishes. Their state
 * is kept with the scenario-driven alarms (alarm-state.ts), so deployments can watch them too; their
 * actions are step scaling policy ARNs, which Application Auto Scaling runs every minute in ALARM.
 */
export type ComparisonOperator = 'GreaterThanOrEqualToThreshold' | 'GreaterThanThreshold' | 'LessThanThreshold' | 'LessThanOrEqualToThreshold';
/** How minutes with no datapoint count: as nothing (missing), as good, as bad, or not at all (the state stays). */
export type TreatMissingData = 'missing' | 'notBreaching' | 'breaching' | 'ignore';
const TREATMENTS: readonly TreatMissingData[] = ['missing', 'notBreaching', 'breaching', 'ignore'];
const COMPARISONS: readonly ComparisonOperator[] = ['GreaterThanOrEqualToThreshold', 'GreaterThanThreshold', 'LessThanThreshold', 'LessThanOrEqualToThreshold'];

export interface MetricAlarmRecord {
  name: string;
  arn: string;
  metricKey: string;
  /** The request's metric fields, echoed by DescribeAlarms. */
  metric: { Namespace: string; MetricName: string; Dimensions: Array<{ Name: string; Value: string }>; Statistic: string; Period: number };
  threshold: number;
  comparison: ComparisonOperator;
  evaluationPeriods: number;
  datapointsToAlarm: number;
  treatMissingData: TreatMissingData;
  alarmActions: string[];
}

export type AlarmStateValue = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

export function breaches(value: number, comparison: ComparisonOperator, threshold: number): boolean {
  if (comparison === 'GreaterThanOrEqualToThreshold') return value >= threshold;
  if (comparison === 'GreaterThanThreshold') return value > threshold;
  if (comparison === 'LessThanThreshold') return value < threshold;
  return value <= threshold;
}

/**
 * An alarm's state from the datapoints of its last EvaluationPeriods minutes (oldest first): ALARM when
 * at least DatapointsToAlarm of them breach, else OK. A minute with no datapoint counts as TreatMissingData
 * says: not at all (missing: INSUFFICIENT_DATA when no minute has one), as good (notBreaching), as bad
 * (breaching), or, when no minute has one, not at all, keeping the `current` state (ignore).
 */
export function decideAlarmState(
  datapoints: readonly number[],
  alarm: Pick<MetricAlarmRecord, 'threshold' | 'comparison' | 'datapointsToAlarm'> & Partial<Pick<MetricAlarmRecord, 'evaluationPeriods' | 'treatMissingData'>>,
  current: AlarmStateValue = 'INSUFFICIENT_DATA',
): AlarmStateValue {
  const treatment = alarm.treatMissingData ?? 'missing';
  const missing = Math.max(0, (alarm.evaluationPeriods ?? datapoints.length) - datapoints.length);
  if (datapoints.length === 0 && treatment === 'missing') return 'INSUFFICIENT_DATA';
  if (datapoints.length === 0 && treatment === 'ignore') return current;
  const breaching = datapoints.filter((d) => breaches(d, alarm.comparison, alarm.threshold)).length + (treatment === 'breaching' ? missing : 0);
  return breaching >= alarm.datapointsToAlarm ? 'ALARM' : 'OK';
}

/**
 * The alarm's datapoints inside its evaluation window, oldest first. The series is in time order, so only
 * its end is read: alarms are evaluated every minute of a run however long.
 */
export function windowOf(series: ReadonlyArray<{ time: number; value: number }>, now: number, evaluationPeriods: number): number[] {
  let start = series.length;
  while (start > 0 && series[start - 1].time > now - evaluationPeriods * 60_000) start--;
  return series.slice(start).map((d) => d.value);
}

const invalid = (message: string, field: string) => new EcsError('InvalidParameterValue', message, field);

export function putMetricAlarm(
  ctx: SimContext,
  input: {
    AlarmName: string;
    Namespace: string;
    MetricName: string;
    Dimensions?: Array<{ Name: string; Value: string }>;
    Statistic: 'Average' | 'Minimum' | 'Maximum' | 'Sum' | 'SampleCount';
    Period: number;
    EvaluationPeriods: number;
    DatapointsToAlarm?: number;
    Threshold: number;
    ComparisonOperator: ComparisonOperator;
    AlarmActions?: string[];
    AlarmDescription?: string;
    TreatMissingData?: TreatMissingData;
  },
) {
  const alarm = answeringAs('InvalidParameterValue', () => {
    const request = requireObject(input, 'request');
    rejectUnknownFields(request, '', [
      'AlarmName', 'Namespace', 'MetricName', 'Dimensions', 'Statistic', 'Period', 'EvaluationPeriods', 'DatapointsToAlarm', 'Threshold', 'ComparisonOperator', 'AlarmActions', 'AlarmDescription', 'TreatMissingData',
    ]);
    const name = requireString(request.AlarmName, 'AlarmName');
    if (name.length > 255) throw invalid('AlarmName must be 1 to 255 characters.', 'AlarmName');
    checkStatistic(request.Statistic, 'Statistic');
    if (request.Period !== 60) throw invalid('Period must be 60: the simulator publishes one datapoint a minute.', 'Period');
    const evaluationPeriods = optionalInteger(request.EvaluationPeriods, 'EvaluationPeriods', { min: 1, max: 1440 });
    if (evaluationPeriods === undefined) throw invalid('The parameter EvaluationPeriods is required.', 'EvaluationPeriods');
    const datapointsToAlarm = optionalInteger(request.DatapointsToAlarm, 'DatapointsToAlarm', { min: 1, max: evaluationPeriods }) ?? evaluationPeriods;
    if (typeof request.Threshold !== 'number' || !Number.isFinite(request.Threshold)) throw invalid('Threshold must be a number.', 'Threshold');
    const comparison = optionalEnum(request.ComparisonOperator, 'ComparisonOperator', COMPARISONS);
    if (!comparison) throw invalid(`ComparisonOperator must be one of ${COMPARISONS.join(', ')}.`, 'ComparisonOperator');
    const treatMissingData = optionalEnum(request.TreatMissingData, 'TreatMissingData', TREATMENTS) ?? 'missing';
    const alarmActions = (optionalArray(request.AlarmActions, 'AlarmActions', 5) ?? []).map((a, i) => requireString(a, `AlarmActions[${i}]`));
    const record: MetricAlarmRecord = {
      name,
      arn: `arn:aws:cloudwatch:${ctx.region}:${ctx.accountId}:alarm:${name}`,
      metricKey: metricKeyOf(request, ''),
      metric: {
        Namespace: String(request.Namespace),
        MetricName: String(request.MetricName),
        Dimensions: (input.Dimensions ?? []).map((d) => ({ Name: d.Name, Value: d.Value })),
        Statistic: String(request.Statistic),
        Period: 60,
      },
      threshold: request.Threshold,
      comparison,
      evaluationPeriods,
      datapointsToAlarm,
      treatMissingData,
      alarmActions,
    };
    return record;
  });
  ctx.state.metricAlarms.set(alarm.name, alarm);
  startMetricsMinute(ctx);
  return {};
}

export function describeAlarms(ctx: SimContext, input?: { AlarmNames?: string[] }) {
  const names = answeringAs('InvalidParameterValue', () => optionalArray(requireObject(input ?? {}, 'request').AlarmNames, 'AlarmNames', 100));
  const alarms = [...ctx.state.metricAlarms.values()].filter((a) => !names || names.includes(a.name));
  return {
    MetricAlarms: alarms.map((a) => ({
      AlarmName: a.name,
      AlarmArn: a.arn,
      ...a.metric,
      EvaluationPeriods: a.evaluationPeriods,
      DatapointsToAlarm: a.datapointsToAlarm,
      Threshold: a.threshold,
      ComparisonOperator: a.comparison,
      TreatMissingData: a.treatMissingData,
      AlarmActions: [...a.alarmActions],
      StateValue: ctx.state.alarms.get(a.name)?.state ?? 'INSUFFICIENT_DATA',
    })),
  };
}

declare module '../kernel/context.js' {
  interface SimState {
    /** One-minute CloudWatch datapoints by "cluster/service/MetricName". */
    metrics: Map<string, Array<{ time: number; value: number }>>;
    /** CloudWatch alarms a scenario drives (deployment alarms): state and when it last changed (virtual ms). */
    alarms: Map<string, { state: AlarmStateValue; changedAt: number }>;
    /** PutMetricAlarm definitions by name; their state lives in `alarms` with the scenario-driven ones. */
    metricAlarms: Map<string, MetricAlarmRecord>;
  }
}
