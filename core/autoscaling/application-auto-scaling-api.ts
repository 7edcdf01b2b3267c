import { EcsError } from '../api/errors.js';
import type { SimContext } from '../engine/context.js';
import { optionalBoolean, optionalInteger, optionalString, rejectUnknownFields, requireObject } from '../validation/fields.js';
import { ensureMetrics } from './metrics-and-scaling.js';
import type { ScalableTargetRecord, TargetTrackingPolicy } from './scalable-target.js';
import { validScheduleExpression } from './schedule-expression.js';
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
  ensureMetrics(ctx);
  return { ScalableTargetARN: `arn:aws:application-autoscaling:${ctx.region}:${ctx.accountId}:scalable-target/${resourceId.replace(/\//g, '-')}` };
}

export function putScalingPolicy(
  ctx: SimContext,
  input: {
    PolicyName: string;
    ServiceNamespace: 'ecs';
    ResourceId: string;
    ScalableDimension: 'ecs:service:DesiredCount';
    PolicyType: 'TargetTrackingScaling';
    TargetTrackingScalingPolicyConfiguration: {
      TargetValue: number;
      PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' };
      ScaleOutCooldown?: number;
      ScaleInCooldown?: number;
      DisableScaleIn?: boolean;
    };
  },
) {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', ['PolicyName', 'ServiceNamespace', 'ResourceId', 'ScalableDimension', 'PolicyType', 'TargetTrackingScalingPolicyConfiguration', 'StepScalingPolicyConfiguration']);
  const target = existingTarget(ctx, request);
  const name = optionalString(request.PolicyName, 'PolicyName');
  if (!name || name.length > 256) throw validation('PolicyName must be 1 to 256 characters.', 'PolicyName');
  if (request.PolicyType !== 'TargetTrackingScaling') {
    throw validation('PolicyType must be TargetTrackingScaling: step scaling is not simulated yet.', 'PolicyType');
  }
  const at = 'TargetTrackingScalingPolicyConfiguration';
  const config = requireObject(request.TargetTrackingScalingPolicyConfiguration, at);
  const targetValue = config.TargetValue;
  if (typeof targetValue !== 'number' || !(targetValue > 0) || targetValue > 100) throw validation(`${at}.TargetValue must be a number above 0 and at most 100 for CPU.`, `${at}.TargetValue`);
  const metricType = requireObject(config.PredefinedMetricSpecification, `${at}.PredefinedMetricSpecification`).PredefinedMetricType;
  if (metricType !== 'ECSServiceAverageCPUUtilization') {
    throw validation('PredefinedMetricType must be ECSServiceAverageCPUUtilization: the simulator measures CPU.', `${at}.PredefinedMetricSpecification.PredefinedMetricType`);
  }
  const policy: TargetTrackingPolicy = {
    name,
    arn: `arn:aws:autoscaling:${ctx.region}:${ctx.accountId}:scalingPolicy:${ctx.random.uuid()}:resource/ecs/${target.resourceId}:policyName/${name}`,
    metric: 'CPUUtilization',
    targetValue,
    scaleOutCooldown: optionalInteger(config.ScaleOutCooldown, `${at}.ScaleOutCooldown`, { min: 0, max: 86400 }) ?? DEFAULT_COOLDOWN_SECONDS,
    scaleInCooldown: optionalInteger(config.ScaleInCooldown, `${at}.ScaleInCooldown`, { min: 0, max: 86400 }) ?? DEFAULT_COOLDOWN_SECONDS,
    disableScaleIn: optionalBoolean(config.DisableScaleIn, `${at}.DisableScaleIn`) ?? false,
  };
  target.policies = [...target.policies.filter((p) => p.name !== name), policy];
  return { PolicyARN: policy.arn, Alarms: [{ AlarmName: `TargetTracking-${target.resourceId}-AlarmHigh` }, { AlarmName: `TargetTracking-${target.resourceId}-AlarmLow` }] };
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
