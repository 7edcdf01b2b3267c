import type { ArnContext } from './arns.js';
import { Clock } from './clock.js';
import { isoFromEpochSeconds } from './iso-time.js';
import { Random } from './random.js';
import { UuidStore } from './uuid-store.js';
import { EventLog, type EventBridgeEvent } from './event-log.js';
import type { DetailSnapshot, EventStamping } from './lazy-detail.js';
import { TaskCensus } from '../ecs/model/task-census.js';
import { ImageCatalogue } from '../ecs/model/image-catalogue.js';
import { createState, type ServiceRecord, type SimState } from '../ecs/model/state.js';
import { Journal } from './journal.js';

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
  /** Ids drawn from `random` as events happen and written out when read (lazy ECS events). */
  uuids: UuidStore;
  /** What a lazy ECS event takes from the simulator when it is first read. */
  stamping: EventStamping;
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
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? '123456789012';
  const random = new Random(options.seed ?? 1);
  const uuids = new UuidStore(random);
  const ctx: SimContext = {
    region,
    accountId,
    clock: new Clock(),
    random,
    uuids,
    stamping: {
      account: accountId,
      region,
      isoTime: (ms) => isoTime(ctx, ms),
      uuid: (drawn) => uuids.format(drawn),
    },
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
  return ctx;
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

/** Appends an EventBridge event (ECS's own unless `source` says otherwise); returns its id. */
export function emitEventBridge(
  ctx: SimContext,
  detailType: EventBridgeEvent['detail-type'],
  resources: string[],
  detail: Record<string, unknown>,
  source = 'aws.ecs',
): string {
  const id = ctx.random.uuid();
  ctx.log.appendEventBridge(ctx.clock.now, {
    version: '0',
    id,
    'detail-type': detailType,
    source,
    account: ctx.accountId,
    time: isoTime(ctx, ctx.clock.now),
    region: ctx.region,
    resources,
    detail,
  });
  return id;
}

/**
 * Appends one of ECS's own events whose detail is built from `snapshot`: its id is drawn now, as for any
 * event, and the event is made when first read (see lazyEventEntry).
 */
export function emitLazyEventBridge(ctx: SimContext, snapshot: DetailSnapshot): void {
  ctx.log.appendLazyEventBridge(ctx.clock.now, ctx.uuids.draw(), snapshot, ctx.stamping);
}
