import { DetailRows, lazyEventEntry, type EventStamping } from './lazy-detail.js';

/**
 * One stream for everything a learner may want to see: ECS service events (DescribeServices wording) and
 * EventBridge-shaped events (source aws.ecs). The CLI colours it, the docs draw it, tests assert on it.
 */
export interface EventBridgeEvent {
  version: '0';
  id: string;
  /** ECS's own ('ECS Task State Change', ...) or a custom event's (PutEvents). */
  'detail-type': EcsDetailType | (string & {});
  /** 'aws.ecs' for ECS's events; whatever PutEvents said for custom ones. */
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: Record<string, unknown>;
}

export type EcsDetailType = 'ECS Task State Change' | 'ECS Container Instance State Change' | 'ECS Service Action' | 'ECS Deployment State Change' | 'ECS Hook State Change';

export interface ServiceEventEntry {
  seq: number;
  /** Virtual milliseconds since the simulation started. */
  time: number;
  kind: 'service-event';
  cluster: string;
  service: string;
  message: string;
}

export interface EventBridgeEntry {
  seq: number;
  time: number;
  kind: 'eventbridge';
  event: EventBridgeEvent;
}

export type SimEvent = ServiceEventEntry | EventBridgeEntry;

/** Told of each entry as it is appended; `active`, when given, says whether it wants entries at the moment. */
interface Listener {
  listener: (event: SimEvent) => void;
  active?: () => boolean;
}

export class EventLog {
  /**
   * Every entry in seq order. One of ECS's own events is kept as a row of its kind's rows (see DetailRows)
   * until the log is read or a listener wants it (see makeFrom): a large run appends hundreds of thousands
   * that nobody reads, and making an entry object for each as it happens cost as much as the rest of the event.
   */
  private entries: Array<SimEvent | DetailRows> = [];
  /** Every entry before this one is made. */
  private madeUpTo = 0;
  /** For an entry still kept as a row, by seq: when it happened, the id drawn for it and its row. */
  private lazyTimes = new Float64Array(1024);
  private lazyIds = new Uint32Array(1024);
  private lazyRows = new Uint32Array(1024);
  private stamping?: EventStamping;
  private listeners: Listener[] = [];

  // Each kind is built by one object literal, seq included: a field added afterwards would give every
  // entry a separate property store, which costs bytes and time on each of a long run's events.
  appendServiceEvent(time: number, cluster: string, service: string, message: string): void {
    this.add({ time, kind: 'service-event', cluster, service, message, seq: this.entries.length });
  }

  appendEventBridge(time: number, event: EventBridgeEvent): void {
    this.add({ time, kind: 'eventbridge', event, seq: this.entries.length });
  }

  /** An ECS event whose snapshot is `row` of `rows`, made when first read (see lazyEventEntry). */
  appendLazyEventBridge(time: number, drawnId: number, rows: DetailRows, row: number, stamping: EventStamping): void {
    const seq = this.entries.length;
    if (this.listeners.some(isActive)) {
      this.add(lazyEventEntry(time, seq, drawnId, rows.snapshot(row), stamping));
      return;
    }
    if (seq >= this.lazyTimes.length) this.grow();
    this.lazyTimes[seq] = time;
    this.lazyIds[seq] = drawnId;
    this.lazyRows[seq] = row;
    this.stamping = stamping;
    this.entries.push(rows);
  }

  private add(entry: SimEvent): void {
    this.entries.push(entry);
    for (const listener of this.listeners) if (isActive(listener)) listener.listener(entry);
  }

  private grow(): void {
    const times = new Float64Array(this.lazyTimes.length * 2);
    times.set(this.lazyTimes);
    this.lazyTimes = times;
    const ids = new Uint32Array(this.lazyIds.length * 2);
    ids.set(this.lazyIds);
    this.lazyIds = ids;
    const rows = new Uint32Array(this.lazyRows.length * 2);
    rows.set(this.lazyRows);
    this.lazyRows = rows;
  }

  /** Makes the entries from `seq` on that are still rows; returns the entries, all made from `seq`. */
  private makeFrom(seq: number): readonly SimEvent[] {
    const entries = this.entries;
    for (let i = Math.max(seq, this.madeUpTo); i < entries.length; i++) {
      const entry = entries[i];
      if (entry instanceof DetailRows) entries[i] = lazyEventEntry(this.lazyTimes[i], i, this.lazyIds[i], entry.snapshot(this.lazyRows[i]), this.stamping!);
    }
    if (seq <= this.madeUpTo) this.madeUpTo = entries.length;
    return entries as readonly SimEvent[];
  }

  /** `active`: whether it wants entries now; while it does not, entries need not be made for it. */
  subscribe(listener: (event: SimEvent) => void, active?: () => boolean): () => void {
    const entry: Listener = active ? { listener, active } : { listener };
    this.listeners.push(entry);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== entry);
    };
  }

  get length(): number {
    return this.entries.length;
  }

  since(seq: number): SimEvent[] {
    return this.makeFrom(Math.max(0, seq)).slice(Math.max(0, seq));
  }

  /** The log as it is now (a copy: entries appended later are read by calling again). */
  all(): readonly SimEvent[] {
    return this.makeFrom(0).slice();
  }
}

const isActive = (listener: Listener) => listener.active === undefined || listener.active();

/** A one-line summary of an event, as the CLI and the docs timeline show it. */
export function describeEvent(event: SimEvent): string {
  if (event.kind === 'service-event') return event.message;
  const detail = event.event.detail;
  switch (event.event['detail-type']) {
    case 'ECS Task State Change': {
      const arn = String(detail.taskArn ?? '');
      const reason = detail.stoppedReason ? ` (${String(detail.stoppedReason)})` : '';
      return `task ${arn.slice(arn.lastIndexOf('/') + 1, arn.lastIndexOf('/') + 9)} ${String(detail.lastStatus)}${reason}`;
    }
    case 'ECS Container Instance State Change':
      return `container instance ${String(detail.ec2InstanceId)} ${String(detail.status)}`;
    case 'ECS Service Action':
    case 'ECS Deployment State Change':
    case 'ECS Hook State Change':
      return `${String(detail.eventName)}${detail.reason ? `: ${String(detail.reason)}` : ''}`;
    default:
      return `${event.event.source} ${event.event['detail-type']}`;
  }
}

/** `+00:01:30.000` style virtual timestamp. */
export function formatVirtualTime(virtualMs: number): string {
  const ms = Math.round(virtualMs);
  const totalSeconds = Math.floor(ms / 1000);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `+${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}
