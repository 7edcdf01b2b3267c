import type { ArnContext } from './arns.js';
import { Clock } from './clock.js';
import { isoFromEpochSeconds } from './iso-time.js';
import { Random } from './random.js';
import { UuidStore } from './uuid-store.js';
import { EventLog, type EventBridgeEvent } from './event-log.js';
import type { DetailRows, EventStamping } from './lazy-detail.js';
import { Journal } from './journal.js';
import { PeriodicWork } from './periodic-work.js';

export interface SimulatorOptions {
  /** Fixes every id and random choice. Default 1. */
  seed?: number;
  region?: string;
  accountId?: string;
  /** Epoch seconds at virtual time zero. Default 2026-01-05T09:00:00Z, a Monday morning. */
  startEpochSeconds?: number;
}

/**
 * What each modelled service keeps. The kernel knows none of them: each service adds its own member from its
 * own state file (TypeScript declaration merging, `declare module`), and the simulation assembles them.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SimState {}

/**
 * What services announce for others to react to (ECS: a task is RUNNING; CloudWatch: an alarm changed), each
 * a HookList added by the announcing service from its own file, as SimState is.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SimHooks {}

/** What the kernel gives every part of the engine: time, randomness, ids, the event stream and the journal. */
export interface KernelContext extends ArnContext {
  clock: Clock;
  random: Random;
  /** Ids drawn from `random` as events happen and written out when read (lazy ECS events). */
  uuids: UuidStore;
  /** What a lazy ECS event takes from the simulator when it is first read. */
  stamping: EventStamping;
  log: EventLog;
  startEpochSeconds: number;
  /** The calls that shaped this simulator, for snapshots. */
  journal: Journal;
  /** Named recurring work (the CloudWatch minute, the traffic second, ...). */
  periodic: PeriodicWork;
}

/**
 * Everything the engine's parts share: the kernel's part, every service's state, and what services add to
 * the context from their own files (ECS adds its task census, image catalogue and lifecycle hooks).
 */
export interface SimContext extends KernelContext {
  state: SimState;
  hooks: SimHooks;
}

export const DEFAULT_START_EPOCH_SECONDS = 1767603600;

export function createKernelContext(options: SimulatorOptions): KernelContext {
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? '123456789012';
  const random = new Random(options.seed ?? 1);
  const uuids = new UuidStore(random);
  const clock = new Clock();
  const ctx: KernelContext = {
    region,
    accountId,
    clock,
    random,
    uuids,
    stamping: {
      account: accountId,
      region,
      isoTime: (ms) => isoTime(ctx, ms),
      uuid: (drawn) => uuids.format(drawn),
    },
    log: new EventLog(),
    startEpochSeconds: options.startEpochSeconds ?? DEFAULT_START_EPOCH_SECONDS,
    journal: new Journal(),
    periodic: new PeriodicWork(clock),
  };
  return ctx;
}

/** Virtual milliseconds -> epoch seconds, the ECS wire format for timestamps. */
export function epochSeconds(ctx: KernelContext, ms: number): number {
  return ctx.startEpochSeconds + ms / 1000;
}

/** Events come in bursts at one instant: the last conversion is kept (a pure function's cache, shared safely). */
let lastIso = { epochSeconds: NaN, iso: '' };

export function isoTime(ctx: KernelContext, ms: number): string {
  const seconds = epochSeconds(ctx, ms);
  if (seconds !== lastIso.epochSeconds) lastIso = { epochSeconds: seconds, iso: isoFromEpochSeconds(seconds) };
  return lastIso.iso;
}

/** Appends an EventBridge event (ECS's own unless `source` says otherwise); returns its id. */
export function emitEventBridge(
  ctx: KernelContext,
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
 * Appends one of ECS's own events whose detail is built from `row` of `rows`: its id is drawn now, as for any
 * event, and the event is made when first read (see lazyEventEntry).
 */
export function emitLazyEventBridge(ctx: KernelContext, rows: DetailRows, row: number): void {
  ctx.log.appendLazyEventBridge(ctx.clock.now, ctx.uuids.draw(), rows, row, ctx.stamping);
}
