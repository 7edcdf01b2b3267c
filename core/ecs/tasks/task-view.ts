import type { Attachment, Container, Task } from '../model/types.js';
import { epochSeconds, isoTime, type SimContext } from '../../kernel/context.js';
import type { ContainerRecord, TaskRecord } from '../model/state.js';

/** What never changes in a task's view, shared by every state of the task. */
export interface TaskIdentity {
  ctx: SimContext;
  arn: string;
  /** An event's `resources`: the task's ARN, one list shared by all the task's events (events are read-only). */
  resources: string[];
  clusterArn: string;
  taskDefinitionArn: string;
  launchType: TaskRecord['launchType'];
  cpu: number;
  memory: number;
  createdAt: number;
  startedBy?: string;
  group: string;
  /** awsvpc: the task's ENI (ids derived from the task id, so no random draw is spent on them). */
  eni?: { attachmentId: string; networkInterfaceId: string; privateIpv4Address: string };
  /** The containers of the task's last state, reused while the task's containersVersion stays this. */
  containers: ContainerSnapshot[];
  containersVersion: number;
}

declare module '../model/state.js' {
  interface TaskRecord {
    /**
     * What every view of the task shares, made with its first view. Kept on the task rather than in a map
     * beside it: a large service makes hundreds of thousands of events, and each look-up in a table that
     * holds every task reaches memory the event has no other reason to touch.
     */
    viewIdentity?: TaskIdentity;
  }
}

export type ContainerSnapshot = Pick<ContainerRecord, 'arn' | 'name' | 'image' | 'lastStatus' | 'exitCode' | 'reason' | 'healthStatus' | 'definition'> & {
  /** Only while the view shows them (RUNNING or STOPPED): bindings are fixed by then. */
  hostBindings?: ContainerRecord['hostBindings'];
};

export function identityOf(ctx: SimContext, task: TaskRecord): TaskIdentity {
  let identity = task.viewIdentity;
  if (!identity) {
    const { arn, launchType, cpu, memory, createdAt, startedBy, group } = task;
    identity = { ctx, arn, resources: [arn], clusterArn: ctx.state.clusters.get(task.clusterName)?.arn ?? '', taskDefinitionArn: task.taskDefinition.taskDefinitionArn, launchType, cpu, memory, createdAt, startedBy, group, containers: [], containersVersion: -1 };
    if (task.privateIpv4Address && task.taskDefinition.networkMode === 'awsvpc') {
      const id = task.id;
      identity.eni = {
        attachmentId: `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20, 32)}`,
        networkInterfaceId: `eni-${id.slice(0, 17)}`,
        privateIpv4Address: task.privateIpv4Address,
      };
    }
    task.viewIdentity = identity;
  }
  return identity;
}

/**
 * The task's containers as its views show them. Containers change only through updateContainer, which moves
 * the task's containersVersion, so most events (a status step of the task alone) reuse the last list without
 * reading any container.
 */
export function containersOf(identity: TaskIdentity, task: TaskRecord): ContainerSnapshot[] {
  if (identity.containersVersion === task.containersVersion) return identity.containers;
  identity.containersVersion = task.containersVersion;
  identity.containers = task.containers.map((c) => ({
    arn: c.arn,
    name: c.name,
    image: c.image,
    lastStatus: c.lastStatus,
    exitCode: c.exitCode,
    reason: c.reason,
    healthStatus: c.healthStatus,
    definition: c.definition,
    ...(c.lastStatus === 'RUNNING' || c.lastStatus === 'STOPPED' ? { hostBindings: c.hostBindings } : {}),
  }));
  return identity.containers;
}

/** What a task's view reads, as it was at one instant: most of it the task's identity, shared by all. */
export type TaskState = Pick<
  TaskRecord,
  | 'instanceArn'
  | 'availabilityZone'
  | 'lastStatus'
  | 'desiredStatus'
  | 'capacityProviderName'
  | 'pullStartedAt'
  | 'pullStoppedAt'
  | 'startedAt'
  | 'stoppingAt'
  | 'executionStoppedAt'
  | 'stoppedAt'
  | 'stopCode'
  | 'stoppedReason'
  | 'healthStatus'
  | 'version'
  // TagResource and UntagResource give the task a new list, so the one it has now is the one to show.
  | 'tags'
> & { identity: TaskIdentity; containers: ContainerSnapshot[] };

/** The task as it is now. */
export function stateOf(ctx: SimContext, task: TaskRecord): TaskState {
  const identity = identityOf(ctx, task);
  return {
    identity,
    instanceArn: task.instanceArn,
    availabilityZone: task.availabilityZone,
    lastStatus: task.lastStatus,
    desiredStatus: task.desiredStatus,
    capacityProviderName: task.capacityProviderName,
    containers: containersOf(identity, task),
    pullStartedAt: task.pullStartedAt,
    pullStoppedAt: task.pullStoppedAt,
    startedAt: task.startedAt,
    stoppingAt: task.stoppingAt,
    executionStoppedAt: task.executionStoppedAt,
    stoppedAt: task.stoppedAt,
    stopCode: task.stopCode,
    stoppedReason: task.stoppedReason,
    healthStatus: task.healthStatus,
    version: task.version,
    tags: task.tags,
  };
}

/** A task as DescribeTasks returns it (timestamps as epoch seconds), or as EventBridge carries it (ISO). */
export function taskView(ctx: SimContext, task: TaskRecord, timeFormat: 'epoch' | 'iso' = 'epoch'): Task {
  return viewOf(stateOf(ctx, task), timeFormat);
}

export function viewOf(task: TaskState, timeFormat: 'epoch' | 'iso'): Task {
  const identity = task.identity;
  const ctx = identity.ctx;
  const time = (ms: number | undefined) =>
    ms === undefined ? undefined : ((timeFormat === 'epoch' ? epochSeconds(ctx, ms) : isoTime(ctx, ms)) as number);
  const eni = identity.eni;
  return withoutUndefined({
    taskArn: identity.arn,
    attachments: eni ? [eniAttachment(eni, task.lastStatus)] : undefined,
    clusterArn: identity.clusterArn,
    taskDefinitionArn: identity.taskDefinitionArn,
    containerInstanceArn: task.instanceArn,
    availabilityZone: task.availabilityZone,
    lastStatus: task.lastStatus,
    desiredStatus: task.desiredStatus,
    launchType: identity.launchType,
    capacityProviderName: task.capacityProviderName,
    platformVersion: identity.launchType === 'FARGATE' ? '1.4.0' : undefined,
    cpu: String(identity.cpu),
    memory: String(identity.memory),
    containers: task.containers.map((c) => containerView(identity.arn, c, eni)),
    createdAt: time(identity.createdAt)!,
    pullStartedAt: time(task.pullStartedAt),
    pullStoppedAt: time(task.pullStoppedAt),
    startedAt: time(task.startedAt),
    connectivity: task.lastStatus === 'PROVISIONING' ? undefined : 'CONNECTED',
    connectivityAt: time(task.pullStartedAt),
    stoppingAt: time(task.stoppingAt),
    executionStoppedAt: time(task.executionStoppedAt),
    stoppedAt: time(task.stoppedAt),
    stopCode: task.stopCode,
    stoppedReason: task.stoppedReason,
    startedBy: identity.startedBy,
    group: identity.group,
    healthStatus: task.healthStatus,
    version: task.version,
    tags: task.tags.map((t) => ({ ...t })),
  });
}

/** The ENI is created with the task (PRECREATED), attached once it leaves PROVISIONING, detached when it stops. */
function eniAttachment(eni: NonNullable<TaskIdentity['eni']>, lastStatus: TaskRecord['lastStatus']): Attachment {
  return {
    id: eni.attachmentId,
    type: 'ElasticNetworkInterface',
    status: lastStatus === 'PROVISIONING' ? 'PRECREATED' : lastStatus === 'STOPPED' ? 'DETACHED' : 'ATTACHED',
    details: [
      { name: 'networkInterfaceId', value: eni.networkInterfaceId },
      { name: 'privateIPv4Address', value: eni.privateIpv4Address },
    ],
  };
}

function containerView(taskArn: string, c: ContainerSnapshot, eni: TaskIdentity['eni']): Container {
  return withoutUndefined({
    containerArn: c.arn,
    taskArn,
    name: c.name,
    image: c.image,
    lastStatus: c.lastStatus,
    exitCode: c.exitCode,
    reason: c.reason,
    networkBindings: c.hostBindings ? c.hostBindings.map((b) => ({ bindIP: '0.0.0.0', ...b })) : [],
    networkInterfaces: eni ? [{ attachmentId: eni.attachmentId, privateIpv4Address: eni.privateIpv4Address }] : undefined,
    healthStatus: c.healthStatus,
    cpu: c.definition.cpu !== undefined ? String(c.definition.cpu) : undefined,
    memory: c.definition.memory !== undefined ? String(c.definition.memory) : undefined,
    memoryReservation: c.definition.memoryReservation !== undefined ? String(c.definition.memoryReservation) : undefined,
  });
}

/**
 * The same fields in the same order, minus the undefined ones. Copied rather than deleted from: `delete`
 * turns an object into a hash table several times its size.
 */
function withoutUndefined<T extends object>(view: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(view)) if (value !== undefined) out[key] = value;
  return out as T;
}
