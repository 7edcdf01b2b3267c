import type { EventBridgeEvent } from './event-log.js';

/**
 * What an event keeps instead of its detail until someone reads it: most events of a large run are never
 * read, and a built detail weighs many times more than the few fields it is built from.
 */
export abstract class DetailSnapshot {
  abstract build(): Record<string, unknown>;
}

// One getter and one setter shared by every lazy event, so that they all keep one object shape.
const DETAIL: PropertyDescriptor = {
  get(this: LazyDetailEvent) {
    return LazyDetailEvent.settle(this);
  },
  set(this: LazyDetailEvent, detail: Record<string, unknown>) {
    LazyDetailEvent.settle(this, detail);
  },
  enumerable: true,
  configurable: true,
};

/** Where a lazy event keeps its snapshot: a symbol key, which JSON, Object.keys and structuredClone skip. */
const SNAPSHOT = Symbol('detail snapshot');

/**
 * An event whose `detail` is built from its snapshot on first read and kept from then on. It reads, prints,
 * spreads and clones like a plain event (EventBridge's field order, detail last as an own enumerable
 * field). The snapshot is a class field, so it sits in the object itself rather than in a property store of
 * its own; a symbol rather than a private field, so that a proxy over the event (Vue's reactive) reads it.
 */
class LazyDetailEvent implements EventBridgeEvent {
  readonly version = '0' as const;
  readonly id: string;
  readonly 'detail-type': string;
  readonly source: string;
  readonly account: string;
  readonly time: string;
  readonly region: string;
  readonly resources: string[];
  declare detail: Record<string, unknown>;
  [SNAPSHOT]: DetailSnapshot | undefined;

  constructor(event: Omit<EventBridgeEvent, 'detail'>, snapshot: DetailSnapshot) {
    this.id = event.id;
    this['detail-type'] = event['detail-type'];
    this.source = event.source;
    this.account = event.account;
    this.time = event.time;
    this.region = event.region;
    this.resources = event.resources;
    this[SNAPSHOT] = snapshot;
    Object.defineProperty(this, 'detail', DETAIL);
  }

  /** Replaces the accessor by the detail read (built now) or written. */
  static settle(event: LazyDetailEvent, written?: Record<string, unknown>): Record<string, unknown> {
    const detail = written ?? event[SNAPSHOT]!.build();
    Object.defineProperty(event, 'detail', { value: detail, writable: true, enumerable: true, configurable: true });
    event[SNAPSHOT] = undefined;
    return detail;
  }
}

/** `event` with a `detail` built from `snapshot` on first read. */
export function withLazyDetail(event: Omit<EventBridgeEvent, 'detail'>, snapshot: DetailSnapshot): EventBridgeEvent {
  return new LazyDetailEvent(event, snapshot);
}
