/** A capacity provider's managedScaling, with ECS's defaults filled in. */
export interface ManagedScalingSettings {
  targetCapacity: number;
  minimumScalingStepSize: number;
  maximumScalingStepSize: number;
  instanceWarmupPeriod: number;
}

/** EC2 Auto Scaling groups (simulated) and the ECS capacity providers in front of them. */
export interface AutoScalingGroupRecord {
  arn: string;
  name: string;
  clusterName: string;
  instanceType: string;
  minSize: number;
  maxSize: number;
  availabilityZones: string[];
  lifecycle: 'on-demand' | 'spot';
  spotInstanceDraining: boolean;
  /** Launch times (virtual ms) of instances still booting, and of every instance launched, for warm-up. */
  booting: number[];
  launchedAt: Map<string, number>;
}

export interface CapacityProviderRecord {
  name: string;
  arn: string;
  autoScalingGroupArn: string;
  managedScaling: ManagedScalingSettings & { status: 'ENABLED' | 'DISABLED' };
  managedTerminationProtection: 'ENABLED' | 'DISABLED';
  minutesBelowTarget: number;
  /** CapacityProviderReservation, one datapoint a minute: what CloudWatch would graph. */
  reservations: Array<{ time: number; value: number }>;
}

/** An instance takes this long from launch to its agent registering with the cluster (the simulator's model). */
export const INSTANCE_BOOT_SECONDS = 60;
