import type { SimContext } from '../../kernel/context.js';
import type { ServiceRecord } from '../model/state.js';
import { recordServiceEvent } from './service-events.js';

/** ECS does not repeat a condition's message until the condition clears or 6 hours pass. */
const REPEAT_AFTER_MS = 6 * 3600 * 1000;

/** Sends the message if the condition is new (or 6 h old); returns whether it was sent. */
export function openCondition(ctx: SimContext, service: ServiceRecord, key: string, message: string): boolean {
  const sentAt = service.openConditions.get(key);
  if (sentAt !== undefined && ctx.clock.now - sentAt < REPEAT_AFTER_MS) return false;
  service.openConditions.set(key, ctx.clock.now);
  recordServiceEvent(ctx, service, message);
  return true;
}

export function clearCondition(service: ServiceRecord, key: string): void {
  service.openConditions.delete(key);
}
