import type { SimContext } from '../../kernel/context.js';

/** A private IPv4 address in the simulator's VPC (10.0.0.0/16), one /20 per zone letter. */
export function privateAddress(ctx: SimContext, availabilityZone: string): string {
  const zoneIndex = Math.max(0, 'abcdef'.indexOf(availabilityZone.slice(-1)));
  return `10.0.${zoneIndex * 16 + ctx.random.int(16)}.${1 + ctx.random.int(254)}`;
}
