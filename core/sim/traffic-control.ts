import { invalidParameter } from '../kernel/errors.js';
import type { SimContext } from '../kernel/context.js';
import { findDiscoveryService } from '../cloud-map/cloud-map-api.js';
import type { SecondRecord, TrafficRoute } from '../workload/load-generator.js';
import type { LoadBalancerRecord } from '../elb/elb-state.js';
import type { TrafficPattern } from '../workload/traffic-pattern.js';
import { startTrafficSecond } from '../workload/traffic-tick.js';
import { startMetricsMinute } from '../cloudwatch/metrics-minute.js';
import { optionalInteger, optionalString, rejectUnknownFields, requireName, requireObject } from '../kernel/fields.js';

export interface StartTrafficRequest {
  name: string;
  /**
   * Exactly one of: a load balancer (name or ARN), an HTTP(S) URL whose host a load balancer's listener rule
   * answers (an Express Mode service's endpoint), a DNS name in Cloud Map, a Service Connect alias.
   */
  loadBalancer?: string;
  url?: string;
  dnsName?: string;
  serviceConnect?: string;
  /** Through a load balancer: the listener's port (the first listener when left out). */
  port?: number;
  /** Through a load balancer: headers sent with every request, such as the one a test listener rule matches. */
  headers?: Record<string, string>;
  requestsPerSecond: number;
  pattern?: TrafficPattern;
}

const URL_HOST = /^https?:\/\/([A-Za-z0-9.-]+)(?::\d+)?(?:[/?#].*)?$/;

/**
 * The simulator's DNS for a URL: its host name leads to the load balancer whose listener has a rule for that
 * host (Express Mode points its endpoint's name at the load balancer it shares).
 */
function urlRoute(ctx: SimContext, value: unknown): Extract<TrafficRoute, { via: 'load-balancer' }> {
  const url = optionalString(value, 'url') ?? '';
  const host = URL_HOST.exec(url)?.[1].toLowerCase();
  if (!host) throw invalidParameter(`url must be an http:// or https:// URL; got ${JSON.stringify(url)}.`, 'url');
  const answers = (lb: LoadBalancerRecord) =>
    lb.listeners.some((l) => (l.rules ?? []).some((r) => r.conditions.some((c) => c.field === 'host-header' && c.values.some((v) => v.toLowerCase() === host))));
  const lb = [...ctx.state.elb.loadBalancers.values()].find(answers);
  if (!lb) throw invalidParameter(`No load balancer answers ${host}: no listener rule has it as its host header.`, 'url');
  return { via: 'load-balancer', loadBalancerArn: lb.arn, host };
}

const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

/** Which listener a load balancer client calls and the headers it sends (names in lower case, as ELB matches them). */
function aimOf(ctx: SimContext, loadBalancerArn: string, request: Record<string, unknown>): { port?: number; headers?: Record<string, string> } {
  const port = optionalInteger(request.port, 'port', { min: 1, max: 65535 });
  const lb = ctx.state.elb.loadBalancers.get(loadBalancerArn)!;
  if (port !== undefined && !lb.listeners.some((l) => l.port === port)) throw invalidParameter(`The load balancer ${lb.name} has no listener on port ${port}.`, 'port');
  if (request.headers === undefined) return port === undefined ? {} : { port };
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(requireObject(request.headers, 'headers'))) {
    if (!HEADER_NAME.test(name)) throw invalidParameter(`headers: ${JSON.stringify(name)} is not an HTTP header name.`, 'headers');
    if (typeof value !== 'string') throw invalidParameter(`headers.${name} must be a string.`, `headers.${name}`);
    headers[name.toLowerCase()] = value;
  }
  return { ...(port === undefined ? {} : { port }), headers };
}

function routeOf(ctx: SimContext, request: Record<string, unknown>): TrafficRoute {
  const given = ['loadBalancer', 'url', 'dnsName', 'serviceConnect'].filter((k) => request[k] !== undefined);
  if (given.length !== 1) throw invalidParameter('Give exactly one of loadBalancer, url, dnsName or serviceConnect.', 'loadBalancer');
  if ((request.port !== undefined || request.headers !== undefined) && request.loadBalancer === undefined && request.url === undefined) {
    throw invalidParameter('port and headers go with a load balancer: give them with loadBalancer or url.', request.port !== undefined ? 'port' : 'headers');
  }
  if (request.url !== undefined) {
    const route = urlRoute(ctx, request.url);
    return { ...route, ...aimOf(ctx, route.loadBalancerArn, request) };
  }
  if (request.loadBalancer !== undefined) {
    const ref = optionalString(request.loadBalancer, 'loadBalancer');
    const lb = [...ctx.state.elb.loadBalancers.values()].find((l) => l.arn === ref || l.name === ref);
    if (!lb) throw invalidParameter(`No load balancer ${JSON.stringify(ref)}.`, 'loadBalancer');
    return { via: 'load-balancer', loadBalancerArn: lb.arn, ...aimOf(ctx, lb.arn, request) };
  }
  if (request.dnsName !== undefined) {
    const hostname = optionalString(request.dnsName, 'dnsName')!;
    if (!findDiscoveryService(ctx, hostname)) throw invalidParameter(`No Cloud Map service answers ${hostname}.`, 'dnsName');
    return { via: 'dns', hostname };
  }
  return { via: 'service-connect', alias: optionalString(request.serviceConnect, 'serviceConnect')! };
}

function validatePattern(input: unknown): TrafficPattern {
  if (input === undefined) return { type: 'constant' };
  const raw = requireObject(input, 'pattern');
  const number = (key: string) => {
    const value = raw[key];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw invalidParameter(`pattern.${key} must be a number of 0 or more.`, `pattern.${key}`);
    return value;
  };
  switch (raw.type) {
    case 'constant':
      return { type: 'constant' };
    case 'ramp':
      return { type: 'ramp', toRequestsPerSecond: number('toRequestsPerSecond'), overSeconds: number('overSeconds') };
    case 'spike':
      return { type: 'spike', toRequestsPerSecond: number('toRequestsPerSecond'), atSecond: number('atSecond'), forSeconds: number('forSeconds') };
    case 'daily':
      return { type: 'daily', peakRequestsPerSecond: number('peakRequestsPerSecond') };
    default:
      throw invalidParameter('pattern.type must be one of constant, ramp, spike, daily.', 'pattern.type');
  }
}

/** Simulation control: a client starts calling a service, second by second, through the route given. */
export function startTraffic(ctx: SimContext, input: StartTrafficRequest): void {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', ['name', 'loadBalancer', 'url', 'dnsName', 'serviceConnect', 'port', 'headers', 'requestsPerSecond', 'pattern']);
  const name = requireName(request.name, 'name');
  if (ctx.state.traffic.has(name)) throw invalidParameter(`Traffic "${name}" is already running.`, 'name');
  const route = routeOf(ctx, request);
  const requestsPerSecond = optionalInteger(request.requestsPerSecond, 'requestsPerSecond', { min: 0, max: 1_000_000 });
  if (requestsPerSecond === undefined) throw invalidParameter('requestsPerSecond is required.', 'requestsPerSecond');
  const pattern = validatePattern(request.pattern);
  ctx.state.traffic.set(name, { name, route, requestsPerSecond, pattern, startedAt: ctx.clock.now, history: [] });
  startTrafficSecond(ctx);
  // Traffic is what moves CPU: publish the services' metrics from now on.
  startMetricsMinute(ctx);
}

export function stopTraffic(ctx: SimContext, input: { name: string }): void {
  const name = requireObject(input, 'request').name;
  if (typeof name !== 'string' || !ctx.state.traffic.delete(name)) throw invalidParameter(`No traffic named ${JSON.stringify(name)}.`, 'name');
}

/** A client running now, with what it was started with; a load balancer is named by its name. */
export interface TrafficClient extends StartTrafficRequest {
  pattern: TrafficPattern;
  /** Virtual ms. */
  startedAt: number;
}

/** Simulation control: the clients running now, in the order they started. */
export function trafficClients(ctx: SimContext): TrafficClient[] {
  return [...ctx.state.traffic.values()].map(({ name, route, requestsPerSecond, pattern, startedAt }) => ({
    name,
    ...routeRequest(ctx, route),
    requestsPerSecond,
    pattern: structuredClone(pattern),
    startedAt,
  }));
}

/** A route as startTraffic takes it. */
function routeRequest(ctx: SimContext, route: TrafficRoute): Pick<StartTrafficRequest, 'loadBalancer' | 'url' | 'dnsName' | 'serviceConnect' | 'port' | 'headers'> {
  switch (route.via) {
    case 'load-balancer': {
      const aim = { ...(route.port === undefined ? {} : { port: route.port }), ...(route.headers === undefined ? {} : { headers: { ...route.headers } }) };
      if (route.host !== undefined) return { url: `https://${route.host}/`, ...aim };
      // Load balancers are never deleted in the simulator: the one the client was started on is there.
      return { loadBalancer: ctx.state.elb.loadBalancers.get(route.loadBalancerArn)!.name, ...aim };
    }
    case 'dns':
      return { dnsName: route.hostname };
    case 'service-connect':
      return { serviceConnect: route.alias };
  }
}

export function trafficHistory(ctx: SimContext, name: string): SecondRecord[] {
  const generator = ctx.state.traffic.get(name);
  if (!generator) throw invalidParameter(`No traffic named ${JSON.stringify(name)}.`, 'name');
  // A second's record is plain numbers (and the requests per target group): copied by hand, a long history reads
  // some 40 times faster than structuredClone does, and labs read theirs every simulated minute.
  return generator.history.map((r) => (r.targetGroups ? { ...r, targetGroups: { ...r.targetGroups } } : { ...r }));
}
