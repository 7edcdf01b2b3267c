import type { SimContext } from '../../kernel/context.js';
import type { ClusterRecord, InstanceRecord, TaskRecord } from '../model/state.js';
import type { PlacementCandidate } from '../placement/placement-candidate.js';
import { requirementsOf } from '../placement/task-requirements.js';
import { findTaskDefinition } from '../model/task-definition-lookup.js';
import { instanceTakes } from './instance-launch-type.js';
import { daemonTarget } from '../model/managed-daemon-state.js';

export interface Reservation {
  cpu: number;
  memory: number;
}

/**
 * What each instance keeps free for the daemon tasks it does not run yet. ECS places daemon tasks first
 * (ecs-behaviour.md, daemon specifics), so another task never takes the room a daemon needs, on a new
 * instance especially, where every service's scheduler looks at once. Kept only on instances big enough
 * for the daemon at all; `except` is the daemon service (by name) or Managed Daemon (by ARN) placing its own
 * task. A Managed Daemon keeps room on the instances of its capacity providers that came after it.
 */
export function daemonReservations(ctx: SimContext, cluster: ClusterRecord, except?: string): (instance: InstanceRecord) => Reservation | undefined {
  const hostsOf = (tasks: Map<string, TaskRecord>) => {
    const hosting = new Set<string>();
    for (const task of tasks.values()) if (task.instanceArn && task.desiredStatus === 'RUNNING') hosting.add(task.instanceArn);
    return hosting;
  };
  const daemons = [...cluster.services.values()]
    .filter((s) => s.status === 'ACTIVE' && s.schedulingStrategy === 'DAEMON' && s.name !== except)
    .map((service) => ({
      hosting: hostsOf(service.tasks),
      runsOn: (instance: InstanceRecord) => instanceTakes(instance, service.launchType),
      needs: requirementsOf(findTaskDefinition(ctx, service.deployments[0].taskDefinitionArn)),
    }));
  for (const daemon of ctx.state.managedDaemons.daemons.values()) {
    const target = daemonTarget(daemon);
    if (daemon.clusterName !== cluster.name || daemon.arn === except || !target) continue;
    daemons.push({
      hosting: hostsOf(daemon.scheduler.tasks),
      runsOn: (instance) => daemon.capacityProviders.includes(instance.capacityProviderName ?? '') && instance.registeredAt >= daemon.createdAt,
      needs: requirementsOf(findTaskDefinition(ctx, target.daemonTaskDefinitionArn)),
    });
  }
  if (daemons.length === 0) return () => undefined;
  return (instance) => {
    const reserved = { cpu: 0, memory: 0 };
    for (const { hosting, runsOn, needs } of daemons) {
      if (hosting.has(instance.arn) || !runsOn(instance)) continue;
      if (instance.registeredCpu < needs.cpu || instance.registeredMemory < needs.memory) continue;
      reserved.cpu += needs.cpu;
      reserved.memory += needs.memory;
    }
    return reserved.cpu > 0 || reserved.memory > 0 ? reserved : undefined;
  };
}

/** A candidate as other tasks see it: what the daemons still to come there need is not theirs to take. */
export function leavingReserved(candidate: PlacementCandidate, reserved: Reservation | undefined): PlacementCandidate {
  return reserved ? { ...candidate, remainingCpu: candidate.remainingCpu - reserved.cpu, remainingMemory: candidate.remainingMemory - reserved.memory } : candidate;
}
