import type { TrafficPattern } from './traffic-pattern.js';
import type { SecondOutcome } from './request-outcomes.js';

/** How a client reaches the service it calls. */
export type TrafficRoute =
  /**
   * `host`: the Host header the client sends (it called a URL whose name leads to the load balancer);
   * `port`: the listener it calls (the first one when unset); `headers`: what it sends with every request,
   * names in lower case (testers send the header a test listener rule matches).
   */
  | { via: 'load-balancer'; loadBalancerArn: string; host?: string; port?: number; headers?: Record<string, string> }
  | { via: 'dns'; hostname: string }
  | { via: 'service-connect'; alias: string };

export interface SecondRecord extends SecondOutcome {
  /** Virtual ms at the end of the second. */
  time: number;
  /** Through a load balancer: the requests its listener sent to each target group, by name. */
  targetGroups?: Record<string, number>;
}

export interface LoadGenerator {
  name: string;
  route: TrafficRoute;
  requestsPerSecond: number;
  pattern: TrafficPattern;
  startedAt: number;
  /** The client's resolver cache (DNS route): the answer and when it expires. */
  dnsCache?: { addresses: string[]; expiresAt: number };
  history: SecondRecord[];
  /** The 5xx answers of the applications not yet counted in `history`: less than one a second adds up here. */
  applicationErrorCarry?: number;
}

/** Service Connect's proxy retries a failed connection on other endpoints (the simulator's model: twice). */
export const SERVICE_CONNECT_RETRIES = 2;

declare module '../kernel/context.js' {
  interface SimState {
    /** Running traffic clients by name. */
    traffic: Map<string, LoadGenerator>;
  }
}
