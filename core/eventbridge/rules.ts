import { every } from '../kernel/periodic-work.js';
import { EcsError } from '../kernel/errors.js';
import { runTask } from '../ecs/api/tasks.js';
import type { NetworkConfiguration } from '../ecs/model/types.js';
import { Priority } from '../kernel/clock.js';
import { emitEventBridge, epochSeconds, type SimContext } from '../kernel/context.js';
import { scheduleDue, validScheduleExpression } from '../kernel/schedule-expression.js';
import { optionalArray, optionalInteger, optionalString, optionalStringList, rejectUnknownFields, requireObject, requireString } from '../kernel/fields.js';
import { matchesPattern, validatePattern, type EventPattern } from './event-pattern.js';

/** EventBridge rules whose targets run ECS tasks: on a schedule, or when an event matches a pattern. */
export interface RuleTarget {
  id: string;
  clusterArn: string;
  taskDefinitionArn: string;
  taskCount: number;
  launchType?: 'EC2' | 'FARGATE';
  networkConfiguration?: NetworkConfiguration;
}

export interface RuleRecord {
  name: string;
  arn: string;
  scheduleExpression?: string;
  eventPattern?: EventPattern;
  targets: RuleTarget[];
  /** Invocations in the current virtual second, to stop a rule that triggers itself from looping for ever. */
  recent: { second: number; count: number };
  invocations: number;
}

/** EventBridge's invocation quota in small: past this many invocations a second a rule is throttled. */
const MAX_INVOCATIONS_PER_SECOND = 10;

const invalid = (message: string, field: string) => new EcsError('InvalidParameterException', message, field);

export function putRule(ctx: SimContext, input: { Name: string; ScheduleExpression?: string; EventPattern?: string | object }) {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', ['Name', 'ScheduleExpression', 'EventPattern', 'State', 'Description']);
  const name = optionalString(request.Name, 'Name');
  if (!name || !/^[.\-_A-Za-z0-9]{1,64}$/.test(name)) throw invalid('Name must be 1-64 letters, digits, dots, hyphens or underscores.', 'Name');
  const schedule = optionalString(request.ScheduleExpression, 'ScheduleExpression');
  if (schedule !== undefined && !validScheduleExpression(schedule)) throw invalid('ScheduleExpression must be rate(...) or cron(...) (or at(...)).', 'ScheduleExpression');
  let pattern: EventPattern | undefined;
  if (request.EventPattern !== undefined) {
    try {
      pattern = validatePattern(typeof request.EventPattern === 'string' ? JSON.parse(request.EventPattern) : request.EventPattern);
    } catch (error) {
      throw invalid(`Event pattern is not valid. Reason: ${(error as Error).message}`, 'EventPattern');
    }
  }
  if (!schedule === !pattern) throw invalid('A rule needs exactly one of ScheduleExpression and EventPattern.', 'ScheduleExpression');
  const arn = `arn:aws:events:${ctx.region}:${ctx.accountId}:rule/${name}`;
  const existing = ctx.state.rules.get(name);
  ctx.state.rules.set(name, { name, arn, scheduleExpression: schedule, eventPattern: pattern, targets: existing?.targets ?? [], recent: { second: -1, count: 0 }, invocations: 0 });
  if (schedule) ensureSchedules(ctx);
  return { RuleArn: arn };
}

export function putTargets(ctx: SimContext, input: { Rule: string; Targets: Array<{ Id: string; Arn: string; EcsParameters: { TaskDefinitionArn: string; TaskCount?: number; LaunchType?: 'EC2' | 'FARGATE'; NetworkConfiguration?: { awsvpcConfiguration: NetworkConfiguration['awsvpcConfiguration'] } } }> }) {
  const request = requireObject(input, 'request');
  const rule = ctx.state.rules.get(String(request.Rule));
  if (!rule) throw new EcsError('ResourceNotFoundException', `Rule ${String(request.Rule)} does not exist.`, 'Rule');
  const targets = (optionalArray(request.Targets, 'Targets', 5) ?? []).map((t, i) => {
    const raw = requireObject(t, `Targets[${i}]`);
    const ecs = requireObject(raw.EcsParameters, `Targets[${i}].EcsParameters`);
    return {
      id: optionalString(raw.Id, `Targets[${i}].Id`) ?? `target-${i}`,
      clusterArn: optionalString(raw.Arn, `Targets[${i}].Arn`) ?? '',
      taskDefinitionArn: optionalString(ecs.TaskDefinitionArn, `Targets[${i}].EcsParameters.TaskDefinitionArn`) ?? '',
      taskCount: optionalInteger(ecs.TaskCount, `Targets[${i}].EcsParameters.TaskCount`, { min: 1, max: 10 }) ?? 1,
      ...(ecs.LaunchType ? { launchType: ecs.LaunchType as 'EC2' | 'FARGATE' } : {}),
      ...(ecs.NetworkConfiguration ? { networkConfiguration: ecs.NetworkConfiguration as NetworkConfiguration } : {}),
    };
  });
  rule.targets = [...rule.targets.filter((t) => !targets.some((n) => n.id === t.id)), ...targets];
  return { FailedEntryCount: 0, FailedEntries: [] };
}

/** PutEvents: custom events (an S3-like upload, an application's own) enter the same event stream. */
export function putEvents(ctx: SimContext, input: { Entries: Array<{ Source: string; DetailType: string; Detail: string | object; Resources?: string[] }> }) {
  const entries = (optionalArray(requireObject(input, 'request').Entries, 'Entries', 10) ?? []).map((e, i) => requireObject(e, `Entries[${i}]`));
  // Every entry is read before any is sent, so a request refused as a whole sends nothing.
  const parsed = entries.map((entry, i) => {
    const source = optionalString(entry.Source, `Entries[${i}].Source`);
    const detailType = optionalString(entry.DetailType, `Entries[${i}].DetailType`);
    if (!source || !detailType) throw invalid(`Entries[${i}] needs Source and DetailType.`, `Entries[${i}]`);
    const resources = optionalStringList(entry.Resources, `Entries[${i}].Resources`) ?? [];
    return { source, detailType, resources, detail: detailObject(entry.Detail) };
  });
  // A Detail that is not a JSON object fails that entry only, as PutEvents reports it.
  const results = parsed.map((e) =>
    e.detail ? { EventId: emitEventBridge(ctx, e.detailType, e.resources, e.detail, e.source) } : { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' },
  );
  return { FailedEntryCount: results.filter((r) => 'ErrorCode' in r).length, Entries: results };
}

function detailObject(detail: unknown): Record<string, unknown> | undefined {
  let value = detail;
  if (typeof detail === 'string') {
    try {
      value = JSON.parse(detail);
    } catch {
      return undefined;
    }
  }
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function invoke(ctx: SimContext, rule: RuleRecord): void {
  const second = Math.floor(ctx.clock.now / 1000);
  if (rule.recent.second !== second) rule.recent = { second, count: 0 };
  if (++rule.recent.count > MAX_INVOCATIONS_PER_SECOND) return;
  rule.invocations++;
  for (const target of rule.targets) {
    try {
      runTask(ctx, {
        cluster: target.clusterArn,
        taskDefinition: target.taskDefinitionArn,
        count: target.taskCount,
        startedBy: `events-rule/${rule.name}`,
        ...(target.launchType ? { launchType: target.launchType } : {}),
        ...(target.networkConfiguration ? { networkConfiguration: target.networkConfiguration } : {}),
      });
    } catch {
      // A target that cannot run is EventBridge's failed invocation, not the simulator's crash.
    }
  }
}

/** Rules with patterns look at every event as it is appended; matching ones invoke at the same instant, after it. */
export function watchEvents(ctx: SimContext): void {
  ctx.log.subscribe(
    (entry) => {
      if (entry.kind !== 'eventbridge') return;
      for (const rule of ctx.state.rules.values()) {
        if (!rule.eventPattern || !matchesPattern(rule.eventPattern, entry.event as unknown as Record<string, unknown>)) continue;
        ctx.clock.schedule(0, Priority.timer, () => invoke(ctx, rule));
      }
    },
    // Most runs have no rule: the log then need not make each entry, nor build its event, for this listener.
    () => ctx.state.rules.size > 0,
  );
}

/** Scheduled rules are checked once a minute, like scheduled scaling. */
function ensureSchedules(ctx: SimContext): void {
  every(ctx.periodic, 'eventbridge-schedules', { periodMs: 60_000, aligned: true }, () => {
    const now = epochSeconds(ctx, ctx.clock.now);
    for (const rule of ctx.state.rules.values()) {
      if (rule.scheduleExpression && scheduleDue(rule.scheduleExpression, now, epochSeconds(ctx, 0))) invoke(ctx, rule);
    }
  });
}

export function describeRule(ctx: SimContext, input: { Name: string }) {
  const rule = ctx.state.rules.get(String(requireObject(input, 'request').Name));
  if (!rule) throw new EcsError('ResourceNotFoundException', `Rule ${String(input.Name)} does not exist.`, 'Name');
  return { ...ruleView(rule), Invocations: rule.invocations };
}

function existingRule(ctx: SimContext, value: unknown, field: string): RuleRecord {
  const name = requireString(value, field);
  const rule = ctx.state.rules.get(name);
  if (!rule) throw new EcsError('ResourceNotFoundException', `Rule ${name} does not exist on EventBus default.`, field);
  return rule;
}

/** ListRules: the rules of the default event bus in name order, optionally those whose name starts with NamePrefix. */
export function listRules(ctx: SimContext, input: { NamePrefix?: string; EventBusName?: string } = {}) {
  const request = requireObject(input ?? {}, 'request');
  rejectUnknownFields(request, '', ['NamePrefix', 'EventBusName']);
  const prefix = optionalString(request.NamePrefix, 'NamePrefix') ?? '';
  const bus = optionalString(request.EventBusName, 'EventBusName');
  if (bus !== undefined && bus !== 'default') throw invalid('EventBusName must be "default": the simulator has only the default event bus.', 'EventBusName');
  const rules = [...ctx.state.rules.values()].filter((r) => r.name.startsWith(prefix)).sort((a, b) => (a.name < b.name ? -1 : 1));
  return { Rules: rules.map((r) => ({ ...ruleView(r), EventBusName: 'default' })) };
}

const ruleView = (rule: RuleRecord) => ({
  Name: rule.name,
  Arn: rule.arn,
  ScheduleExpression: rule.scheduleExpression,
  EventPattern: rule.eventPattern ? JSON.stringify(rule.eventPattern) : undefined,
  State: 'ENABLED',
});

/** ListTargetsByRule: each target as PutTargets took it, its ECS parameters included. */
export function listTargetsByRule(ctx: SimContext, input: { Rule: string }) {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', ['Rule', 'EventBusName']);
  const rule = existingRule(ctx, request.Rule, 'Rule');
  return {
    Targets: rule.targets.map((t) => ({
      Id: t.id,
      Arn: t.clusterArn,
      EcsParameters: {
        TaskDefinitionArn: t.taskDefinitionArn,
        TaskCount: t.taskCount,
        ...(t.launchType ? { LaunchType: t.launchType } : {}),
        ...(t.networkConfiguration ? { NetworkConfiguration: t.networkConfiguration } : {}),
      },
    })),
  };
}

/** RemoveTargets: ids the rule does not have are not an error (the simulator's rule: AWS does not document it). */
export function removeTargets(ctx: SimContext, input: { Rule: string; Ids: string[]; Force?: boolean }) {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', ['Rule', 'Ids', 'Force', 'EventBusName']);
  const rule = existingRule(ctx, request.Rule, 'Rule');
  const ids = optionalStringList(request.Ids, 'Ids', 100);
  if (!ids || ids.length === 0) throw invalid('Ids must list 1 to 100 target ids.', 'Ids');
  rule.targets = rule.targets.filter((t) => !ids.includes(t.id));
  return { FailedEntryCount: 0, FailedEntries: [] };
}

/**
 * DeleteRule: refused while the rule has targets (remove them first), as EventBridge does; deleting a rule
 * that does not exist succeeds, as EventBridge documents.
 */
export function deleteRule(ctx: SimContext, input: { Name: string; Force?: boolean }) {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', ['Name', 'Force', 'EventBusName']);
  const name = optionalString(request.Name, 'Name');
  if (!name) throw invalid('Name is required.', 'Name');
  const rule = ctx.state.rules.get(name);
  if (rule && rule.targets.length > 0) throw new EcsError('ValidationException', "Rule can't be deleted since it has targets.", 'Name');
  ctx.state.rules.delete(name);
  return {};
}

declare module '../kernel/context.js' {
  interface SimState {
    /** EventBridge rules by name. */
    rules: Map<string, RuleRecord>;
  }
}
