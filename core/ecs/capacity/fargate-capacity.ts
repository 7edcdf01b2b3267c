import type { SimContext } from '../../kernel/context.js';

/** The two Fargate capacity providers every cluster may use (they need no Auto Scaling group). */
export const FARGATE_PROVIDERS = ['FARGATE', 'FARGATE_SPOT'] as const;
export type FargateProvider = (typeof FARGATE_PROVIDERS)[number];

export const isFargateProvider = (name: string): name is FargateProvider => (FARGATE_PROVIDERS as readonly string[]).includes(name);

/** Fargate tasks currently holding capacity of a provider (a FARGATE launch type counts as FARGATE). */
export function fargateTasksRunning(ctx: SimContext, provider: FargateProvider): number {
  let n = 0;
  for (const cluster of ctx.state.clusters.values()) {
    for (const task of cluster.tasks.values()) {
      if (task.launchType !== 'FARGATE' || task.lastStatus === 'STOPPED') continue;
      if ((task.capacityProviderName ?? 'FARGATE') === provider) n++;
    }
  }
  return n;
}

/** How many more tasks the provider can run now (Infinity when a scenario set no limit). */
export function fargateRoom(ctx: SimContext, provider: FargateProvider): number {
  const limit = ctx.state.fargateCapacity[provider];
  return limit === undefined ? Infinity : Math.max(0, limit - fargateTasksRunning(ctx, provider));
}

/**
 * Fargate spreads a service's tasks across the Availability Zones of its subnets: the zone with the
 * fewest of the group's tasks, ties to the first subnet's zone.
 */
export function chooseFargateZone(zones: readonly string[], groupTasksPerZone: ReadonlyMap<string, number>): string {
  let best = zones[0];
  for (const zone of zones) if ((groupTasksPerZone.get(zone) ?? 0) < (groupTasksPerZone.get(best) ?? 0)) best = zone;
  return best;
}

/** The simulator's VPC: the i-th subnet a caller names lies in the region's i-th zone (a, b, c, ...). */
export function zonesOfSubnets(region: string, subnets: readonly string[]): string[] {
  return subnets.map((_, i) => `${region}${'abcdef'[i % 6]}`);
}
