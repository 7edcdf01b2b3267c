/**
 * What ECS does with a Managed Instances provider's instances at each pass, as a decision. An instance
 * that runs no application task is idle (daemon tasks do not count); after `scaleInAfter` seconds idle ECS
 * deregisters it (DEREGISTERING), and terminates it at the next pass. A DRAINING or DEREGISTERING instance
 * is terminated once no application task is left on it. AWS documents no default for scaleInAfter; the
 * simulator's is DEFAULT_SCALE_IN_AFTER_SECONDS.
 */
export const DEFAULT_SCALE_IN_AFTER_SECONDS = 300;

/** ECS looks at a Managed Instances provider once a minute (the simulator's model, as for managed scaling). */
export const MANAGED_FLEET_PERIOD_MS = 60_000;

export interface FleetInstance {
  arn: string;
  status: 'ACTIVE' | 'DRAINING' | 'DEREGISTERING' | 'INACTIVE';
  busy: boolean;
}

export interface FleetDecision {
  deregister: string[];
  terminate: string[];
  idleSince: Map<string, number>;
}

/** `scaleInAfter` as the provider has it: undefined is ECS's default, -1 turns scale-in off. */
export const scaleInAfterMs = (scaleInAfter: number | undefined): number | undefined =>
  scaleInAfter === -1 ? undefined : (scaleInAfter ?? DEFAULT_SCALE_IN_AFTER_SECONDS) * 1000;

export function decideFleet(instances: readonly FleetInstance[], idleSince: ReadonlyMap<string, number>, now: number, idleLimitMs: number | undefined): FleetDecision {
  const decision: FleetDecision = { deregister: [], terminate: [], idleSince: new Map() };
  for (const instance of instances) {
    if (instance.status === 'INACTIVE') continue;
    if (instance.status !== 'ACTIVE') {
      if (!instance.busy) decision.terminate.push(instance.arn);
      continue;
    }
    if (instance.busy) continue;
    const since = idleSince.get(instance.arn) ?? now;
    decision.idleSince.set(instance.arn, since);
    if (idleLimitMs !== undefined && now - since >= idleLimitMs) decision.deregister.push(instance.arn);
  }
  return decision;
}
