/**
 * What one second of requests spread over some endpoints looks like: a simple queueing model. Each
 * endpoint serves up to its capacity; latency grows as 1 / (1 - utilisation); requests above capacity
 * time out; requests to an endpoint that no longer accepts connections fail, unless the caller retries
 * elsewhere (Service Connect's proxy does). Pure and deterministic: round-robin, no sampling.
 */
export interface Endpoint {
  accepts: boolean;
  capacityRps: number;
  latencyMs: number;
}

export interface SecondOutcome {
  requests: number;
  errors: number;
  p50Ms: number;
  p99Ms: number;
}

/** Requests each endpoint served this second, in the order given (0 for endpoints that refused them). */
export function servedBy(requests: number, endpoints: readonly Endpoint[], retries: number): number[] {
  const count = Math.round(requests);
  const alive = endpoints.filter((e) => e.accepts).length;
  if (alive === 0) return endpoints.map(() => 0);
  const toDead = Math.round((count * (endpoints.length - alive)) / endpoints.length);
  const perAlive = (count - toDead + (retries > 0 ? toDead : 0)) / alive;
  return endpoints.map((e) => (e.accepts ? Math.min(perAlive, e.capacityRps) : 0));
}

export function outcomesOf(requests: number, endpoints: readonly Endpoint[], retries: number): SecondOutcome {
  const count = Math.round(requests);
  if (count === 0) return { requests: 0, errors: 0, p50Ms: 0, p99Ms: 0 };
  if (endpoints.length === 0) return { requests: count, errors: count, p50Ms: 0, p99Ms: 0 };
  const alive = endpoints.filter((e) => e.accepts);
  const dead = endpoints.length - alive.length;
  // Round-robin: each endpoint gets an equal share; a retrying client moves failed ones to live endpoints.
  const toDead = Math.round((count * dead) / endpoints.length);
  const retried = retries > 0 && alive.length > 0 ? toDead : 0;
  let errors = toDead - retried;
  const perAlive = alive.length > 0 ? (count - toDead + retried) / alive.length : 0;
  const latencies: Array<{ ms: number; weight: number }> = [];
  for (const endpoint of alive) {
    const served = Math.min(perAlive, endpoint.capacityRps);
    errors += perAlive - served;
    const utilisation = Math.min(0.95, served / endpoint.capacityRps);
    latencies.push({ ms: endpoint.latencyMs / (1 - utilisation), weight: served });
  }
  latencies.sort((a, b) => a.ms - b.ms);
  return { requests: count, errors: Math.round(errors), p50Ms: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99) * (retried > 0 ? 2 : 1) };
}

function percentile(latencies: Array<{ ms: number; weight: number }>, p: number): number {
  const total = latencies.reduce((sum, l) => sum + l.weight, 0);
  if (total === 0) return 0;
  let seen = 0;
  for (const l of latencies) {
    seen += l.weight;
    if (seen / total >= p) return Math.round(l.ms);
  }
  return Math.round(latencies[latencies.length - 1].ms);
}
