import { epochSeconds, type SimContext } from '../../kernel/context.js';
import { launchTask } from '../tasks/task-transitions.js';
import type { ClusterRecord } from '../model/state.js';
import { chooseInstance } from '../placement/choose-instance.js';
import { requirementsOf } from '../placement/task-requirements.js';
import { assignDynamicHostPorts, reserve, toCandidate } from '../placement/instance-resources.js';
import { daemonReservations, leavingReserved } from './daemon-reservation.js';
import { awaitsDaemons } from './managed-daemon-readiness.js';

/**
 * Tasks waiting in PROVISIONING for a capacity provider's instances, placed oldest first once an instance
 * registers (and at each managed-scaling minute, when stopped tasks may have freed room), on instances whose
 * Managed Daemons run already (managed-daemon-readiness.ts).
 */
export function placeWaitingTasks(ctx: SimContext, cluster: ClusterRecord): void {
  const waiting = [...cluster.tasks.values()]
    .filter((t) => t.waitingForCapacity && t.desiredStatus === 'RUNNING')
    .sort((a, b) => a.createdAt - b.createdAt);
  const reservedFor = daemonReservations(ctx, cluster);
  for (const task of waiting) {
    const instances = [...cluster.instances.values()].filter((i) => i.capacityProviderName === task.capacityProviderName && !awaitsDaemons(ctx, cluster, i));
    const needs = requirementsOf(task.taskDefinition);
    const candidates = instances.map((i) => leavingReserved(toCandidate(i, task.group, epochSeconds(ctx, i.registeredAt)), reservedFor(i)));
    const placement = task.waitingPlacement ?? { strategies: [], constraints: [] };
    const choice = chooseInstance(candidates, needs, placement.strategies, (n) => ctx.random.int(n), placement.constraints);
    if (!choice.chosen) continue;
    const instance = instances.find((i) => i.id === choice.chosen!.containerInstanceId)!;
    task.instanceArn = instance.arn;
    task.availabilityZone = instance.availabilityZone;
    task.placement = choice.explanation;
    task.waitingForCapacity = false;
    assignDynamicHostPorts(instance, task);
    reserve(instance, task, needs);
    launchTask(ctx, task);
  }
}
