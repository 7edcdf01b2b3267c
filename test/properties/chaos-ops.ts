import type { ImageBehaviour, PlacementStrategy } from '../../core/index.js';
import type { NeighbourOp } from './neighbour-ops.js';

/**
 * A chaos run as plain data: the simulator seed, the cluster to start from and the operations to apply.
 * Plain data so that a failing run prints as JSON and replays exactly (replay.ts).
 */
export const CLUSTER = 'chaos';
export const FAMILIES = ['web', 'api', 'worker'] as const;
export const DAEMON_FAMILY = 'worker';
/** Each family its own static host port, so that only tasks of one family compete for a port. */
export const staticPortOf = (family: Family) => 8080 + FAMILIES.indexOf(family);
/** The Fargate family (awsvpc, 256 CPU / 512 MiB): only FARGATE and FARGATE_SPOT services use it. */
export const FARGATE_FAMILY = 'fg';
export const SERVICES = ['s1', 's2', 's3', 's4'] as const;
export const ASG_PROVIDER = 'asg-provider';
export const ALARM_NAME = 'chaos-cpu-high';
export const IMAGES = ['img-a', 'img-b', 'img-c', 'img-d'] as const;

export type Family = (typeof FAMILIES)[number];
export type ServiceName = (typeof SERVICES)[number];
export type Image = (typeof IMAGES)[number];

export interface InstanceGroup {
  instanceType: string;
  count: number;
  zones: number;
  lifecycle: 'on-demand' | 'spot';
  spotInstanceDraining: boolean;
}

export interface ClusterSpec {
  /** FARGATE and FARGATE_SPOT associated with the cluster. */
  fargate: boolean;
  groups: InstanceGroup[];
}

export type StrategyChoice = 'default' | 'binpack' | 'spread-zone' | 'random';

export type Op =
  | { op: 'registerTaskDefinition'; family: Family; image: Image; cpu: number; memory: number; ports: 'none' | 'dynamic' | 'static' | 'host'; healthCheck: boolean }
  | { op: 'registerFargateTaskDefinition'; image: Image }
  | {
      op: 'createService';
      service: ServiceName;
      family: Family | typeof FARGATE_FAMILY;
      desiredCount: number;
      minimumHealthyPercent: number;
      maximumPercent: number;
      circuitBreaker?: { enable: boolean; rollback: boolean };
      strategy: StrategyChoice;
      distinctInstance: boolean;
      daemon: boolean;
      /** Fargate services: weights of FARGATE and FARGATE_SPOT. */
      fargateWeights?: [number, number];
      /** Registered in the cluster's target group (tasks with a port mapping only). */
      loadBalanced?: boolean;
      /** EC2 services: placed through the Auto Scaling group's capacity provider, once one exists. */
      autoScalingGroup?: boolean;
      /** Load-balanced services: deployed blue/green by CodeDeploy, in task sets. */
      blueGreen?: boolean;
      /** REPLICA services that are not blue/green: the EXTERNAL controller, whose task sets the run creates. */
      external?: boolean;
    }
  | {
      op: 'updateService';
      service: ServiceName;
      /** A revision number of the service's family, newest if it is past the last one. */
      revision?: number;
      desiredCount?: number;
      minimumHealthyPercent?: number;
      maximumPercent?: number;
      circuitBreaker?: { enable: boolean; rollback: boolean };
      forceNewDeployment?: boolean;
    }
  | { op: 'deleteService'; service: ServiceName }
  | { op: 'runTask'; family: Family; count: number }
  | { op: 'stopTask'; pick: number }
  | { op: 'setInstanceState'; pick: number; status: 'ACTIVE' | 'DRAINING' }
  | { op: 'addInstances'; group: InstanceGroup }
  | { op: 'advance'; seconds: number }
  | { op: 'interruptSpotInstance'; pick: number }
  | { op: 'interruptFargateSpotTasks'; count: number }
  | { op: 'setFargateCapacity'; provider: 'FARGATE' | 'FARGATE_SPOT'; maxTasks: number | null }
  | { op: 'registerImage'; image: Image; behaviour: ImageBehaviour }
  /** An Auto Scaling group behind the capacity provider ASG_PROVIDER, with managed scaling (once per run). */
  | { op: 'addAutoScalingGroup'; instanceType: string; targetCapacity: number }
  /** Application Auto Scaling target tracking on the service's CPU. */
  | { op: 'autoScale'; service: ServiceName; min: number; max: number; targetCpu: number }
  /** The service's deployments watch the CPU alarm ALARM_NAME, rolling back (or not) when it fires. */
  | { op: 'watchAlarm'; service: ServiceName; rollback: boolean }
  | { op: 'setAlarmState'; state: 'OK' | 'ALARM' }
  /** A CodeDeploy blue/green deployment of a revision, its replacement behind target group `green` (0 or 1, or the one production does not use). */
  | { op: 'blueGreenDeploy'; service: ServiceName; revision: number; config: BlueGreenConfig; green: 0 | 1 | 'idle' }
  | NeighbourOp;

export const BLUE_GREEN_CONFIGS = ['ECSAllAtOnce', 'ECSCanary10Percent5Minutes', 'ECSLinear10PercentEvery1Minutes'] as const;
export type BlueGreenConfig = (typeof BLUE_GREEN_CONFIGS)[number];

export interface ChaosRun {
  seed: number;
  cluster: ClusterSpec;
  ops: Op[];
}

export const strategyFor: Record<StrategyChoice, PlacementStrategy[] | undefined> = {
  default: undefined,
  binpack: [{ type: 'binpack', field: 'memory' }],
  'spread-zone': [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'spread', field: 'instanceId' }],
  random: [{ type: 'random' }],
};

/** Operations that take capacity away or make tasks fail: with none of them, a deployment is never starved. */
export function isFault(op: Op): boolean {
  switch (op.op) {
    case 'stopTask':
    case 'interruptSpotInstance':
    case 'interruptFargateSpotTasks':
    case 'setFargateCapacity':
    case 'deleteService':
      return true;
    case 'setAlarmState':
      return op.state === 'ALARM';
    case 'setInstanceState':
      return op.status === 'DRAINING';
    case 'registerImage':
      return Object.keys(op.behaviour).some((k) => ['pullError', 'crashAfterSeconds', 'unhealthyAfterSeconds'].includes(k));
    case 'sendMessages':
      return op.poison;
    default:
      return false;
  }
}
