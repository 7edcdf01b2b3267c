import type { SimContext } from '../kernel/context.js';
import type { ServiceRecord, TaskRecord } from '../ecs/model/state.js';
import type { PlacementExplanation } from '../ecs/model/placement-explanation.js';
import { circuitBreakerThreshold } from '../ecs/services/circuit-breaker.js';
import { deploymentBounds } from '../ecs/services/deployment-bounds.js';
import { listedDeployments } from '../ecs/services/deployments.js';

/**
 * A plain, drawable picture of the simulator at one instant: what the docs' cluster view, the CLI and the
 * dashboard render. Built from state, never stored in it.
 */
export interface TaskTile {
  taskArn: string;
  taskId: string;
  family: string;
  revision: number;
  lastStatus: string;
  desiredStatus: string;
  healthy: boolean;
  serviceName?: string;
  cpu: number;
  memory: number;
  stoppedReason?: string;
  /** Why it stops, once it is stopping (TaskFailedToStart: it never ran). */
  stopCode?: string;
  placement?: PlacementExplanation;
  availabilityZone?: string;
  /** FARGATE or FARGATE_SPOT for tasks placed by a capacity provider strategy. */
  capacityProviderName?: string;
  launchType: string;
}

export interface InstanceTile {
  containerInstanceArn: string;
  containerInstanceId: string;
  ec2InstanceId: string;
  instanceType: string;
  availabilityZone: string;
  status: string;
  registeredCpu: number;
  registeredMemory: number;
  remainingCpu: number;
  remainingMemory: number;
  tasks: TaskTile[];
}

/** A service as the player's charts draw it: its desired count, and the task counts its deployment stays between. */
export interface ServicePicture {
  serviceName: string;
  desiredCount: number;
  /** ceil(desired × minimumHealthyPercent / 100): healthy tasks a deployment keeps. */
  lower: number;
  /** floor(desired × maximumPercent / 100): tasks running or pending at most. */
  upper: number;
  /** Deployments the service lists (as DescribeServices): more than one while an update replaces tasks. */
  deployments: number;
  /** With the deployment circuit breaker on: the most failed tasks any deployment counts, and the count that fails it. */
  breaker?: { failedTasks: number; threshold: number };
}

export interface ClusterPicture {
  clusterName: string;
  availabilityZones: string[];
  instances: InstanceTile[];
  /** Fargate tasks have no instance to sit on: they are drawn by zone. */
  fargateTasks: TaskTile[];
  /** The cluster's ACTIVE services, as ListServices lists them. */
  services: ServicePicture[];
}

export interface ClusterViewSnapshot {
  /** Virtual milliseconds. */
  time: number;
  clusters: ClusterPicture[];
}

function tile(task: TaskRecord): TaskTile {
  return {
    taskArn: task.arn,
    taskId: task.id,
    family: task.taskDefinition.family,
    revision: task.taskDefinition.revision,
    lastStatus: task.lastStatus,
    desiredStatus: task.desiredStatus,
    healthy: task.healthyAt !== undefined && task.desiredStatus === 'RUNNING',
    serviceName: task.serviceName,
    cpu: task.cpu,
    memory: task.memory,
    ...(task.stoppedReason ? { stoppedReason: task.stoppedReason } : {}),
    ...(task.stopCode ? { stopCode: task.stopCode } : {}),
    ...(task.placement ? { placement: task.placement } : {}),
    ...(task.availabilityZone ? { availabilityZone: task.availabilityZone } : {}),
    ...(task.capacityProviderName ? { capacityProviderName: task.capacityProviderName } : {}),
    launchType: task.launchType,
  };
}

/** Tasks that have not reached STOPPED, grouped on their instances; instances grouped by zone order. */
export function clusterView(ctx: SimContext): ClusterViewSnapshot {
  const clusters: ClusterPicture[] = [];
  for (const cluster of ctx.state.clusters.values()) {
    if (cluster.status !== 'ACTIVE') continue;
    const instances: InstanceTile[] = [...cluster.instances.values()].map((instance) => ({
      containerInstanceArn: instance.arn,
      containerInstanceId: instance.id,
      ec2InstanceId: instance.ec2InstanceId,
      instanceType: instance.instanceType,
      availabilityZone: instance.availabilityZone,
      status: instance.status,
      registeredCpu: instance.registeredCpu,
      registeredMemory: instance.registeredMemory,
      remainingCpu: instance.registeredCpu - instance.usedCpu,
      remainingMemory: instance.registeredMemory - instance.usedMemory,
      tasks: [...instance.tasks.values()].map(tile),
    }));
    const fargateTasks = [...cluster.tasks.values()].filter((t) => t.launchType === 'FARGATE' && t.lastStatus !== 'STOPPED').map(tile);
    const zones = [...instances.map((i) => i.availabilityZone), ...fargateTasks.map((t) => t.availabilityZone ?? '')];
    const availabilityZones = [...new Set(zones.filter(Boolean))].sort();
    const services = [...cluster.services.values()].filter((s) => s.status === 'ACTIVE').map(servicePicture);
    clusters.push({ clusterName: cluster.name, availabilityZones, instances, fargateTasks, services });
  }
  return { time: ctx.clock.now, clusters };
}

function servicePicture(service: ServiceRecord): ServicePicture {
  const { desiredCount, deploymentConfiguration: config } = service;
  const listed = listedDeployments(service);
  return {
    serviceName: service.name,
    desiredCount,
    ...deploymentBounds(desiredCount, config.minimumHealthyPercent, config.maximumPercent),
    deployments: listed.length,
    ...(config.deploymentCircuitBreaker?.enable
      ? { breaker: { failedTasks: Math.max(0, ...listed.map((d) => d.failedTasks)), threshold: circuitBreakerThreshold(desiredCount) } }
      : {}),
  };
}
