import type { LaunchType, PlacementStrategy, Tag, TaskDefinition } from '../api/types.js';
import { arns } from '../engine/arns.js';
import type { SimContext } from '../engine/context.js';
import { pickDynamicHostPort, reserve, toCandidate } from '../capacity/instance-resources.js';
import { launchTask } from '../lifecycle/task-transitions.js';
import type { ClusterRecord, ContainerRecord, InstanceRecord, TaskRecord } from '../model/state.js';
import { chooseInstance, type PlacementChoice } from '../placement/choose-instance.js';
import { requirementsOf, type TaskRequirements } from '../placement/task-requirements.js';

export interface StartRequest {
  taskDefinition: TaskDefinition;
  count: number;
  group: string;
  launchType: LaunchType;
  strategies: PlacementStrategy[];
  startedBy?: string;
  serviceName?: string;
  deploymentId?: string;
  tags?: Tag[];
  /** StartTask: only this instance may take the task. */
  onlyOn?: InstanceRecord;
}

export interface StartResult {
  started: TaskRecord[];
  /** Set when fewer than `count` tasks could be placed: the choice that failed. */
  failure?: PlacementChoice;
}

/** Places tasks one at a time (each placement sees the previous one's reservation) and launches them. */
export function startTasks(ctx: SimContext, cluster: ClusterRecord, request: StartRequest): StartResult {
  const needs = requirementsOf(request.taskDefinition);
  const started: TaskRecord[] = [];
  const instances = request.onlyOn ? [request.onlyOn] : [...cluster.instances.values()];
  let failure: PlacementChoice | undefined;
  for (let i = 0; i < request.count; i++) {
    const candidates = instances.map((inst) => toCandidate(inst, request.group, cluster.tasks));
    const choice = chooseInstance(candidates, needs, request.strategies, (n) => ctx.random.int(n));
    if (!choice.chosen) {
      failure = choice;
      break;
    }
    const instance = instances.find((inst) => inst.id === choice.chosen!.containerInstanceId)!;
    const task = createTask(ctx, cluster, instance, request, needs);
    task.placement = choice.explanation;
    started.push(task);
  }
  for (const task of started) launchTask(ctx, task);
  return failure ? { started, failure } : { started };
}

function createTask(
  ctx: SimContext,
  cluster: ClusterRecord,
  instance: InstanceRecord,
  request: StartRequest,
  needs: TaskRequirements,
): TaskRecord {
  const id = ctx.random.hex(32);
  const arn = arns.task(ctx, cluster.name, id);
  const dynamicPortsInUse = new Set<number>();
  for (const otherArn of instance.taskArns) {
    for (const c of cluster.tasks.get(otherArn)?.containers ?? []) for (const b of c.hostBindings) dynamicPortsInUse.add(b.hostPort);
  }
  const td = request.taskDefinition;
  const containers: ContainerRecord[] = td.containerDefinitions.map((definition) => {
    const hostBindings = (definition.portMappings ?? []).map((m) => {
      const containerPort = m.containerPort ?? 0;
      const protocol = m.protocol ?? 'tcp';
      let hostPort = td.networkMode === 'bridge' ? (m.hostPort ?? 0) : containerPort;
      if (hostPort === 0) {
        hostPort = pickDynamicHostPort(instance, dynamicPortsInUse);
        dynamicPortsInUse.add(hostPort);
      }
      return { containerPort, hostPort, protocol };
    });
    return {
      name: definition.name,
      arn: arns.container(ctx, cluster.name, id, ctx.random.uuid()),
      image: definition.image,
      essential: definition.essential ?? true,
      lastStatus: 'PENDING',
      hostBindings,
      definition,
      healthStatus: 'UNKNOWN',
      healthCheckFailures: 0,
    };
  });
  const task: TaskRecord = {
    arn,
    id,
    clusterName: cluster.name,
    taskDefinition: td,
    instanceArn: instance.arn,
    availabilityZone: instance.availabilityZone,
    lastStatus: 'PROVISIONING',
    desiredStatus: 'RUNNING',
    launchType: request.launchType,
    group: request.group,
    startedBy: request.startedBy,
    serviceName: request.serviceName,
    deploymentId: request.deploymentId,
    cpu: needs.cpu,
    memory: needs.memory,
    createdAt: ctx.clock.now,
    healthStatus: 'UNKNOWN',
    containers,
    version: 0,
    generation: 0,
    tags: (request.tags ?? []).map((t) => ({ ...t })),
  };
  cluster.tasks.set(arn, task);
  ctx.census.enter(task);
  reserve(instance, task, needs);
  return task;
}
