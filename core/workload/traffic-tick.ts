import { every } from '../kernel/periodic-work.js';
import type { SimContext } from '../kernel/context.js';
import { dnsAnswer, findDiscoveryService } from '../cloud-map/cloud-map-api.js';
import { routableTargets } from '../elb/target-health.js';
import { slowStartWeights } from '../elb/slow-start.js';
import { routeRequest, type ListenerRequest } from '../elb/listener-rules.js';
import type { TargetGroupRecord } from '../elb/elb-state.js';
import type { TaskRecord } from '../ecs/model/state.js';
import { findTaskByArn } from '../ecs/model/resolve.js';
import { routingOfTask } from '../ecs/services/task-routing.js';
import { SERVICE_CONNECT_RETRIES, type LoadGenerator, type TrafficRoute } from './load-generator.js';
import { routeSecond, type Endpoint, type SecondOutcome } from './request-outcomes.js';
import { requestsPerSecondAt } from './traffic-pattern.js';
import { recordServedRequests } from './traces.js';
import { recordSecondServed } from '../ecs/tasks/task-usage.js';

/** Whether a task still answers: running (or draining its connections) with its essential containers up. */
export function acceptsConnections(task: TaskRecord | undefined): boolean {
  if (!task || (task.lastStatus !== 'RUNNING' && task.lastStatus !== 'DEACTIVATING')) return false;
  return task.containers.every((c) => !c.essential || c.lastStatus === 'RUNNING');
}

function endpointOf(ctx: SimContext, task: TaskRecord | undefined): Endpoint {
  const image = task?.containers.find((c) => c.essential)?.image;
  const behaviour = ctx.images.behaviourOf(image ?? 'none');
  return { accepts: acceptsConnections(task), capacityRps: behaviour.capacityRps, latencyMs: behaviour.latencyMs, errorPercent: behaviour.errorPercent };
}

function allTasks(ctx: SimContext): TaskRecord[] {
  return [...ctx.state.clusters.values()].flatMap((c) => [...c.tasks.values()]);
}

interface Destination {
  share: number;
  /** The load balancer's target group, which counts the requests routed to it. */
  targetGroup?: TargetGroupRecord;
  endpoints: Endpoint[];
  tasks: Array<TaskRecord | undefined>;
  retries: number;
}

/**
 * Where a client's requests go this second, by route. A load balancer listener may split them between
 * target groups by weight (blue/green); every other route has one destination.
 */
function destinationsFor(ctx: SimContext, generator: LoadGenerator): Destination[] {
  const route = generator.route;
  if (route.via === 'load-balancer') {
    const listeners = ctx.state.elb.loadBalancers.get(route.loadBalancerArn)?.listeners ?? [];
    const listener = route.port === undefined ? listeners[0] : listeners.find((l) => l.port === route.port);
    // GET / with the Host header of the URL the client called, if it called one, and the headers it was
    // started with: production traffic has none a test rule would match, testers send that one.
    const request: ListenerRequest = { path: '/', headers: { ...(route.host === undefined ? {} : { host: route.host }), ...route.headers } };
    const groups = (listener ? routeRequest(listener, request) : []).filter((g) => g.weight > 0);
    const totalWeight = groups.reduce((sum, g) => sum + g.weight, 0);
    return groups.map((g) => {
      const tg = ctx.state.elb.targetGroups.get(g.targetGroupArn);
      const targets = routableTargets([...(tg?.targets.values() ?? [])]);
      const tasks = targets.map((t) => findTaskByArn(ctx, t.taskArn));
      const weights = slowStartWeights(targets, ctx.clock.now);
      return { share: g.weight / totalWeight, targetGroup: tg, endpoints: tasks.map((t, i) => ({ ...endpointOf(ctx, t), weight: weights[i] })), tasks, retries: 0 };
    });
  }
  return [{ share: 1, ...endpointsFor(ctx, generator, route) }];
}

/** The endpoints a client reaches by DNS or Service Connect. */
function endpointsFor(
  ctx: SimContext,
  generator: LoadGenerator,
  route: Exclude<TrafficRoute, { via: 'load-balancer' }>,
): { endpoints: Endpoint[]; tasks: Array<TaskRecord | undefined>; retries: number } {
  if (route.via === 'dns') {
    // The client's resolver keeps an answer for the record's TTL, dead addresses included.
    if (!generator.dnsCache || ctx.clock.now >= generator.dnsCache.expiresAt) {
      const service = findDiscoveryService(ctx, route.hostname);
      generator.dnsCache = { addresses: service ? dnsAnswer(service) : [], expiresAt: ctx.clock.now + (service?.ttlSeconds ?? 60) * 1000 };
    }
    const byAddress = new Map<string, TaskRecord>();
    for (const task of allTasks(ctx)) if (task.privateIpv4Address && task.lastStatus !== 'STOPPED') byAddress.set(task.privateIpv4Address, task);
    const tasks = generator.dnsCache.addresses.map((a) => byAddress.get(a));
    return { endpoints: tasks.map((t) => endpointOf(ctx, t)), tasks, retries: 0 };
  }
  // Service Connect: ECS pushes the endpoint list to every proxy on each change, so it holds the tasks
  // that are RUNNING and wanted, and the proxy retries a failed connection elsewhere.
  const tasks = allTasks(ctx).filter((t) => {
    const service = t.serviceName ? ctx.state.clusters.get(t.clusterName)?.services.get(t.serviceName) : undefined;
    return service !== undefined && routingOfTask(service, t).serviceConnectAliases.includes(route.alias) && t.lastStatus === 'RUNNING' && t.desiredStatus === 'RUNNING';
  });
  return { endpoints: tasks.map((t) => endpointOf(ctx, t)), tasks, retries: SERVICE_CONNECT_RETRIES };
}

/** Outcomes of the parts of one second's requests, as one: latencies weighted by requests, worst p99. */
function mergeOutcomes(rps: number, parts: SecondOutcome[]): SecondOutcome {
  if (parts.length === 0) return { requests: Math.round(rps), errors: Math.round(rps), p50Ms: 0, p99Ms: 0 };
  const requests = parts.reduce((s, p) => s + p.requests, 0);
  return {
    requests,
    errors: parts.reduce((s, p) => s + p.errors, 0),
    p50Ms: requests === 0 ? 0 : Math.round(parts.reduce((s, p) => s + p.p50Ms * p.requests, 0) / requests),
    p99Ms: Math.max(...parts.map((p) => p.p99Ms)),
  };
}

/** One second of every load generator, then the next while any generator runs. */
export function startTrafficSecond(ctx: SimContext): void {
  every(ctx.periodic, 'traffic-second', { periodMs: 1000 }, () => {
    for (const generator of ctx.state.traffic.values()) {
      const rps = requestsPerSecondAt(generator.requestsPerSecond, generator.pattern, (ctx.clock.now - generator.startedAt) / 1000);
      const destinations = destinationsFor(ctx, generator);
      const seconds = destinations.map((d) => routeSecond(rps * d.share, d.endpoints, d.retries));
      const outcome = mergeOutcomes(rps, seconds.map((s) => s.outcome));
      // The applications' 5xx answers come in fractions of a request a second: whole ones are counted as they add up.
      const carry = (generator.applicationErrorCarry ?? 0) + seconds.reduce((sum, s) => sum + s.applicationErrors, 0);
      const whole = Math.floor(carry + 1e-9);
      generator.applicationErrorCarry = carry - whole;
      const byTargetGroup = destinations.flatMap((d, i) => (d.targetGroup ? [[d.targetGroup.name, seconds[i].outcome.requests] as const] : []));
      generator.history.push({
        time: ctx.clock.now,
        ...outcome,
        errors: outcome.errors + whole,
        ...(generator.route.via === 'load-balancer' ? { targetGroups: Object.fromEntries(byTargetGroup) } : {}),
      });
      destinations.forEach((d, i) => {
        if (d.targetGroup) {
          d.targetGroup.requestsThisMinute += rps * d.share;
          d.targetGroup.target5xxThisMinute = (d.targetGroup.target5xxThisMinute ?? 0) + seconds[i].applicationErrors;
        }
        seconds[i].served.forEach((served, j) => {
          const task = d.tasks[j];
          if (!task) return;
          task.requestsThisMinute = (task.requestsThisMinute ?? 0) + served;
          recordServedRequests(ctx, task, served);
          recordSecondServed(ctx.clock.now, task, served);
        });
      });
    }
    return ctx.state.traffic.size > 0;
  });
}
