import { Priority } from '../engine/clock.js';
import type { SimContext } from '../engine/context.js';
import { dnsAnswer, findDiscoveryService } from '../discovery/cloud-map-api.js';
import { routableTargets } from '../load-balancing/target-health.js';
import type { TaskRecord } from '../model/state.js';
import { SERVICE_CONNECT_RETRIES, type LoadGenerator } from './load-generator.js';
import { outcomesOf, servedBy, type Endpoint } from './request-outcomes.js';
import { requestsPerSecondAt } from './traffic-pattern.js';

/** Whether a task still answers: running (or draining its connections) with its essential containers up. */
export function acceptsConnections(task: TaskRecord | undefined): boolean {
  if (!task || (task.lastStatus !== 'RUNNING' && task.lastStatus !== 'DEACTIVATING')) return false;
  return task.containers.every((c) => !c.essential || c.lastStatus === 'RUNNING');
}

function endpointOf(ctx: SimContext, task: TaskRecord | undefined): Endpoint {
  const image = task?.containers.find((c) => c.essential)?.image;
  const behaviour = ctx.images.behaviourOf(image ?? 'none');
  return { accepts: acceptsConnections(task), capacityRps: behaviour.capacityRps, latencyMs: behaviour.latencyMs };
}

function allTasks(ctx: SimContext): TaskRecord[] {
  return [...ctx.state.clusters.values()].flatMap((c) => [...c.tasks.values()]);
}

/** The endpoints a client sends this second's requests to, by route. */
function endpointsFor(ctx: SimContext, generator: LoadGenerator): { endpoints: Endpoint[]; tasks: Array<TaskRecord | undefined>; retries: number } {
  const route = generator.route;
  if (route.via === 'load-balancer') {
    const lb = ctx.state.elb.loadBalancers.get(route.loadBalancerArn);
    const groups = (lb?.listeners ?? []).map((l) => ctx.state.elb.targetGroups.get(l.targetGroupArn)).filter((g) => g !== undefined);
    const targets = routableTargets(groups.flatMap((g) => [...g!.targets.values()]));
    const byArn = new Map(allTasks(ctx).map((t) => [t.arn, t]));
    const tasks = targets.map((t) => byArn.get(t.taskArn));
    return { endpoints: tasks.map((t) => endpointOf(ctx, t)), tasks, retries: 0 };
  }
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
    return service?.serviceConnectAliases.includes(route.alias) && t.lastStatus === 'RUNNING' && t.desiredStatus === 'RUNNING';
  });
  return { endpoints: tasks.map((t) => endpointOf(ctx, t)), tasks, retries: SERVICE_CONNECT_RETRIES };
}

/** One second of every load generator, then the next tick while any generator runs. */
export function scheduleTrafficTick(ctx: SimContext): void {
  ctx.clock.schedule(1000, Priority.timer, 'traffic', () => {
    for (const generator of ctx.state.traffic.values()) {
      const rps = requestsPerSecondAt(generator.requestsPerSecond, generator.pattern, (ctx.clock.now - generator.startedAt) / 1000);
      const { endpoints, tasks, retries } = endpointsFor(ctx, generator);
      generator.history.push({ time: ctx.clock.now, ...outcomesOf(rps, endpoints, retries) });
      servedBy(rps, endpoints, retries).forEach((served, i) => {
        const task = tasks[i];
        if (task) task.requestsThisMinute = (task.requestsThisMinute ?? 0) + served;
      });
    }
    if (ctx.state.traffic.size > 0) scheduleTrafficTick(ctx);
    else ctx.trafficTicking = false;
  });
}
