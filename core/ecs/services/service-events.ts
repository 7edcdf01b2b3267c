import { epochSeconds, type SimContext } from '../../kernel/context.js';
import type { ServiceRecord } from '../model/state.js';

/** DescribeServices keeps the newest 100 events. */
const MAX_SERVICE_EVENTS = 100;

export function recordServiceEvent(ctx: SimContext, service: ServiceRecord, message: string): void {
  // A Managed Daemon runs on the service scheduler, but ECS keeps no events for it.
  if (service.managedDaemon) return;
  service.events.unshift({ id: ctx.random.uuid(), createdAt: epochSeconds(ctx, ctx.clock.now), message });
  if (service.events.length > MAX_SERVICE_EVENTS) service.events.length = MAX_SERVICE_EVENTS;
  ctx.log.appendServiceEvent(ctx.clock.now, service.clusterName, service.name, message);
}
