import type { MetricSource } from '../cloudwatch/metric-source.js';

/** Application Auto Scaling for an ECS service's desired count. */
export interface TargetTrackingPolicy {
  type: 'TargetTrackingScaling';
  name: string;
  arn: string;
  /** The predefined CPU metric of the service, or a customized one (backlog per task, say). */
  metric: MetricSource;
  /** The metric as the request wrote it ({PredefinedMetricSpecification} or {CustomizedMetricSpecification}), for DescribeScalingPolicies. */
  specification: Record<string, unknown>;
  targetValue: number;
  scaleOutCooldown: number;
  scaleInCooldown: number;
  disableScaleIn: boolean;
}

export interface StepAdjustment {
  lower?: number;
  upper?: number;
  adjustment: number;
}

export type AdjustmentType = 'ChangeInCapacity' | 'PercentChangeInCapacity' | 'ExactCapacity';

/** A step scaling policy: what its alarm's breach size asks for, and its cooldown bookkeeping. */
export interface StepScalingPolicy {
  type: 'StepScaling';
  name: string;
  arn: string;
  adjustmentType: AdjustmentType;
  steps: StepAdjustment[];
  cooldown: number;
  minAdjustmentMagnitude?: number;
  aggregation: 'Average' | 'Minimum' | 'Maximum';
  /** Virtual ms of this policy's last scaling activity (-Infinity: none). */
  lastScaledAt: number;
  lastDirection?: 'out' | 'in';
  /** The capacity before the scale-outs of the current cooldown: later scale-outs count from it. */
  scaleOutBase?: number;
}

export type ScalingPolicy = TargetTrackingPolicy | StepScalingPolicy;

export interface ScheduledAction {
  name: string;
  schedule: string;
  minCapacity?: number;
  maxCapacity?: number;
  /** Virtual ms of the last time it ran, so a minute-precise schedule fires once. */
  lastRunAt?: number;
}

export interface ScalingActivity {
  ActivityId: string;
  ResourceId: string;
  Description: string;
  Cause: string;
  StartTime: number;
  StatusCode: 'Successful' | 'Failed';
  StatusMessage?: string;
}

/**
 * The bounds a scheduled action leaves: what it sets, the rest kept. An action that would put the minimum
 * above the maximum fails and changes nothing (Application Auto Scaling never holds inverted bounds; how
 * the real service words the failure is not documented, so the message is ecs-lab's).
 */
export function scheduledBounds(
  current: { minCapacity: number; maxCapacity: number },
  action: { minCapacity?: number; maxCapacity?: number },
): { minCapacity: number; maxCapacity: number } | { refused: string } {
  const minCapacity = action.minCapacity ?? current.minCapacity;
  const maxCapacity = action.maxCapacity ?? current.maxCapacity;
  if (minCapacity > maxCapacity) return { refused: `Minimum capacity ${minCapacity} cannot be greater than maximum capacity ${maxCapacity}.` };
  return { minCapacity, maxCapacity };
}

export interface ScalableTargetRecord {
  resourceId: string;
  clusterName: string;
  serviceName: string;
  minCapacity: number;
  maxCapacity: number;
  policies: ScalingPolicy[];
  scheduledActions: ScheduledAction[];
  activities: ScalingActivity[];
  lastScaleOutAt: number;
  lastScaleInAt: number;
}

declare module '../kernel/context.js' {
  interface SimState {
    /** Application Auto Scaling scalable targets by resource id ("service/cluster/name"). */
    scalableTargets: Map<string, ScalableTargetRecord>;
  }
}
