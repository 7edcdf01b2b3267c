import { lazyEventEntry, type DetailSnapshot, type EventStamping } from './lazy-detail.js';

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

export class EventLog {
  private entries: SimEvent[] = [];
  private listeners: Array<(event: SimEvent) => void> = [];

  // Each kind is built by one object literal, seq included: a field added afterwards would give every
  // entry a separate property store, which costs bytes and time on each of a long run's events.
  appendServiceEvent(time: number, cluster: string, service: string, message: string): void {
    this.add({ time, kind: 'service-event', cluster, service, message, seq: this.entries.length });
  }

  appendEventBridge(time: number, event: EventBridgeEvent): void {
    this.add({ time, kind: 'eventbridge', event, seq: this.entries.length });
  }

  /** An ECS event made when first read (see lazyEventEntry). */
  appendLazyEventBridge(time: number, drawnId: number, snapshot: DetailSnapshot, stamping: EventStamping): void {
    this.add(lazyEventEntry(time, this.entries.length, drawnId, snapshot, stamping));
  }

  private add(entry: SimEvent): void {
    this.entries.push(entry);
    for (const listener of this.listeners) listener(entry);
  }

  subscribe(listener: (event: SimEvent) => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  get length(): number {
    return this.entries.length;
  }

  since(seq: number): SimEvent[] {
    return this.entries.slice(Math.max(0, seq));
  }

  all(): readonly SimEvent[] {
    return this.entries;
  }
}

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
