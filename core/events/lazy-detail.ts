import type { EventBridgeEvent } from './event-log.js';

/**
 * What an event keeps instead of its detail until someone reads it: most events of a large run are never
 * read, and a built detail weighs many times more than the few fields it is built from.
 */
export abstract class DetailSnapshot {
  abstract build(): Record<string, unknown>;
}

/** Where a lazy event keeps its snapshot: a hidden key, invisible to JSON, spread and structuredClone. */
const SNAPSHOT = Symbol('detail snapshot');

type Lazy = EventBridgeEvent & { [SNAPSHOT]?: DetailSnapshot };

function settle(event: Lazy, detail: Record<string, unknown>): void {
  Object.defineProperty(event, 'detail', { value: detail, writable: true, enumerable: true, configurable: true });
  event[SNAPSHOT] = undefined;
}

// One getter and one setter shared by every lazy event, so that they all keep one object shape.
function readDetail(this: Lazy): Record<string, unknown> {
  const detail = this[SNAPSHOT]!.build();
  settle(this, detail);
  return detail;
}

function writeDetail(this: Lazy, detail: Record<string, unknown>): void {
  settle(this, detail);
}

/**
 * `event` with a `detail` built from `snapshot` on first read and kept from then on. It reads, prints and
 * serialises like a plain event (detail last, as an own enumerable field).
 */
export function withLazyDetail(event: Omit<EventBridgeEvent, 'detail'>, snapshot: DetailSnapshot): EventBridgeEvent {
  Object.defineProperty(event, SNAPSHOT, { value: snapshot, writable: true });
  Object.defineProperty(event, 'detail', { get: readDetail, set: writeDetail, enumerable: true, configurable: true });
  return event as EventBridgeEvent;
}
