import type { EventBridgeEntry, EventBridgeEvent } from './event-log.js';

/**
 * What an event keeps instead of its detail until someone reads it: most events of a large run are never
 * read, and a built detail weighs many times more than the few fields it is built from.
 */
export abstract class DetailSnapshot {
  abstract readonly detailType: EventBridgeEvent['detail-type'];
  abstract readonly resources: string[];
  abstract build(): Record<string, unknown>;
}

/**
 * Where one kind of event keeps its snapshots, as rows of plain values rather than an object each: a large
 * run makes hundreds of thousands, which as objects cost as much to make and for the collector to move as
 * the rest of the run. Makes a row's snapshot when its event is first read.
 */
export abstract class DetailRows {
  abstract snapshot(row: number): DetailSnapshot;
}

/** What a lazy entry's event takes from its simulator when it is first read. */
export interface EventStamping {
  account: string;
  region: string;
  isoTime(ms: number): string;
  /** The event id drawn (see UuidStore) as the event happened. */
  uuid(drawn: number): string;
}

// Where lazy objects keep what they are built from: symbol keys, which JSON, Object.keys and structuredClone
// skip, held in class fields, so in the object itself rather than a property store of its own, and symbols
// rather than private fields, so that a proxy over the object (Vue's reactive) reads them.
const SNAPSHOT = Symbol('detail snapshot');
const STAMPING = Symbol('event stamping');
const DRAWN_ID = Symbol('event id');

/**
 * An own enumerable property computed on first read and then kept as a plain data property, written over
 * like one; one getter and setter pair per property name, shared by every object, so they keep one shape.
 */
function lazyProperty<T extends object>(key: string, compute: (target: T) => unknown, computed: (target: T) => void): PropertyDescriptor {
  const settle = (target: T, value: unknown) => {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
    computed(target);
    return value;
  };
  return {
    get(this: T) {
      return settle(this, compute(this));
    },
    set(this: T, value: unknown) {
      settle(this, value);
    },
    enumerable: true,
    configurable: true,
  };
}

const DETAIL = lazyProperty<LazyDetailEvent>(
  'detail',
  (event) => event[SNAPSHOT]!.build(),
  (event) => (event[SNAPSHOT] = undefined),
);

/**
 * An event whose `detail` is built from its snapshot on first read and kept from then on. It reads, prints,
 * spreads and clones like a plain event: EventBridge's field order, detail last as an own enumerable field.
 */
class LazyDetailEvent implements EventBridgeEvent {
  readonly version = '0' as const;
  readonly id: string;
  readonly 'detail-type': string;
  readonly source = 'aws.ecs';
  readonly account: string;
  readonly time: string;
  readonly region: string;
  readonly resources: string[];
  declare detail: Record<string, unknown>;
  [SNAPSHOT]: DetailSnapshot | undefined;

  constructor(id: string, stamping: EventStamping, timeMs: number, snapshot: DetailSnapshot) {
    this.id = id;
    this['detail-type'] = snapshot.detailType;
    this.account = stamping.account;
    this.time = stamping.isoTime(timeMs);
    this.region = stamping.region;
    this.resources = snapshot.resources;
    this[SNAPSHOT] = snapshot;
    Object.defineProperty(this, 'detail', DETAIL);
  }
}

const EVENT = lazyProperty<LazyEventEntry>(
  'event',
  (entry) => new LazyDetailEvent(entry[STAMPING]!.uuid(entry[DRAWN_ID]), entry[STAMPING]!, entry.time, entry[SNAPSHOT]!),
  (entry) => {
    entry[SNAPSHOT] = undefined;
    entry[STAMPING] = undefined;
  },
);

/**
 * A log entry of one of ECS's own events (source aws.ecs), whose event, id included, is made when first read:
 * until then the entry is all a large run keeps of it, with the snapshot its detail will be built from.
 */
class LazyEventEntry implements EventBridgeEntry {
  readonly time: number;
  readonly kind = 'eventbridge' as const;
  declare event: EventBridgeEvent;
  declare readonly seq: number;
  [SNAPSHOT]: DetailSnapshot | undefined;
  [STAMPING]: EventStamping | undefined;
  readonly [DRAWN_ID]: number;

  constructor(time: number, seq: number, drawnId: number, snapshot: DetailSnapshot, stamping: EventStamping) {
    this.time = time;
    Object.defineProperty(this, 'event', EVENT);
    this.seq = seq;
    this[SNAPSHOT] = snapshot;
    this[STAMPING] = stamping;
    this[DRAWN_ID] = drawnId;
  }
}

/** The log entry of an ECS event at `time` whose id was drawn as `drawnId`, made when first read. */
export function lazyEventEntry(time: number, seq: number, drawnId: number, snapshot: DetailSnapshot, stamping: EventStamping): EventBridgeEntry {
  return new LazyEventEntry(time, seq, drawnId, snapshot, stamping);
}
