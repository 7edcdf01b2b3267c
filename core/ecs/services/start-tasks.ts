import type { LaunchType, NetworkConfiguration, PlacementConstraint, PlacementStrategy, Tag, TaskDefinition } from '../model/types.js';
import { arns } from '../../kernel/arns.js';
import { epochSeconds, type SimContext } from '../../kernel/context.js';
import { assignDynamicHostPorts, candidateAfterPlacement, reserve, toCandidate } from '../placement/instance-resources.js';
import { announceWaitingTask, launchTask } from '../tasks/task-transitions.js';
import { chooseFargateZone, fargateRoom, isFargateProvider, zonesOfSubnets } from '../capacity/fargate-capacity.js';
import { privateAddress } from '../capacity/private-address.js';
import { instanceTakes } from '../capacity/instance-launch-type.js';
import { daemonReservations, leavingReserved } from '../capacity/daemon-reservation.js';
import { awaitsDaemons } from '../capacity/managed-daemon-readiness.js';
import type { ClusterRecord, ContainerRecord, InstanceRecord, TaskRecord } from '../model/state.js';
import { Placer, type PlacementChoice } from '../placement/choose-instance.js';
import { requirementsOf, type TaskRequirements } from '../placement/task-requirements.js';

export interface StartRequest {
  taskDefinition: TaskDefinition;
  count: number;
  group: string;
  launchType: LaunchType;
  strategies: PlacementStrategy[];
  /** The call's or service's constraints; the task definition's are added here. */
  constraints?: PlacementConstraint[];
  startedBy?: string;
  serviceName?: string;
  /** An ECS Managed Daemon's task: the daemon. */
  daemonArn?: string;
  deploymentId?: string;
  tags?: Tag[];
  /** StartTask: only this instance may take the task. */
  onlyOn?: InstanceRecord;
  /** FARGATE or FARGATE_SPOT, when a capacity provider strategy chose it. */
  capacityProviderName?: string;
  /** awsvpc: the task's subnets (Fargate places it in one of their zones) and security groups. */
  awsvpc?: NetworkConfiguration['awsvpcConfiguration'];
}

export interface StartResult {
  started: TaskRecord[];
  /** Set when fewer than `count` tasks could be placed: the choice that failed. */
  failure?: PlacementChoice;
}

/** Places tasks one at a time (each placement sees the previous one's reservation) and launches them. */
export function startTasks(ctx: SimContext, cluster: ClusterRecord, request: StartRequest): StartResult {
  if (request.launchType === 'FARGATE') return startFargateTasks(ctx, cluster, request);
  const needs = requirementsOf(request.taskDefinition);
  const started: TaskRecord[] = [];
  const provider = request.capacityProviderName ? ctx.state.capacityProviders.get(request.capacityProviderName) : undefined;
  const instances = request.onlyOn
    ? [request.onlyOn]
    : [...cluster.instances.values()].filter(
        (i) => instanceTakes(i, request.launchType) && (!request.capacityProviderName || i.capacityProviderName === request.capacityProviderName) && !awaitsDaemons(ctx, cluster, i),
      );
  let failure: PlacementChoice | undefined;
  const constraints = [...request.taskDefinition.placementConstraints, ...(request.constraints ?? [])];
  const reservedFor = daemonReservations(ctx, cluster, request.daemonArn ?? request.serviceName);
  const candidateOf = (inst: InstanceRecord) => leavingReserved(toCandidate(inst, request.group, epochSeconds(ctx, inst.registeredAt)), reservedFor(inst));
  // Built once per call: a placement changes only the instance it chose, so only that candidate is updated.
  const placer = new Placer(instances.map(candidateOf), needs, request.strategies, constraints);
  for (let i = 0; i < request.count; i++) {
    const { index, ...choice } = placer.choose((n) => ctx.random.int(n));
    if (index === undefined) {
      failure = choice;
      break;
    }
    const task = createTask(ctx, cluster, instances[index], request, needs);
    task.placement = choice.explanation;
    started.push(task);
    placer.replace(index, leavingReserved(candidateAfterPlacement(choice.chosen!, instances[index], request.group), reservedFor(instances[index])));
  }
  for (const task of started) launchTask(ctx, task);
  // With managed scaling or Managed Instances, what does not fit waits in PROVISIONING for the instances ECS launches.
  const waits = provider?.managedScaling.status === 'ENABLED' || ctx.state.managedInstancesProviders.has(request.capacityProviderName ?? '');
  if (failure && waits) {
    for (let i = started.length; i < request.count; i++) {
      const task = createTask(ctx, cluster, undefined, request, needs);
      task.waitingForCapacity = true;
      task.waitingPlacement = { strategies: request.strategies, constraints: [...request.taskDefinition.placementConstraints, ...(request.constraints ?? [])] };
      started.push(task);
      announceWaitingTask(ctx, task);
    }
    return { started };
  }
  return failure ? { started, failure } : { started };
}

/** Fargate needs no instance: only room in the provider's capacity, and a zone among the task's subnets. */
function startFargateTasks(ctx: SimContext, cluster: ClusterRecord, request: StartRequest): StartResult {
  const provider = request.capacityProviderName ?? 'FARGATE';
  const needs = requirementsOf(request.taskDefinition);
  const subnets = request.awsvpc?.subnets ?? [];
  const zones = subnets.length > 0 ? zonesOfSubnets(ctx.region, subnets) : [`${ctx.region}a`];
  const started: TaskRecord[] = [];
  // Room and the group's spread are counted once, then kept up to date as tasks are added.
  const room = isFargateProvider(provider) ? fargateRoom(ctx, provider) : 0;
  const perZone = new Map<string, number>();
  for (const task of cluster.tasks.values()) {
    if (task.group === request.group && task.desiredStatus === 'RUNNING' && task.availabilityZone) {
      perZone.set(task.availabilityZone, (perZone.get(task.availabilityZone) ?? 0) + 1);
    }
  }
  while (started.length < Math.min(request.count, room)) {
    const zone = chooseFargateZone(zones, perZone);
    perZone.set(zone, (perZone.get(zone) ?? 0) + 1);
    const task = createTask(ctx, cluster, undefined, request, needs, zone);
    // The first of the task's subnets in the zone chosen holds its network interface.
    const subnet = subnets[zones.indexOf(zone)];
    if (subnet) task.subnet = { id: subnet, assignPublicIp: request.awsvpc?.assignPublicIp ?? 'DISABLED' };
    started.push(task);
  }
  for (const task of started) launchTask(ctx, task);
  return started.length < request.count
    ? { started, failure: { chosen: null, explanation: { rejected: [], stages: [] }, failureReason: 'RESOURCE:FARGATE' } }
    : { started };
}

function createTask(
  ctx: SimContext,
  cluster: ClusterRecord,
  instance: InstanceRecord | undefined,
  request: StartRequest,
  needs: TaskRequirements,
  fargateZone?: string,
): TaskRecord {
  const id = ctx.random.hex(32);
  const arn = arns.task(ctx, cluster.name, id);
  const td = request.taskDefinition;
  const containers: ContainerRecord[] = td.containerDefinitions.map((definition) => {
    const hostBindings = (definition.portMappings ?? []).map((m) => {
      const containerPort = m.containerPort ?? 0;
      const hostPort = td.networkMode === 'bridge' ? (m.hostPort ?? 0) : containerPort;
      return { containerPort, hostPort, protocol: m.protocol ?? 'tcp' };
    });
    return {
      name: definition.name,
      arn: arns.container(ctx, cluster.name, id, ctx.random.uuid()),
      image: definition.image,
      essential: definition.essential ?? true,
      lastStatus: 'PENDING',
      exitCode: undefined,
      reason: undefined,
      hostBindings,
      definition,
      healthStatus: 'UNKNOWN',
      healthCheckFailures: 0,
    };
  });
  // Every field is set here, those the task gets later as undefined, so that every task has one shape from the
  // start: a scheduler pass reads thousands of tasks, and finds each field in place in the task itself rather
  // than in a store of late additions that differs from task to task.
  const task: TaskRecord = {
    arn,
    id,
    clusterName: cluster.name,
    taskDefinition: td,
    instanceArn: instance?.arn,
    availabilityZone: instance?.availabilityZone ?? fargateZone,
    lastStatus: 'PROVISIONING',
    desiredStatus: 'RUNNING',
    launchType: request.launchType,
    capacityProviderName: request.capacityProviderName,
    group: request.group,
    startedBy: request.startedBy,
    serviceName: request.serviceName,
    deploymentId: request.deploymentId,
    cpu: needs.cpu,
    memory: needs.memory,
    createdAt: ctx.clock.now,
    pullStartedAt: undefined,
    pullStoppedAt: undefined,
    startedAt: undefined,
    stoppingAt: undefined,
    executionStoppedAt: undefined,
    stoppedAt: undefined,
    stopCode: undefined,
    stoppedReason: undefined,
    healthyAt: undefined,
    waitingForCapacity: undefined,
    waitingPlacement: undefined,
    requestsThisMinute: undefined,
    servedLastSecond: undefined,
    privateIpv4Address: td.networkMode === 'awsvpc' ? privateAddress(ctx, instance?.availabilityZone ?? fargateZone ?? ctx.region) : undefined,
    subnet: undefined,
    elbTargetsHealthy: undefined,
    elbUnhealthyTarget: undefined,
    failure: undefined,
    failureCounted: undefined,
    healthStatus: 'UNKNOWN',
    containers,
    containersVersion: 0,
    version: 0,
    stopAwaitingAgent: undefined,
    enableExecuteCommand: undefined,
    protectedUntil: undefined,
    daemonArn: request.daemonArn,
    generation: 0,
    placement: undefined,
    tags: (request.tags ?? []).map((t) => ({ ...t })),
    viewIdentity: undefined,
  };
  cluster.tasks.set(arn, task);
  ctx.census.enter(task);
  if (instance) {
    assignDynamicHostPorts(instance, task);
    reserve(instance, task, needs);
  }
  return task;
}
