/** Application Auto Scaling for an ECS service's desired count. */
export interface TargetTrackingPolicy {
  name: string;
  arn: string;
  metric: 'CPUUtilization' | 'MemoryUtilization';
  targetValue: number;
  scaleOutCooldown: number;
  scaleInCooldown: number;
  disableScaleIn: boolean;
}

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
  StatusCode: 'Successful';
}

export interface ScalableTargetRecord {
  resourceId: string;
  clusterName: string;
  serviceName: string;
  minCapacity: number;
  maxCapacity: number;
  policies: TargetTrackingPolicy[];
  scheduledActions: ScheduledAction[];
  activities: ScalingActivity[];
  lastScaleOutAt: number;
  lastScaleInAt: number;
}
