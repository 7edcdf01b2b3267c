import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../core/index.js';
import { decideAlarmState, type TreatMissingData } from '../../core/cloudwatch/metric-alarm.js';

/** Over 1 if at least 2 of the last 3 minutes are; how the minutes with no datapoint count is the question. */
const alarm = (treatMissingData: TreatMissingData) => ({ threshold: 1, comparison: 'GreaterThanThreshold' as const, datapointsToAlarm: 2, evaluationPeriods: 3, treatMissingData });

describe('the minutes an alarm has no datapoint for (TreatMissingData)', () => {
  it('leaves the alarm with INSUFFICIENT_DATA when all are missing and they count as missing, CloudWatch\'s default', () => {
    expect(decideAlarmState([], alarm('missing'))).toBe('INSUFFICIENT_DATA');
  });

  it('counts them as good with notBreaching, and as bad with breaching', () => {
    expect(decideAlarmState([], alarm('notBreaching'))).toBe('OK');
    expect(decideAlarmState([5], alarm('notBreaching'))).toBe('OK');
    expect(decideAlarmState([5], alarm('breaching'))).toBe('ALARM');
    expect(decideAlarmState([], alarm('breaching'))).toBe('ALARM');
  });

  it('keeps the alarm\'s state with ignore when no minute has one', () => {
    expect(decideAlarmState([], alarm('ignore'), 'ALARM')).toBe('ALARM');
    expect(decideAlarmState([0, 0], alarm('ignore'), 'ALARM')).toBe('OK');
  });

  it('is taken by PutMetricAlarm, shown by DescribeAlarms, and any other value refused', () => {
    const sim = createSimulator();
    sim.sqs.createQueue({ QueueName: 'jobs' });
    const put = (TreatMissingData: string) =>
      sim.cloudWatch.putMetricAlarm({
        AlarmName: 'backlog',
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: 'jobs' }],
        Statistic: 'Sum',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 10,
        ComparisonOperator: 'GreaterThanThreshold',
        TreatMissingData,
      } as never);
    put('notBreaching');
    expect(sim.cloudWatch.describeAlarms({ AlarmNames: ['backlog'] }).MetricAlarms[0].TreatMissingData).toBe('notBreaching');
    expect(() => put('zero')).toThrow('TreatMissingData must be one of missing, notBreaching, breaching, ignore (got "zero").');
  });
});
