import { describe, expect, it } from 'vitest';
import { createSimulator, type EcsSimulator } from '../../core/index.js';
import { decideAlarmState } from '../../core/cloudwatch/metric-alarm.js';
import { datapointsOf } from '../../core/cloudwatch/metric-source.js';
import { adjustedCapacity, chooseStep, decideStepScaling, type StepScalingInput } from '../../core/application-auto-scaling/step-scaling.js';
import { rejection } from './rejection.js';

const TWO_STEPS = [
  { lower: 0, upper: 20, adjustment: 1 },
  { lower: 20, adjustment: 3 },
];

const input = (over: Partial<StepScalingInput>): StepScalingInput => ({
  adjustmentType: 'ChangeInCapacity',
  steps: TWO_STEPS,
  breach: 10,
  alarmAbove: true,
  current: 2,
  min: 1,
  max: 10,
  cooldown: 300,
  sinceLastScaling: Infinity,
  deploying: false,
  ...over,
});

describe('choosing a step', () => {
  it('includes the lower bound and excludes the upper above the threshold, the other way round below it', () => {
    expect(chooseStep(TWO_STEPS, 0, true)?.adjustment).toBe(1);
    expect(chooseStep(TWO_STEPS, 19.99, true)?.adjustment).toBe(1);
    expect(chooseStep(TWO_STEPS, 20, true)?.adjustment).toBe(3);
    const below = [
      { upper: -10, adjustment: -2 },
      { lower: -10, upper: 0, adjustment: -1 },
    ];
    expect(chooseStep(below, -10, false)?.adjustment).toBe(-2);
    expect(chooseStep(below, -9, false)?.adjustment).toBe(-1);
    expect(chooseStep(below, 0, false)?.adjustment).toBe(-1);
    expect(chooseStep(TWO_STEPS, -1, true)).toBeUndefined();
  });
});

describe('adjustment types', () => {
  it('round percent changes towards zero but move at least one task, and honour MinAdjustmentMagnitude', () => {
    expect(adjustedCapacity('PercentChangeInCapacity', 10, 127)).toBe(139);
    expect(adjustedCapacity('PercentChangeInCapacity', 10, 4)).toBe(5);
    expect(adjustedCapacity('PercentChangeInCapacity', -10, 4)).toBe(3);
    expect(adjustedCapacity('PercentChangeInCapacity', -50, 15)).toBe(8);
    expect(adjustedCapacity('PercentChangeInCapacity', 25, 4, 2)).toBe(6);
    expect(adjustedCapacity('ExactCapacity', 7, 2)).toBe(7);
    expect(adjustedCapacity('ChangeInCapacity', -2, 5)).toBe(3);
  });
});

describe('step scaling decisions', () => {
  it('adds the chosen step, within min and max', () => {
    expect(decideStepScaling(input({ breach: 10 }))).toEqual({ desired: 3, scaleOutBase: 2 });
    expect(decideStepScaling(input({ breach: 25 }))).toEqual({ desired: 5, scaleOutBase: 2 });
    expect(decideStepScaling(input({ breach: 25, current: 9 }))?.desired).toBe(10);
    expect(decideStepScaling(input({ breach: 10, current: 0 }))?.desired).toBe(1);
  });

  it('during the cooldown counts the tasks the last scale-out added: a +3 after a +2 adds 1', () => {
    const steps = [
      { lower: 0, upper: 20, adjustment: 2 },
      { lower: 20, adjustment: 3 },
    ];
    const first = decideStepScaling(input({ steps, current: 4, breach: 5 }))!;
    expect(first).toEqual({ desired: 6, scaleOutBase: 4 });
    const during = { steps, current: 6, sinceLastScaling: 120, lastDirection: 'out' as const, scaleOutBase: first.scaleOutBase };
    expect(decideStepScaling(input({ ...during, breach: 5 }))).toBeUndefined();
    expect(decideStepScaling(input({ ...during, breach: 30 }))).toEqual({ desired: 7, scaleOutBase: 4 });
    expect(decideStepScaling(input({ ...during, breach: 5, sinceLastScaling: 300 }))).toEqual({ desired: 8, scaleOutBase: 6 });
  });

  it('holds scale-in during the cooldown and while the service deploys, but not scale-out', () => {
    const scaleIn = { steps: [{ upper: 0, adjustment: -1 }], breach: -5, alarmAbove: false, current: 5 };
    expect(decideStepScaling(input(scaleIn))?.desired).toBe(4);
    expect(decideStepScaling(input({ ...scaleIn, sinceLastScaling: 100, lastDirection: 'in' }))).toBeUndefined();
    expect(decideStepScaling(input({ ...scaleIn, deploying: true }))).toBeUndefined();
    expect(decideStepScaling(input({ breach: 10, current: 5, deploying: true }))?.desired).toBe(6);
  });
});

describe('metric alarms', () => {
  it('go to ALARM when DatapointsToAlarm of the last EvaluationPeriods breach, and lack data with no datapoint', () => {
    const alarm = { threshold: 70, comparison: 'GreaterThanOrEqualToThreshold' as const, datapointsToAlarm: 2 };
    expect(decideAlarmState([71, 50, 70], alarm)).toBe('ALARM');
    expect(decideAlarmState([71, 50, 69], alarm)).toBe('OK');
    expect(decideAlarmState([], alarm)).toBe('INSUFFICIENT_DATA');
  });
});

const target = { ServiceNamespace: 'ecs', ResourceId: 'service/default/web', ScalableDimension: 'ecs:service:DesiredCount' } as const;
const WEB_DIMENSIONS = [
  { Name: 'ClusterName', Value: 'default' },
  { Name: 'ServiceName', Value: 'web' },
];

function serviceWithTarget(): EcsSimulator {
  const sim = createSimulator({ seed: 9 });
  sim.createCluster({ clusterName: 'default' });
  sim.control.addInstances({ instanceType: 'm5.large', count: 1 });
  sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:1', cpu: 128, memory: 128 }] });
  sim.createService({ serviceName: 'web', taskDefinition: 'web', desiredCount: 2 });
  sim.applicationAutoScaling.registerScalableTarget({ ...target, MinCapacity: 1, MaxCapacity: 10 });
  return sim;
}

function stepPolicy(steps: unknown, extra: Record<string, unknown> = {}) {
  return { ...target, PolicyName: 'steps', PolicyType: 'StepScaling', StepScalingPolicyConfiguration: { AdjustmentType: 'ChangeInCapacity', StepAdjustments: steps, ...extra } } as never;
}

describe('PutScalingPolicy with StepScaling', () => {
  it('refuses steps that overlap, leave a gap or lack an open end, naming the field, and keeps nothing', () => {
    const sim = serviceWithTarget();
    const cases: Array<[unknown, Record<string, unknown>, string, RegExp]> = [
      [[{ MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 10, ScalingAdjustment: 1 }, { MetricIntervalLowerBound: 15, ScalingAdjustment: 2 }], {}, 'StepScalingPolicyConfiguration.StepAdjustments[1].MetricIntervalLowerBound', /can't overlap or have a gap/],
      [[{ ScalingAdjustment: 1 }], {}, 'StepScalingPolicyConfiguration.StepAdjustments[0]', /can't both be null/],
      [[{ MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 10, ScalingAdjustment: 1 }], {}, 'StepScalingPolicyConfiguration.StepAdjustments', /null upper bound/],
      [[{ MetricIntervalLowerBound: -5, ScalingAdjustment: 1 }], {}, 'StepScalingPolicyConfiguration.StepAdjustments', /null lower bound/],
      [[{ MetricIntervalLowerBound: 0, ScalingAdjustment: -1 }], { AdjustmentType: 'ExactCapacity' }, 'StepScalingPolicyConfiguration.StepAdjustments[0].ScalingAdjustment', /must not be negative/],
      [[{ MetricIntervalLowerBound: 0, ScalingAdjustment: 1 }], { MinAdjustmentMagnitude: 2 }, 'StepScalingPolicyConfiguration.MinAdjustmentMagnitude', /PercentChangeInCapacity/],
      [[{ MetricIntervalLowerBound: 0, ScalingAdjustment: 1 }], { MetricAggregationType: 'Median' }, 'StepScalingPolicyConfiguration.MetricAggregationType', /Average, Minimum, Maximum/],
      [[], {}, 'StepScalingPolicyConfiguration.StepAdjustments', /at least one/],
    ];
    for (const [steps, extra, field, message] of cases) {
      const error = rejection(() => sim.applicationAutoScaling.putScalingPolicy(stepPolicy(steps, extra)));
      expect(error).toMatchObject({ name: 'ValidationException', field });
      expect(error.message).toMatch(message);
    }
    const mixed = rejection(() =>
      sim.applicationAutoScaling.putScalingPolicy({ ...target, PolicyName: 'x', PolicyType: 'StepScaling', TargetTrackingScalingPolicyConfiguration: { TargetValue: 50 } } as never),
    );
    expect(mixed).toMatchObject({ name: 'ValidationException', field: 'TargetTrackingScalingPolicyConfiguration' });
    // Nothing was kept: the journal holds only the setup, and the first accepted policy gets the first policy id.
    const accepted = sim.applicationAutoScaling.putScalingPolicy(stepPolicy([{ MetricIntervalLowerBound: 0, ScalingAdjustment: 1 }])).PolicyARN;
    const fresh = serviceWithTarget().applicationAutoScaling.putScalingPolicy(stepPolicy([{ MetricIntervalLowerBound: 0, ScalingAdjustment: 1 }])).PolicyARN;
    expect(accepted).toBe(fresh);
  });

  it('keeps a policy ARN when the policy is updated, so the alarm that names it still runs it', () => {
    const sim = serviceWithTarget();
    const first = sim.applicationAutoScaling.putScalingPolicy(stepPolicy([{ MetricIntervalLowerBound: 0, ScalingAdjustment: 1 }])).PolicyARN;
    const again = sim.applicationAutoScaling.putScalingPolicy(stepPolicy([{ MetricIntervalLowerBound: 0, ScalingAdjustment: 2 }])).PolicyARN;
    expect(again).toBe(first);
  });
});

describe('a CloudWatch alarm running a step policy', () => {
  it('scales the service while the alarm is in ALARM, and stops once it clears', () => {
    const sim = serviceWithTarget();
    // RunningTaskCount is a Container Insights metric: it exists only with Insights on.
    sim.updateClusterSettings({ cluster: 'default', settings: [{ name: 'containerInsights', value: 'enabled' }] });
    const { PolicyARN } = sim.applicationAutoScaling.putScalingPolicy(stepPolicy([{ MetricIntervalUpperBound: 0, ScalingAdjustment: 1 }], { Cooldown: 60 }));
    sim.cloudWatch.putMetricAlarm({
      AlarmName: 'web-tasks',
      Namespace: 'ECS/ContainerInsights',
      MetricName: 'RunningTaskCount',
      Dimensions: WEB_DIMENSIONS,
      Statistic: 'Average',
      Period: 60,
      EvaluationPeriods: 1,
      Threshold: 2,
      ComparisonOperator: 'LessThanOrEqualToThreshold',
      AlarmActions: [PolicyARN],
    });
    sim.control.advance(600);
    // RunningTaskCount ≤ 2 breaches: the policy adds a task; with 3 running the alarm is OK and nothing more happens.
    expect(sim.cloudWatch.describeAlarms({ AlarmNames: ['web-tasks'] }).MetricAlarms[0].StateValue).toBe('OK');
    expect(sim.describeServices({ services: ['web'] }).services[0].desiredCount).toBe(3);
    const causes = sim.applicationAutoScaling.describeScalingActivities(target).ScalingActivities.map((a) => a.Cause);
    expect(causes).toEqual(['monitor alarm web-tasks in state ALARM triggered policy steps']);
  });

  it('refuses an alarm on a metric the simulator does not publish, or a period other than a minute', () => {
    const sim = serviceWithTarget();
    const alarm = {
      AlarmName: 'a',
      Namespace: 'AWS/ECS',
      MetricName: 'CPUUtilization',
      Dimensions: WEB_DIMENSIONS,
      Statistic: 'Average' as const,
      Period: 60,
      EvaluationPeriods: 3,
      Threshold: 70,
      ComparisonOperator: 'GreaterThanThreshold' as const,
    };
    expect(rejection(() => sim.cloudWatch.putMetricAlarm({ ...alarm, MetricName: 'DiskReadOps' }))).toMatchObject({ name: 'InvalidParameterValue', field: 'MetricName' });
    expect(rejection(() => sim.cloudWatch.putMetricAlarm({ ...alarm, Period: 300 }))).toMatchObject({ name: 'InvalidParameterValue', field: 'Period' });
    expect(rejection(() => sim.cloudWatch.putMetricAlarm({ ...alarm, DatapointsToAlarm: 4 }))).toMatchObject({ name: 'InvalidParameterValue', field: 'DatapointsToAlarm' });
    expect(sim.cloudWatch.describeAlarms().MetricAlarms).toEqual([]);
  });
});

describe('target tracking on a customized metric', () => {
  const metricStat = (id: string, namespace: string, name: string, dimensions: Array<{ Name: string; Value: string }>) => ({
    Id: id,
    MetricStat: { Metric: { Namespace: namespace, MetricName: name, Dimensions: dimensions }, Stat: 'Sum' },
    ReturnData: false,
  });
  const backlog = (expression: string) =>
    ({
      ...target,
      PolicyName: 'backlog',
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: {
        TargetValue: 30,
        CustomizedMetricSpecification: {
          Metrics: [
            metricStat('m1', 'AWS/SQS', 'ApproximateNumberOfMessagesVisible', [{ Name: 'QueueName', Value: 'jobs' }]),
            metricStat('m2', 'ECS/ContainerInsights', 'RunningTaskCount', WEB_DIMENSIONS),
            { Id: 'e1', Expression: expression, ReturnData: true },
          ],
        },
      },
    }) as never;

  it('accepts backlog per task as "m1 / m2" and refuses other metric math, naming the expression', () => {
    const sim = serviceWithTarget();
    expect(sim.applicationAutoScaling.putScalingPolicy(backlog('m1 / m2')).PolicyARN).toMatch(/policyName\/backlog$/);
    expect(rejection(() => sim.applicationAutoScaling.putScalingPolicy(backlog('m1 * m2')))).toMatchObject({
      name: 'ValidationException',
      field: 'TargetTrackingScalingPolicyConfiguration.CustomizedMetricSpecification.Metrics[2].Expression',
    });
  });

  it('has no backlog-per-task datapoint in a minute with no running task, as CloudWatch drops a division by zero', () => {
    const metrics = new Map([
      ['visible', [{ time: 60_000, value: 90 }, { time: 120_000, value: 40 }]],
      ['tasks', [{ time: 60_000, value: 3 }, { time: 120_000, value: 0 }]],
    ]);
    expect(datapointsOf({ state: { metrics } } as never, { key: 'visible', divideBy: 'tasks' })).toEqual([{ time: 60_000, value: 30 }]);
  });
});

describe('DescribeScalingPolicies', () => {
  it('gives a customized metric back as written, and a step policy the alarms that run it', () => {
    const sim = serviceWithTarget();
    const customized = {
      Metrics: [
        { Id: 'm1', MetricStat: { Metric: { Namespace: 'AWS/SQS', MetricName: 'ApproximateNumberOfMessagesVisible', Dimensions: [{ Name: 'QueueName', Value: 'jobs' }] }, Stat: 'Average' }, ReturnData: false },
        { Id: 'm2', MetricStat: { Metric: { Namespace: 'ECS/ContainerInsights', MetricName: 'RunningTaskCount', Dimensions: WEB_DIMENSIONS }, Stat: 'Average' }, ReturnData: false },
        { Id: 'e1', Expression: 'm1 / m2', ReturnData: true },
      ],
    };
    sim.applicationAutoScaling.putScalingPolicy({ ...target, PolicyName: 'backlog', PolicyType: 'TargetTrackingScaling', TargetTrackingScalingPolicyConfiguration: { TargetValue: 30, CustomizedMetricSpecification: customized } } as never);
    const { PolicyARN } = sim.applicationAutoScaling.putScalingPolicy(stepPolicy([{ MetricIntervalLowerBound: 0, ScalingAdjustment: 1 }]));
    sim.cloudWatch.putMetricAlarm({ AlarmName: 'web-cpu', Namespace: 'AWS/ECS', MetricName: 'CPUUtilization', Dimensions: WEB_DIMENSIONS, Statistic: 'Average', Period: 60, EvaluationPeriods: 1, Threshold: 70, ComparisonOperator: 'GreaterThanThreshold', AlarmActions: [PolicyARN] });
    const policies = sim.applicationAutoScaling.describeScalingPolicies({ ServiceNamespace: 'ecs', ResourceId: target.ResourceId }).ScalingPolicies;
    const backlog = policies.find((p) => p.PolicyName === 'backlog') as unknown as { TargetTrackingScalingPolicyConfiguration: { CustomizedMetricSpecification: unknown } };
    expect(backlog.TargetTrackingScalingPolicyConfiguration.CustomizedMetricSpecification).toEqual(customized);
    const steps = policies.find((p) => p.PolicyName === 'steps') as unknown as { Alarms: Array<{ AlarmName: string }> };
    expect(steps.Alarms.map((a) => a.AlarmName)).toEqual(['web-cpu']);
  });
});
