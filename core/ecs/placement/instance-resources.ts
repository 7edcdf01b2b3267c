import { AGENT_VERSION, DEFAULT_RESERVED_PORTS } from '../model/instance-types.js';
import type { InstanceRecord, TaskRecord } from '../model/state.js';
import type { PlacementCandidate } from './placement-candidate.js';
import type { TaskRequirements } from './task-requirements.js';

/** Bridge-mode dynamic host ports come from the agent's default ephemeral range when the kernel's is unknown. */
export const EPHEMERAL_PORT_RANGE = { first: 49153, last: 65535 } as const;

const RESERVED = new Set<string>(DEFAULT_RESERVED_PORTS.map((p) => `${p}/tcp`));

export function remainingCpu(instance: InstanceRecord): number {
  return instance.registeredCpu - instance.usedCpu;
}

export function remainingMemory(instance: InstanceRecord): number {
  return instance.registeredMemory - instance.usedMemory;
}

function remainingEnis(instance: InstanceRecord): number {
  return instance.taskEniLimit - instance.usedEnis;
}

export function usedPortSet(instance: InstanceRecord): Set<string> {
  return new Set([...RESERVED, ...instance.usedPorts.keys()]);
}

/**
 * Placement builds a candidate per instance per call: the parts that change only with the instance's
 * static ports or never (attributes) are kept between calls instead of rebuilt each time.
 */
const stableParts = new WeakMap<InstanceRecord, { portsVersion: number; usedPorts: ReadonlySet<string>; attributesOf: InstanceRecord['attributes']; attributes: Record<string, string> }>();

/** Per instance, a count of the changes to its static ports: most tasks hold none, so most placements keep the set. */
const portsVersions = new WeakMap<InstanceRecord, number>();
const portsVersionOf = (instance: InstanceRecord) => portsVersions.get(instance) ?? 0;

function partsOf(instance: InstanceRecord) {
  let parts = stableParts.get(instance);
  if (!parts || parts.attributesOf !== instance.attributes) {
    parts = { portsVersion: -1, usedPorts: new Set(), attributesOf: instance.attributes, attributes: Object.fromEntries(instance.attributes.map((a) => [a.name, a.value ?? ''])) };
    stableParts.set(instance, parts);
  }
  if (parts.portsVersion !== portsVersionOf(instance)) {
    parts.portsVersion = portsVersionOf(instance);
    parts.usedPorts = usedPortSet(instance);
  }
  return parts;
}

export function toCandidate(instance: InstanceRecord, group: string, registeredAtEpochSeconds: number): PlacementCandidate {
  const parts = partsOf(instance);
  let groupTaskCount = 0;
  let runningTasksCount = 0;
  const taskGroups: string[] = [];
  for (const task of instance.tasks.values()) {
    if (task.desiredStatus !== 'RUNNING') continue;
    if (task.group === group) groupTaskCount++;
    if (task.lastStatus === 'RUNNING') runningTasksCount++;
    taskGroups.push(task.group);
  }
  return {
    containerInstanceId: instance.id,
    ec2InstanceId: instance.ec2InstanceId,
    status: instance.status,
    agentConnected: instance.agentConnected,
    remainingCpu: remainingCpu(instance),
    remainingMemory: remainingMemory(instance),
    remainingEnis: remainingEnis(instance),
    usedPorts: parts.usedPorts,
    attributes: parts.attributes,
    groupTaskCount,
    agentVersion: AGENT_VERSION,
    registeredAt: registeredAtEpochSeconds,
    runningTasksCount,
    taskGroups,
  };
}

/**
 * What toCandidate gives for `instance` right after a task of `group` was reserved there (chosen from
 * `previous`), without reading every task on the instance again: the new task is not RUNNING yet and is the
 * instance's newest task.
 */
export function candidateAfterPlacement(previous: PlacementCandidate, instance: InstanceRecord, group: string): PlacementCandidate {
  // Every field named, in toCandidate's order, rather than spread from `previous`: the spread was most of its time.
  return {
    containerInstanceId: previous.containerInstanceId,
    ec2InstanceId: previous.ec2InstanceId,
    status: previous.status,
    agentConnected: previous.agentConnected,
    remainingCpu: remainingCpu(instance),
    remainingMemory: remainingMemory(instance),
    remainingEnis: remainingEnis(instance),
    usedPorts: partsOf(instance).usedPorts,
    attributes: previous.attributes,
    groupTaskCount: previous.groupTaskCount + 1,
    agentVersion: previous.agentVersion,
    registeredAt: previous.registeredAt,
    runningTasksCount: previous.runningTasksCount,
    taskGroups: [...(previous.taskGroups ?? []), group],
  };
}

/** Takes CPU, memory and static ports for a task; returns dynamic host ports picked for bridge mappings. */
export function reserve(instance: InstanceRecord, task: TaskRecord, needs: TaskRequirements): void {
  instance.usedCpu += needs.cpu;
  instance.usedMemory += needs.memory;
  instance.usedEnis += needs.enis;
  for (const port of needs.staticPorts) instance.usedPorts.set(port, task.arn);
  if (needs.staticPorts.length > 0) portsVersions.set(instance, portsVersionOf(instance) + 1);
  instance.tasks.set(task.arn, task);
  const hostPorts = hostPortsHeld.get(instance);
  if (hostPorts) countHostPorts(hostPorts, task, 1);
  instance.version++;
}

export function release(instance: InstanceRecord, task: TaskRecord): void {
  if (!instance.tasks.delete(task.arn)) return;
  instance.usedCpu -= task.cpu;
  instance.usedMemory -= task.memory;
  if (task.taskDefinition.networkMode === 'awsvpc') instance.usedEnis--;
  // Most tasks hold no static port: most instances have none to look through.
  if (instance.usedPorts.size > 0) {
    for (const [port, holder] of instance.usedPorts) {
      if (holder !== task.arn) continue;
      instance.usedPorts.delete(port);
      portsVersions.set(instance, portsVersionOf(instance) + 1);
    }
  }
  const hostPorts = hostPortsHeld.get(instance);
  if (hostPorts) countHostPorts(hostPorts, task, -1);
  instance.version++;
}

/**
 * Per instance, how many of its tasks' host bindings use each host port, and the lowest port of the ephemeral
 * range that none uses. Built from the instance's tasks the first time a dynamic port is picked there, then
 * kept up to date by reserve and release, so that picking a port neither walks every task on the instance
 * nor tries each port its tasks hold, for every task placed.
 */
interface HostPorts {
  counts: Map<number, number>;
  lowestFree: number;
}

const hostPortsHeld = new WeakMap<InstanceRecord, HostPorts>();

function countHostPorts(held: HostPorts, task: TaskRecord, delta: 1 | -1): void {
  for (const c of task.containers) {
    for (const { hostPort } of c.hostBindings) {
      const count = (held.counts.get(hostPort) ?? 0) + delta;
      if (count > 0) held.counts.set(hostPort, count);
      else {
        held.counts.delete(hostPort);
        if (hostPort >= EPHEMERAL_PORT_RANGE.first && hostPort < held.lowestFree) held.lowestFree = hostPort;
      }
      while (held.counts.has(held.lowestFree)) held.lowestFree++;
    }
  }
}

function hostPortsOf(instance: InstanceRecord): HostPorts {
  let held = hostPortsHeld.get(instance);
  if (!held) {
    held = { counts: new Map(), lowestFree: EPHEMERAL_PORT_RANGE.first };
    for (const task of instance.tasks.values()) countHostPorts(held, task, 1);
    hostPortsHeld.set(instance, held);
  }
  return held;
}

/**
 * Bridge-mode mappings with hostPort 0 get the lowest free port of the ephemeral range on the instance,
 * skipping the ones other tasks there hold.
 */
export function assignDynamicHostPorts(instance: InstanceRecord, task: TaskRecord): void {
  const held = hostPortsOf(instance);
  // The task's own bindings join `held` when reserve() takes them: a port picked here is passed for the next.
  let next = held.lowestFree;
  for (const container of task.containers) {
    for (const binding of container.hostBindings) {
      if (binding.hostPort !== 0) continue;
      while (held.counts.has(next)) next++;
      if (next > EPHEMERAL_PORT_RANGE.last) throw new RangeError(`no free dynamic host port on ${instance.ec2InstanceId}`);
      binding.hostPort = next++;
    }
  }
}
