import { answeringAs, EcsError } from '../kernel/errors.js';
import type { SimContext } from '../kernel/context.js';
import { optionalBoolean, optionalEnum, optionalInteger, optionalString, optionalStringList, rejectUnknownFields, requireObject, requireString } from '../kernel/fields.js';
import { startMetricsMinute } from '../cloudwatch/metrics-minute.js';
import { serviceMetricKey } from '../cloudwatch/metric-source.js';
import { customizedMetricSource, targetGroupDimension, targetGroupMetricKey, type MetricSource } from '../cloudwatch/metric-source.js';
import type { ScalableTargetRecord, ScalingPolicy, TargetTrackingPolicy } from './scalable-target.js';
import { parseStepScalingConfiguration } from './step-scaling-configuration.js';
import { validScheduleExpression } from '../kernel/schedule-expression.js';
import { DEFAULT_COOLDOWN_SECONDS } from './target-tracking.js';

/** Application Auto Scaling for ECS services, in that API's PascalCase shapes and exception names. */
const validation = (message: string, field: string) => new EcsError('ValidationException', message, field);

function ecsTarget(request: Record<string, unknown>): { resourceId: string; clusterName: string; serviceName: string } {
  if (request.ServiceNamespace !== 'ecs') throw validation('ServiceNamespace must be "ecs" in this simulator.', 'ServiceNamespace');
  if (request.ScalableDimension !== 'ecs:service:DesiredCount') throw validation('ScalableDimension must be "ecs:service:DesiredCount".', 'ScalableDimension');
  const resourceId = optionalString(request.ResourceId, 'ResourceId') ?? '';
  const match = /^service\/([A-Za-z0-9_-]+)\/([A-Za-z0-9_-]+)$/.exec(resourceId);
  if (!match) throw validation('ResourceId must look like service/<cluster>/<service>.', 'ResourceId');
  return { resourceId, clusterName: match[1], serviceName: match[2] };
}

function existingTarget(ctx: SimContext, request: Record<string, unknown>): ScalableTargetRecord {
  const { resourceId } = ecsTarget(request);
  const target = ctx.state.scalableTargets.get(resourceId);
  if (!target) throw new EcsError('ObjectNotFoundException', `No scalable target registered for service namespace: ecs, resource ID: ${resourceId}, scalable dimension: ecs:service:DesiredCount`, 'ResourceId');
  return target;
}

export function registerScalableTarget(ctx: SimContext, input: { ServiceNamespace: 'ecs'; ResourceId: string; ScalableDimension: 'ecs:service:DesiredCount'; MinCapacity?: number; MaxCapacity?: number }) {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', ['ServiceNamespace', 'ResourceId', 'ScalableDimension', 'MinCapacity', 'MaxCapacity', 'RoleARN', 'SuspendedState', 'Tags']);
  const { resourceId, clusterName, serviceName } = ecsTarget(request);
  const service = ctx.state.clusters.get(clusterName)?.services.get(serviceName);
  if (!service || service.status !== 'ACTIVE') throw validation(`ECS service doesn't exist: ${resourceId}`, 'ResourceId');
  const existing = ctx.state.scalableTargets.get(resourceId);
  const minCapacity = optionalInteger(request.MinCapacity, 'MinCapacity', { min: 0, max: 5000 }) ?? existing?.minCapacity;
  const maxCapacity = optionalInteger(request.MaxCapacity, 'MaxCapacity', { min: 0, max: 5000 }) ?? existing?.maxCapacity;
  if (minCapacity === undefined || maxCapacity === undefined) throw validation('MinCapacity and MaxCapacity are required for a new scalable target.', 'MinCapacity');
  if (minCapacity > maxCapacity) throw validation('Minimum capacity cannot be greater than maximum capacity', 'MinCapacity');
  ctx.state.scalableTargets.set(resourceId, existing ? { ...existing, minCapacity, maxCapacity } : {
    resourceId, clusterName, serviceName, minCapacity, maxCapacity, policies: [], scheduledActions: [], activities: [], lastScaleOutAt: -Infinity, lastScaleInAt: -Infinity,
  });
  startMetricsMinute(ctx);
  return { ScalableTargetARN: scalableTargetArn(ctx, resourceId) };
}

const scalableTargetArn = (ctx: SimContext, resourceId: string) => `arn:aws:application-autoscaling:${ctx.region}:${ctx.accountId}:scalable-target/${resourceId.replace(/\//g, '-')}`;

type PolicyConfiguration<T> = { PolicyName: string; ServiceNamespace: 'ecs'; ResourceId: string; ScalableDimension: 'ecs:service:DesiredCount' } & T;
type MetricDimension = { Name: string; Value: string };
type MetricSpec = { Namespace: string; MetricName: string; Dimensions?: MetricDimension[] };

export type PutScalingPolicyRequest =
  | PolicyConfiguration<{
      PolicyType: 'TargetTrackingScaling';
      TargetTrackingScalingPolicyConfiguration: {
        TargetValue: number;
        PredefinedMetricSpecification?: { PredefinedMetricType: (typeof PREDEFINED_METRIC_TYPES)[number]; ResourceLabel?: string };
        CustomizedMetricSpecification?:
          | (MetricSpec & { Statistic: string })
          | { Metrics: Array<{ Id: string; MetricStat?: { Metric: MetricSpec; Stat: string }; Expression?: string; Label?: string; ReturnData?: boolean }> };
        ScaleOutCooldown?: number;
        ScaleInCooldown?: number;
        DisableScaleIn?: boolean;
      };
    }>
  | PolicyConfiguration<{
      PolicyType: 'StepScaling';
      StepScalingPolicyConfiguration: {
        AdjustmentType: 'ChangeInCapacity' | 'PercentChangeInCapacity' | 'ExactCapacity';
        StepAdjustments: Array<{ MetricIntervalLowerBound?: number; MetricIntervalUpperBound?: number; ScalingAdjustment: number }>;
        Cooldown?: number;
        MinAdjustmentMagnitude?: number;
        MetricAggregationType?: 'Average' | 'Minimum' | 'Maximum';
      };
    }>;

const PREDEFINED_METRIC_TYPES = ['ECSServiceAverageCPUUtilization', 'ECSServiceAverageMemoryUtilization', 'ALBRequestCountPerTarget'] as const;

/**
 * The series a predefined metric reads. ALBRequestCountPerTarget names its target group by ResourceLabel,
 * "app/LB-NAME/LB-ID/targetgroup/TG-NAME/TG-ID", and the group must be behind that load balancer.
 */
function predefinedMetric(ctx: SimContext, target: ScalableTargetRecord, spec: Record<string, unknown>, at: string): MetricSource & { percent: boolean } {
  rejectUnknownFields(spec, at, ['PredefinedMetricType', 'ResourceLabel']);
  const type = optionalEnum(spec.PredefinedMetricType, `${at}.PredefinedMetricType`, PREDEFINED_METRIC_TYPES);
  if (!type) throw validation(`${at}.PredefinedMetricType must be one of ${PREDEFINED_METRIC_TYPES.join(', ')}.`, `${at}.PredefinedMetricType`);
  if (type !== 'ALBRequestCountPerTarget') {
    if (spec.ResourceLabel !== undefined) throw validation(`${at}.ResourceLabel is only for ALBRequestCountPerTarget.`, `${at}.ResourceLabel`);
    return { key: serviceMetricKey(target.clusterName, target.serviceName, type === 'ECSServiceAverageCPUUtilization' ? 'CPUUtilization' : 'MemoryUtilization'), percent: true };
  }
  const label = optionalString(spec.ResourceLabel, `${at}.ResourceLabel`) ?? '';
  const match = /^(app\/[^/]+\/[^/]+)\/(targetgroup\/[^/]+\/[^/]+)$/.exec(label);
  const tg = match ? [...ctx.state.elb.targetGroups.values()].find((g) => targetGroupDimension(g.arn) === match[2]) : undefined;
  if (!match || !tg || !tg.loadBalancerArns.some((arn) => arn.endsWith(`:loadbalancer/${match[1]}`))) {
    throw validation(`${at}.ResourceLabel must be app/<load-balancer-name>/<id>/targetgroup/<target-group-name>/<id> for a target group behind that load balancer; got ${JSON.stringify(label)}.`, `${at}.ResourceLabel`);
  }
  return { key: targetGroupMetricKey(match[2], 'RequestCountPerTarget'), percent: false };
}

function targetTrackingConfiguration(ctx: SimContext, target: ScalableTargetRecord, input: unknown): Omit<TargetTrackingPolicy, 'name' | 'arn'> {
  const at = 'TargetTrackingScalingPolicyConfiguration';
  const config = requireObject(input, at);
  rejectUnknownFields(config, at, ['TargetValue', 'PredefinedMetricSpecification', 'CustomizedMetricSpecification', 'ScaleOutCooldown', 'ScaleInCooldown', 'DisableScaleIn']);
  if ((config.PredefinedMetricSpecification === undefined) === (config.CustomizedMetricSpecification === undefined)) {
    throw validation(`${at} needs exactly one of PredefinedMetricSpecification and CustomizedMetricSpecification.`, `${at}.PredefinedMetricSpecification`);
  }
  const predefined = config.PredefinedMetricSpecification === undefined ? undefined : requireObject(config.PredefinedMetricSpecification, `${at}.PredefinedMetricSpecification`);
  const metric = predefined
    ? predefinedMetric(ctx, target, predefined, `${at}.PredefinedMetricSpecification`)
    : { ...customizedMetricSource(requireObject(config.CustomizedMetricSpecification, `${at}.CustomizedMetricSpecification`), `${at}.CustomizedMetricSpecification`), percent: false };
  const targetValue = config.TargetValue;
  if (typeof targetValue !== 'number' || !(targetValue > 0) || targetValue > (metric.percent ? 100 : 1e12)) {
    throw validation(`${at}.TargetValue must be a number above 0${metric.percent ? ' and at most 100 for a utilisation' : ''}.`, `${at}.TargetValue`);
  }
  return {
    type: 'TargetTrackingScaling',
    metric: metric.divideBy ? { key: metric.key, divideBy: metric.divideBy } : { key: metric.key },
    specification: predefined ? { PredefinedMetricSpecification: structuredClone(predefined) } : { CustomizedMetricSpecification: structuredClone(config.CustomizedMetricSpecification) },
    targetValue,
    scaleOutCooldown: optionalInteger(config.ScaleOutCooldown, `${at}.ScaleOutCooldown`, { min: 0, max: 86400 }) ?? DEFAULT_COOLDOWN_SECONDS,
    scaleInCooldown: optionalInteger(config.ScaleInCooldown, `${at}.ScaleInCooldown`, { min: 0, max: 86400 }) ?? DEFAULT_COOLDOWN_SECONDS,
    disableScaleIn: optionalBoolean(config.DisableScaleIn, `${at}.DisableScaleIn`) ?? false,
  };
}

/** PutScalingPolicy: target tracking (CPU, or a customized metric such as backlog per task) or step scaling. */
export function putScalingPolicy(ctx: SimContext, input: PutScalingPolicyRequest) {
  return answeringAs('ValidationException', () => {
    const request = requireObject(input, 'request');
    rejectUnknownFields(request, '', ['PolicyName', 'ServiceNamespace', 'ResourceId', 'ScalableDimension', 'PolicyType', 'TargetTrackingScalingPolicyConfiguration', 'StepScalingPolicyConfiguration']);
    const target = existingTarget(ctx, request);
    const name = optionalString(request.PolicyName, 'PolicyName');
    if (!name || name.length > 256) throw validation('PolicyName must be 1 to 256 characters.', 'PolicyName');
    const type = optionalEnum(request.PolicyType, 'PolicyType', ['TargetTrackingScaling', 'StepScaling'] as const) ?? 'StepScaling';
    const [wanted, other] = type === 'StepScaling' ? ['StepScalingPolicyConfiguration', 'TargetTrackingScalingPolicyConfiguration'] : ['TargetTrackingScalingPolicyConfiguration', 'StepScalingPolicyConfiguration'];
    if (request[other] !== undefined) throw validation(`${other} cannot be used with PolicyType ${type}.`, other);
    if (request[wanted] === undefined) throw validation(`${wanted} is required for PolicyType ${type}.`, wanted);
    const configuration =
      type === 'StepScaling'
        ? { type, ...parseStepScalingConfiguration(request.StepScalingPolicyConfiguration), lastScaledAt: -Infinity }
        : targetTrackingConfiguration(ctx, target, request.TargetTrackingScalingPolicyConfiguration);
    const existing = target.policies.find((p) => p.name === name);
    // Updating a policy keeps its ARN, so alarms that name it keep working.
    const arn = existing?.arn ?? `arn:aws:autoscaling:${ctx.region}:${ctx.accountId}:scalingPolicy:${ctx.random.uuid()}:resource/ecs/${target.resourceId}:policyName/${name}`;
    const policy: ScalingPolicy = { name, arn, ...configuration };
    target.policies = [...target.policies.filter((p) => p.name !== name), policy];
    return type === 'StepScaling'
      ? { PolicyARN: policy.arn, Alarms: [] }
      : { PolicyARN: policy.arn, Alarms: [{ AlarmName: `TargetTracking-${target.resourceId}-AlarmHigh` }, { AlarmName: `TargetTracking-${target.resourceId}-AlarmLow` }] };
  });
}

export function putScheduledAction(
  ctx: SimContext,
  input: { ScheduledActionName: string; ServiceNamespace: 'ecs'; ResourceId: string; ScalableDimension: 'ecs:service:DesiredCount'; Schedule: string; ScalableTargetAction: { MinCapacity?: number; MaxCapacity?: number } },
) {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', ['ScheduledActionName', 'ServiceNamespace', 'ResourceId', 'ScalableDimension', 'Schedule', 'ScalableTargetAction', 'Timezone', 'StartTime', 'EndTime']);
  const target = existingTarget(ctx, request);
  const name = optionalString(request.ScheduledActionName, 'ScheduledActionName');
  if (!name) throw validation('ScheduledActionName is required.', 'ScheduledActionName');
  const schedule = optionalString(request.Schedule, 'Schedule') ?? '';
  if (!validScheduleExpression(schedule)) {
    throw validation('Schedule must be at(yyyy-mm-ddThh:mm:ss), rate(N minutes|hours|days) or cron(minute hour day month ? year) with numbers or *.', 'Schedule');
  }
  const action = requireObject(request.ScalableTargetAction, 'ScalableTargetAction');
  const minCapacity = optionalInteger(action.MinCapacity, 'ScalableTargetAction.MinCapacity', { min: 0, max: 5000 });
  const maxCapacity = optionalInteger(action.MaxCapacity, 'ScalableTargetAction.MaxCapacity', { min: 0, max: 5000 });
  if (minCapacity === undefined && maxCapacity === undefined) throw validation('ScalableTargetAction needs MinCapacity or MaxCapacity.', 'ScalableTargetAction');
  target.scheduledActions = [...target.scheduledActions.filter((a) => a.name !== name), { name, schedule, minCapacity, maxCapacity }];
  return {};
}

export function describeScalingActivities(ctx: SimContext, input: { ServiceNamespace: 'ecs'; ResourceId: string; ScalableDimension?: string }) {
  const request = requireObject(input, 'request');
  const target = existingTarget(ctx, { ...request, ScalableDimension: request.ScalableDimension ?? 'ecs:service:DesiredCount' });
  return { ScalingActivities: target.activities.map((a) => ({ ...a, ServiceNamespace: 'ecs', ScalableDimension: 'ecs:service:DesiredCount' })) };
}

const ECS_DIMENSION = { ServiceNamespace: 'ecs', ScalableDimension: 'ecs:service:DesiredCount' } as const;

/** The Describe actions' filters: ServiceNamespace is required; only ECS services' desired count is simulated. */
function describeFilter(request: Record<string, unknown>): void {
  if (request.ServiceNamespace !== 'ecs') throw validation('ServiceNamespace must be "ecs" in this simulator.', 'ServiceNamespace');
  if (request.ScalableDimension !== undefined && request.ScalableDimension !== 'ecs:service:DesiredCount') {
    throw validation('ScalableDimension must be "ecs:service:DesiredCount".', 'ScalableDimension');
  }
}

/** DescribeScalableTargets: every registered target, or those named in ResourceIds (unknown ids are left out, as AWS does). */
export function describeScalableTargets(ctx: SimContext, input: { ServiceNamespace: 'ecs'; ResourceIds?: string[]; ScalableDimension?: string }) {
  return answeringAs('ValidationException', () => {
    const request = requireObject(input, 'request');
    rejectUnknownFields(request, '', ['ServiceNamespace', 'ResourceIds', 'ScalableDimension']);
    describeFilter(request);
    const ids = optionalStringList(request.ResourceIds, 'ResourceIds', 50);
    const targets = [...ctx.state.scalableTargets.values()].filter((t) => !ids || ids.includes(t.resourceId));
    return {
      ScalableTargets: targets.map((t) => ({
        ...ECS_DIMENSION,
        ResourceId: t.resourceId,
        MinCapacity: t.minCapacity,
        MaxCapacity: t.maxCapacity,
        ScalableTargetARN: scalableTargetArn(ctx, t.resourceId),
        SuspendedState: { DynamicScalingInSuspended: false, DynamicScalingOutSuspended: false, ScheduledScalingSuspended: false },
      })),
    };
  });
}

function policyConfiguration(ctx: SimContext, target: ScalableTargetRecord, policy: ScalingPolicy) {
  if (policy.type === 'StepScaling') {
    return {
      StepScalingPolicyConfiguration: {
        AdjustmentType: policy.adjustmentType,
        StepAdjustments: policy.steps.map((s) => ({ MetricIntervalLowerBound: s.lower, MetricIntervalUpperBound: s.upper, ScalingAdjustment: s.adjustment })),
        Cooldown: policy.cooldown,
        MinAdjustmentMagnitude: policy.minAdjustmentMagnitude,
        MetricAggregationType: policy.aggregation,
      },
      // The CloudWatch alarms that run this policy (their AlarmActions name its ARN).
      Alarms: [...ctx.state.metricAlarms.values()].filter((a) => a.alarmActions.includes(policy.arn)).map((a) => ({ AlarmName: a.name, AlarmARN: a.arn })),
    };
  }
  return {
    TargetTrackingScalingPolicyConfiguration: {
      TargetValue: policy.targetValue,
      ...structuredClone(policy.specification),
      ScaleOutCooldown: policy.scaleOutCooldown,
      ScaleInCooldown: policy.scaleInCooldown,
      DisableScaleIn: policy.disableScaleIn,
    },
    Alarms: [{ AlarmName: `TargetTracking-${target.resourceId}-AlarmHigh` }, { AlarmName: `TargetTracking-${target.resourceId}-AlarmLow` }],
  };
}

/** DescribeScalingPolicies: the policies of every target, or of one ResourceId, optionally only those in PolicyNames. */
export function describeScalingPolicies(ctx: SimContext, input: { ServiceNamespace: 'ecs'; ResourceId?: string; ScalableDimension?: string; PolicyNames?: string[] }) {
  return answeringAs('ValidationException', () => {
    const request = requireObject(input, 'request');
    rejectUnknownFields(request, '', ['ServiceNamespace', 'ResourceId', 'ScalableDimension', 'PolicyNames']);
    describeFilter(request);
    const resourceId = optionalString(request.ResourceId, 'ResourceId');
    const names = optionalStringList(request.PolicyNames, 'PolicyNames', 50);
    const targets = [...ctx.state.scalableTargets.values()].filter((t) => resourceId === undefined || t.resourceId === resourceId);
    return {
      ScalingPolicies: targets.flatMap((target) =>
        target.policies
          .filter((p) => !names || names.includes(p.name))
          .map((p) => ({ PolicyARN: p.arn, PolicyName: p.name, ...ECS_DIMENSION, ResourceId: target.resourceId, PolicyType: p.type, ...policyConfiguration(ctx, target, p) })),
      ),
    };
  });
}

/** DeleteScalingPolicy: the policy stops scaling at once; alarms naming its ARN then act on nothing. */
export function deleteScalingPolicy(ctx: SimContext, input: { PolicyName: string; ServiceNamespace: 'ecs'; ResourceId: string; ScalableDimension: 'ecs:service:DesiredCount' }) {
  return answeringAs('ValidationException', () => {
    const request = requireObject(input, 'request');
    rejectUnknownFields(request, '', ['PolicyName', 'ServiceNamespace', 'ResourceId', 'ScalableDimension']);
    const name = requireString(request.PolicyName, 'PolicyName');
    const target = existingTarget(ctx, request);
    if (!target.policies.some((p) => p.name === name)) {
      throw new EcsError('ObjectNotFoundException', `No scaling policy found for service namespace: ecs, resource ID: ${target.resourceId}, scalable dimension: ecs:service:DesiredCount, policy name: ${name}`, 'PolicyName');
    }
    target.policies = target.policies.filter((p) => p.name !== name);
    return {};
  });
}

/** DeregisterScalableTarget: the target goes with its scaling policies and scheduled actions; the service keeps its desired count. */
export function deregisterScalableTarget(ctx: SimContext, input: { ServiceNamespace: 'ecs'; ResourceId: string; ScalableDimension: 'ecs:service:DesiredCount' }) {
  return answeringAs('ValidationException', () => {
    const request = requireObject(input, 'request');
    rejectUnknownFields(request, '', ['ServiceNamespace', 'ResourceId', 'ScalableDimension']);
    ctx.state.scalableTargets.delete(existingTarget(ctx, request).resourceId);
    return {};
  });
}
