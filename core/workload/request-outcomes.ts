/**
 * What one second of requests spread over some endpoints looks like: a simple queueing model. Each
 * endpoint serves up to its capacity; latency grows as 1 / (1 - utilisation); requests above capacity
 * time out; requests to an endpoint that no longer accepts connections fail, unless the caller retries
 * elsewhere (Service Connect's proxy does). Pure and deterministic: weighted round-robin, no sampling.
 */
export interface Endpoint {
  accepts: boolean;
  capacityRps: number;
  latencyMs: number;
  /** Its share of the round-robin relative to the others (an ALB target in slow start gets less). Default 1. */
  weight?: number;
  /** The share of the requests it answers (0-100 %) that its application answers with a 5xx. Default 0. */
  errorPercent?: number;
}

const weightOf = (e: Endpoint) => e.weight ?? 1;
const sumWeights = (endpoints: readonly Endpoint[]) => endpoints.reduce((sum, e) => sum + weightOf(e), 0);

/**
 * How one second's requests split: the share sent to endpoints that refuse them (lost unless the client
 * retries), and what each live endpoint is asked to serve.
 */
function split(count: number, endpoints: readonly Endpoint[], retries: number) {
  const alive = endpoints.filter((e) => e.accepts);
  const total = sumWeights(endpoints);
  const aliveWeight = sumWeights(alive);
  const toDead = Math.round((count * (total - aliveWeight)) / total);
  const retried = retries > 0 && alive.length > 0 ? toDead : 0;
  const perWeight = aliveWeight > 0 ? (count - toDead + retried) / aliveWeight : 0;
  return { alive, toDead, retried, askedOf: (e: Endpoint) => perWeight * weightOf(e) };
}

export interface SecondOutcome {
  requests: number;
  errors: number;
  p50Ms: number;
  p99Ms: number;
}

/**
 * One second of requests over the endpoints: what the client sees, and what each endpoint served (in the
 * order given, 0 for those that refused them), from one split of the requests.
 */
export function routeSecond(requests: number, endpoints: readonly Endpoint[], retries: number): { outcome: SecondOutcome; served: number[]; applicationErrors: number } {
  const count = Math.round(requests);
  if (endpoints.length === 0) return { outcome: { requests: count, errors: count, p50Ms: 0, p99Ms: 0 }, served: [], applicationErrors: 0 };
  const { alive, toDead, retried, askedOf } = split(count, endpoints, retries);
  const served = endpoints.map((e) => (e.accepts ? Math.min(askedOf(e), e.capacityRps) : 0));
  // Answers the applications gave as errors (HTTP 5xx from the targets), apart from the requests lost: a
  // fraction of a request a second, which the caller adds up (`outcome.errors` leaves them out).
  const applicationErrors = served.reduce((sum, answered, i) => sum + (answered * (endpoints[i].errorPercent ?? 0)) / 100, 0);
  if (count === 0) return { outcome: { requests: 0, errors: 0, p50Ms: 0, p99Ms: 0 }, served, applicationErrors };
  // Round-robin by weight; a retrying client moves the requests that failed to live endpoints.
  let errors = toDead - retried;
  const latencies: Array<{ ms: number; weight: number }> = [];
  for (const endpoint of alive) {
    const asked = askedOf(endpoint);
    const answered = Math.min(asked, endpoint.capacityRps);
    errors += asked - answered;
    const utilisation = Math.min(0.95, answered / endpoint.capacityRps);
    latencies.push({ ms: endpoint.latencyMs / (1 - utilisation), weight: answered });
  }
  latencies.sort((a, b) => a.ms - b.ms);
  const outcome = { requests: count, errors: Math.round(errors), p50Ms: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99) * (retried > 0 ? 2 : 1) };
  return { outcome, served, applicationErrors };
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
