import { EcsError, invalidParameter } from '../kernel/errors.js';
import type { SimContext } from '../kernel/context.js';
import { optionalBoolean, optionalEnum, optionalInteger, optionalString, optionalStringList, rejectUnknownFields, requireObject, requireString, validateTags } from '../kernel/fields.js';
import { matchesFilterPattern, parseFilterPattern } from './filter-pattern.js';
import type { LogEventRecord, LogGroupRecord, LogStreamRecord } from './observability-state.js';

/**
 * CloudWatch Logs, in its JSON shapes: log groups, the streams the awslogs driver writes, and reading
 * them back. Timestamps are epoch milliseconds. The simulator ingests a line the instant it is printed,
 * so ingestionTime equals timestamp.
 */

/** The values PutRetentionPolicy accepts (CloudWatch Logs API reference). */
/** Creates a log group (CreateLogGroup, or the awslogs driver's awslogs-create-group). */
export function addLogGroup(ctx: SimContext, name: string): LogGroupRecord {
  const group: LogGroupRecord = { name, createdAt: ctx.clock.now, streams: new Map() };
  ctx.state.observability.logGroups.set(name, group);
  return group;
}

export const RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

const epochMs = (ctx: SimContext, ms: number) => ctx.startEpochSeconds * 1000 + ms;
const groupArn = (ctx: SimContext, name: string) => `arn:aws:logs:${ctx.region}:${ctx.accountId}:log-group:${name}`;

function groupName(value: unknown, field = 'logGroupName'): string {
  if (typeof value !== 'string' || !/^[.\-_/#A-Za-z0-9]{1,512}$/.test(value)) {
    throw invalidParameter(`${field} must be 1 to 512 characters of letters, digits and . - _ / # (got ${JSON.stringify(value)}).`, field);
  }
  return value;
}

function findGroup(ctx: SimContext, request: Record<string, unknown>): LogGroupRecord {
  const group = ctx.state.observability.logGroups.get(groupName(request.logGroupName));
  if (!group) throw new EcsError('ResourceNotFoundException', 'The specified log group does not exist.', 'logGroupName');
  return group;
}

/** Events still kept: a retention policy hides events older than its days (CloudWatch deletes them). */
function kept(ctx: SimContext, group: LogGroupRecord, events: readonly LogEventRecord[]): LogEventRecord[] {
  if (group.retentionInDays === undefined) return [...events];
  const oldest = ctx.clock.now - group.retentionInDays * 86_400_000;
  return events.filter((e) => e.time >= oldest);
}

/** Opaque page tokens: the index of the next item, checked on the way back in. */
function page<T>(items: readonly T[], limit: number, token: unknown): { items: T[]; nextToken?: string } {
  const text = optionalString(token, 'nextToken');
  const start = text === undefined ? 0 : Number(/^o\/(\d+)$/.exec(text)?.[1] ?? NaN);
  if (!Number.isInteger(start) || start > items.length) throw invalidParameter('The specified nextToken is invalid.', 'nextToken');
  const end = start + limit;
  return { items: items.slice(start, end), ...(end < items.length ? { nextToken: `o/${end}` } : {}) };
}

function timeRange(request: Record<string, unknown>): { from: number; to: number } {
  const from = optionalInteger(request.startTime, 'startTime', { min: 0 }) ?? 0;
  const to = optionalInteger(request.endTime, 'endTime', { min: 0 }) ?? Number.MAX_SAFE_INTEGER;
  return { from, to };
}

export function createLogGroup(ctx: SimContext, input: { logGroupName: string; tags?: Record<string, string> }) {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', ['logGroupName', 'kmsKeyId', 'tags', 'logGroupClass']);
  const name = groupName(request.logGroupName);
  optionalString(request.kmsKeyId, 'kmsKeyId');
  optionalEnum(request.logGroupClass, 'logGroupClass', ['STANDARD', 'INFREQUENT_ACCESS']);
  if (request.tags !== undefined) validateTags(Object.entries(requireObject(request.tags, 'tags')).map(([key, value]) => ({ key, value })));
  if (ctx.state.observability.logGroups.has(name)) throw new EcsError('ResourceAlreadyExistsException', 'The specified log group already exists', 'logGroupName');
  addLogGroup(ctx, name);
  return {};
}

export function deleteLogGroup(ctx: SimContext, input: { logGroupName: string }) {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', ['logGroupName']);
  ctx.state.observability.logGroups.delete(findGroup(ctx, request).name);
  return {};
}

export function putRetentionPolicy(ctx: SimContext, input: { logGroupName: string; retentionInDays: number }) {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', ['logGroupName', 'retentionInDays']);
  const days = request.retentionInDays;
  if (!RETENTION_DAYS.includes(days as (typeof RETENTION_DAYS)[number])) {
    throw invalidParameter(`retentionInDays must be one of ${RETENTION_DAYS.join(', ')} (got ${JSON.stringify(days)}).`, 'retentionInDays');
  }
  findGroup(ctx, request).retentionInDays = days as number;
  return {};
}

export function describeLogGroups(ctx: SimContext, input: { logGroupNamePrefix?: string; limit?: number; nextToken?: string } = {}) {
  const request = requireObject(input ?? {}, 'request');
  rejectUnknownFields(request, '', ['logGroupNamePrefix', 'limit', 'nextToken']);
  const prefix = optionalString(request.logGroupNamePrefix, 'logGroupNamePrefix') ?? '';
  const limit = optionalInteger(request.limit, 'limit', { min: 1, max: 50 }) ?? 50;
  const groups = [...ctx.state.observability.logGroups.values()].filter((g) => g.name.startsWith(prefix)).sort((a, b) => (a.name < b.name ? -1 : 1));
  const { items, nextToken } = page(groups, limit, request.nextToken);
  const logGroups = items.map((g) => ({
    logGroupName: g.name,
    creationTime: epochMs(ctx, g.createdAt),
    ...(g.retentionInDays !== undefined ? { retentionInDays: g.retentionInDays } : {}),
    metricFilterCount: 0,
    arn: `${groupArn(ctx, g.name)}:*`,
    logGroupArn: groupArn(ctx, g.name),
    storedBytes: [...g.streams.values()].reduce((sum, s) => sum + s.events.reduce((n, e) => n + e.message.length, 0), 0),
    logGroupClass: 'STANDARD',
  }));
  return { logGroups, ...(nextToken ? { nextToken } : {}) };
}

function streamView(ctx: SimContext, group: LogGroupRecord, stream: LogStreamRecord) {
  const events = kept(ctx, group, stream.events);
  const first = events[0];
  const last = events[events.length - 1];
  return {
    logStreamName: stream.name,
    creationTime: epochMs(ctx, stream.createdAt),
    ...(first ? { firstEventTimestamp: epochMs(ctx, first.time), lastEventTimestamp: epochMs(ctx, last.time), lastIngestionTime: epochMs(ctx, last.time) } : {}),
    arn: `arn:aws:logs:${ctx.region}:${ctx.accountId}:log-group:${group.name}:log-stream:${stream.name}`,
    storedBytes: 0,
  };
}

export function describeLogStreams(
  ctx: SimContext,
  input: { logGroupName: string; logStreamNamePrefix?: string; orderBy?: 'LogStreamName' | 'LastEventTime'; descending?: boolean; limit?: number; nextToken?: string },
) {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', ['logGroupName', 'logStreamNamePrefix', 'orderBy', 'descending', 'limit', 'nextToken']);
  const prefix = optionalString(request.logStreamNamePrefix, 'logStreamNamePrefix');
  const orderBy = optionalEnum(request.orderBy, 'orderBy', ['LogStreamName', 'LastEventTime']) ?? 'LogStreamName';
  if (prefix !== undefined && orderBy === 'LastEventTime') throw invalidParameter('Cannot order by LastEventTime with a logStreamNamePrefix.', 'orderBy');
  const descending = optionalBoolean(request.descending, 'descending') ?? false;
  const limit = optionalInteger(request.limit, 'limit', { min: 1, max: 50 }) ?? 50;
  const group = findGroup(ctx, request);
  const views = [...group.streams.values()].filter((s) => s.name.startsWith(prefix ?? '')).map((s) => streamView(ctx, group, s));
  const key = (v: ReturnType<typeof streamView>) => (orderBy === 'LogStreamName' ? v.logStreamName : (v.lastEventTimestamp ?? 0));
  views.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.logStreamName < b.logStreamName ? -1 : 1));
  if (descending) views.reverse();
  const { items, nextToken } = page(views, limit, request.nextToken);
  return { logStreams: items, ...(nextToken ? { nextToken } : {}) };
}

/**
 * A stream's events, oldest first. As in CloudWatch Logs, without startFromHead (or a token) the page is
 * the newest `limit` events; nextForwardToken and nextBackwardToken move from there.
 */
export function getLogEvents(
  ctx: SimContext,
  input: { logGroupName: string; logStreamName: string; startTime?: number; endTime?: number; limit?: number; startFromHead?: boolean; nextToken?: string },
) {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', ['logGroupName', 'logGroupIdentifier', 'logStreamName', 'startTime', 'endTime', 'limit', 'startFromHead', 'nextToken', 'unmask']);
  const { from, to } = timeRange(request);
  const limit = optionalInteger(request.limit, 'limit', { min: 1, max: 10000 }) ?? 10000;
  const fromHead = optionalBoolean(request.startFromHead, 'startFromHead') ?? false;
  const group = findGroup(ctx, request);
  const stream = group.streams.get(requireString(request.logStreamName, 'logStreamName'));
  if (!stream) throw new EcsError('ResourceNotFoundException', 'The specified log stream does not exist.', 'logStreamName');
  const events = kept(ctx, group, stream.events).filter((e) => epochMs(ctx, e.time) >= from && epochMs(ctx, e.time) < to);
  const given = optionalString(request.nextToken, 'nextToken');
  const token = given === undefined ? undefined : /^([fb])\/(\d+)$/.exec(given);
  if (given !== undefined && (!token || Number(token[2]) > events.length)) throw invalidParameter('The specified nextToken is invalid.', 'nextToken');
  // A forward token starts a page at its index; a backward token ends one there.
  const [start, end] = token
    ? token[1] === 'f'
      ? [Number(token[2]), Math.min(events.length, Number(token[2]) + limit)]
      : [Math.max(0, Number(token[2]) - limit), Number(token[2])]
    : fromHead
      ? [0, Math.min(events.length, limit)]
      : [Math.max(0, events.length - limit), events.length];
  return {
    events: events.slice(start, end).map((e) => ({ timestamp: epochMs(ctx, e.time), message: e.message, ingestionTime: epochMs(ctx, e.time) })),
    nextForwardToken: `f/${end}`,
    nextBackwardToken: `b/${start}`,
  };
}

/** Events across a group's streams, oldest first, that match a filter pattern (terms; see filter-pattern.ts). */
export function filterLogEvents(
  ctx: SimContext,
  input: { logGroupName: string; logStreamNames?: string[]; logStreamNamePrefix?: string; startTime?: number; endTime?: number; filterPattern?: string; limit?: number; nextToken?: string },
) {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', ['logGroupName', 'logGroupIdentifier', 'logStreamNames', 'logStreamNamePrefix', 'startTime', 'endTime', 'filterPattern', 'limit', 'nextToken', 'interleaved', 'unmask']);
  const names = optionalStringList(request.logStreamNames, 'logStreamNames', 100);
  const prefix = optionalString(request.logStreamNamePrefix, 'logStreamNamePrefix');
  if (names && prefix !== undefined) throw invalidParameter('logStreamNames and logStreamNamePrefix are mutually exclusive.', 'logStreamNames');
  const pattern = parseFilterPattern(optionalString(request.filterPattern, 'filterPattern') ?? '');
  const { from, to } = timeRange(request);
  const limit = optionalInteger(request.limit, 'limit', { min: 1, max: 10000 }) ?? 10000;
  const group = findGroup(ctx, request);
  const streams = [...group.streams.values()].filter((s) => (names ? names.includes(s.name) : s.name.startsWith(prefix ?? '')));
  const events = streams
    .flatMap((s) => kept(ctx, group, s.events).map((e, i) => ({ stream: s.name, event: e, index: i })))
    .filter(({ event }) => epochMs(ctx, event.time) >= from && epochMs(ctx, event.time) < to && matchesFilterPattern(pattern, event.message))
    .sort((a, b) => a.event.time - b.event.time || (a.stream < b.stream ? -1 : a.stream > b.stream ? 1 : a.index - b.index));
  const { items, nextToken } = page(events, limit, request.nextToken);
  return {
    events: items.map(({ stream, event, index }) => ({
      logStreamName: stream,
      timestamp: epochMs(ctx, event.time),
      message: event.message,
      ingestionTime: epochMs(ctx, event.time),
      eventId: `${epochMs(ctx, event.time)}${String(index).padStart(8, '0')}`,
    })),
    searchedLogStreams: streams.map((s) => ({ logStreamName: s.name, searchedCompletely: true })),
    ...(nextToken ? { nextToken } : {}),
  };
}
