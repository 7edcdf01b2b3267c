import type { StartTrafficRequest } from '../../core/sim/traffic-control.js';
import type { ScenarioWorld } from '../world/scenario-world.js';

/**
 * Clients start calling `route` (a load balancer or a URL) at `rps`, spiking to `peak` after `after` minutes
 * for `lasting` minutes; what follows is measured from now.
 */
export async function startSpike(world: ScenarioWorld, route: Pick<StartTrafficRequest, 'loadBalancer' | 'url'>, rps: number, peak: number, after: number, lasting: number) {
  await world.markUpdate();
  await world.sim.control('startTraffic', { name: 'clients', ...route, requestsPerSecond: rps, pattern: { type: 'spike', toRequestsPerSecond: peak, atSecond: after * 60, forSeconds: lasting * 60 } });
}
