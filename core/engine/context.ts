import type { ArnContext } from './arns.js';
import { Clock } from './clock.js';
import { isoFromEpochSeconds } from './iso-time.js';
import { Random } from './random.js';
import { EventLog, type EventBridgeEvent } from '../events/event-log.js';
import { DetailSnapshot, withLazyDetail } from '../events/lazy-detail.js';
import { TaskCensus } from '../events/task-census.js';
import { ImageCatalogue } from '../model/image-catalogue.js';
import { createState, type ServiceRecord, type SimState } from '../model/state.js';
import { Journal } from '../simulation/journal.js';

export interface SimulatorOptions {
  /** Fixes every id and random choice. Default 1. */
  seed?: number;
  region?: string;
  accountId?: string;
  /** Epoch seconds at virtual time zero. Default 2026-01-05T09:00:00Z, a Monday morning. */
  startEpochSeconds?: number;
}

/** Everything the engine's parts share: time, randomness, ids, state and the event stream. */
export interface SimContext extends ArnContext {
  clock: Clock;
  random: Random;
  state: SimState;
  log: EventLog;
  census: TaskCensus;
  images: ImageCatalogue;
  startEpochSeconds: number;
  /** Asks the service scheduler to look at a service once the current instant's changes have settled. */
  requestServicePass: (service: ServiceRecord) => void;
  /** The calls that shaped this simulator, for snapshots. */
  journal: Journal;
  /** Whether the one-second traffic tick is scheduled. */
  trafficTicking: boolean;
  /** Whether the one-minute managed scaling tick is scheduled. */
  managedScalingTicking: boolean;
  /** Whether the one-minute CloudWatch metrics tick is scheduled. */
  metricsTicking: boolean;
  /** Whether the one-minute check of scheduled EventBridge rules is scheduled. */
  schedulesTicking: boolean;
}

export const DEFAULT_START_EPOCH_SECONDS = 1767603600;

export function createContext(options: SimulatorOptions, requestServicePass: SimContext['requestServicePass']): SimContext {
  return {
    region: options.region ?? 'us-east-1',
    accountId: options.accountId ?? '123456789012',
    clock: new Clock(),
    random: new Random(options.seed ?? 1),
    state: createState(),
    log: new EventLog(),
    census: new TaskCensus(),
    images: new ImageCatalogue(),
    startEpochSeconds: options.startEpochSeconds ?? DEFAULT_START_EPOCH_SECONDS,
    requestServicePass,
    journal: new Journal(),
    trafficTicking: false,
    managedScalingTicking: false,
    metricsTicking: false,
    schedulesTicking: false,
  };
}

/** Virtual milliseconds -> epoch seconds, the ECS wire format for timestamps. */
export function epochSeconds(ctx: SimContext, ms: number): number {
  return ctx.startEpochSeconds + ms / 1000;
}

/** Events come in bursts at one instant: the last conversion is kept (a pure function's cache, shared safely). */
let lastIso = { epochSeconds: NaN, iso: '' };

export function isoTime(ctx: SimContext, ms: number): string {
  const seconds = epochSeconds(ctx, ms);
  if (seconds !== lastIso.epochSeconds) lastIso = { epochSeconds: seconds, iso: isoFromEpochSeconds(seconds) };
  return lastIso.iso;
}

/**
 * Appends an EventBridge event (ECS's own unless `source` says otherwise); returns its id. A DetailSnapshot
 * detail is built when the event is first read (see withLazyDetail).
 */
export function emitEventBridge(
  ctx: SimContext,
  detailType: EventBridgeEvent['detail-type'],
  resources: string[],
  detail: Record<string, unknown> | DetailSnapshot,
  source = 'aws.ecs',
): string {
  const id = ctx.random.uuid();
  const event = {
    version: '0' as const,
    id,
    'detail-type': detailType,
    source,
    account: ctx.accountId,
    time: isoTime(ctx, ctx.clock.now),
    region: ctx.region,
    resources,
  };
  ctx.log.appendEventBridge(ctx.clock.now, detail instanceof DetailSnapshot ? withLazyDetail(event, detail) : { ...event, detail });
  return id;
}
