import { EcsError } from '../kernel/errors.js';
import type { SimContext } from '../kernel/context.js';
import { optionalArray, optionalInteger, optionalStringList, rejectUnknownFields, requireObject, requireString } from '../kernel/fields.js';
import { findListener } from './elb-api.js';
import type { ForwardTarget, ListenerRecord, ListenerRuleRecord, LoadBalancerRecord, RuleCondition } from './elb-state.js';
import { attachTargetGroups, forwardActionView, parseForwardActions } from './forward-action.js';
import { defaultActionView } from './default-action.js';

/**
 * Listener rules (ELBv2 CreateRule, ModifyRule, DescribeRules, DeleteRule): conditions on the path, the
 * host or a header, and a forward action, possibly weighted. Native blue/green names a production rule and a test
 * rule, and shifts traffic by rewriting their weights. Each listener also has its default rule, which is
 * the listener's default action; the simulator names it `<listener>/default` (ELB gives it a random id).
 */
const validation = (message: string, field: string) => new EcsError('ValidationError', message, field);
const DEFAULT = 'default';

export interface FoundRule {
  lb: LoadBalancerRecord;
  listener: ListenerRecord;
  /** Undefined for the listener's default rule. */
  rule?: ListenerRuleRecord;
}

const ruleArnPrefix = (listener: ListenerRecord) => listener.arn.replace(':listener/', ':listener-rule/');

export function createRule(ctx: SimContext, input: { ListenerArn: string; Priority: number; Conditions: unknown[]; Actions: unknown[]; Tags?: unknown[] }) {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', ['ListenerArn', 'Priority', 'Conditions', 'Actions', 'Tags']);
  const { lb, listener } = findListener(ctx, request.ListenerArn);
  const priority = optionalInteger(request.Priority, 'Priority', { min: 1, max: 50000 });
  if (priority === undefined) throw validation('Priority is required.', 'Priority');
  if ((listener.rules ?? []).some((r) => r.priority === priority)) throw new EcsError('PriorityInUseException', `Priority '${priority}' is currently in use`, 'Priority');
  const conditions = parseConditions(request.Conditions);
  const targetGroups = parseForwardActions(ctx, request.Actions, 'Actions');
  const rule: ListenerRuleRecord = { arn: `${ruleArnPrefix(listener)}/${ctx.random.hex(16)}`, priority, conditions, targetGroups };
  listener.rules = [...(listener.rules ?? []), rule].sort((a, b) => a.priority - b.priority);
  attachTargetGroups(ctx, lb.arn, targetGroups);
  return { Rules: [ruleView(rule)] };
}

/** Conditions and actions are replaced when given; the default rule takes new actions only. */
export function modifyRule(ctx: SimContext, input: { RuleArn: string; Conditions?: unknown[]; Actions?: unknown[] }) {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', ['RuleArn', 'Conditions', 'Actions']);
  const found = findRule(ctx, request.RuleArn);
  if (!found.rule && request.Conditions !== undefined) {
    throw new EcsError('OperationNotPermittedException', 'Conditions cannot be set on a default rule', 'Conditions');
  }
  const conditions = request.Conditions === undefined ? undefined : parseConditions(request.Conditions);
  const targetGroups = request.Actions === undefined ? undefined : parseForwardActions(ctx, request.Actions, 'Actions');
  if (conditions && found.rule) found.rule.conditions = conditions;
  if (targetGroups) {
    setForwardTargets(found, targetGroups);
    attachTargetGroups(ctx, found.lb.arn, targetGroups);
  }
  return { Rules: [viewOf(found)] };
}

export function describeRules(ctx: SimContext, input: { ListenerArn?: string; RuleArns?: string[] }) {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', ['ListenerArn', 'RuleArns', 'Marker', 'PageSize']);
  const arns = optionalStringList(request.RuleArns, 'RuleArns');
  if ((request.ListenerArn === undefined) === (arns === undefined)) throw validation('Specify either ListenerArn or RuleArns.', 'ListenerArn');
  if (arns) return { Rules: arns.map((arn) => viewOf(findRule(ctx, arn))) };
  const { listener } = findListener(ctx, request.ListenerArn);
  return { Rules: [...(listener.rules ?? []).map(ruleView), defaultRuleView(listener)] };
}

export function deleteRule(ctx: SimContext, input: { RuleArn: string }) {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', ['RuleArn']);
  const { listener, rule } = findRule(ctx, request.RuleArn);
  if (!rule) throw new EcsError('OperationNotPermittedException', 'Default rule cannot be deleted', 'RuleArn');
  listener.rules = listener.rules!.filter((r) => r !== rule);
  return {};
}

export function findRule(ctx: SimContext, arn: unknown): FoundRule {
  const found = lookUpRule(ctx, requireString(arn, 'RuleArn'));
  if (!found) throw new EcsError('RuleNotFoundException', 'One or more rules not found', 'RuleArn');
  return found;
}

/**
 * A listener rule by ARN, or the default rule of a listener given by its own ARN: what an NLB's blue/green
 * names, since an NLB listener has no other rule.
 */
export function lookUpRule(ctx: SimContext, arn: string): FoundRule | undefined {
  for (const lb of ctx.state.elb.loadBalancers.values()) {
    for (const listener of lb.listeners) {
      if (arn === listener.arn || arn === `${ruleArnPrefix(listener)}/${DEFAULT}`) return { lb, listener };
      const rule = listener.rules?.find((r) => r.arn === arn);
      if (rule) return { lb, listener, rule };
    }
  }
  return undefined;
}

/** The rule's (or the default rule's) forward targets: what ECS rewrites to move traffic. */
export function forwardTargetsOf(found: FoundRule): ForwardTarget[] {
  return found.rule ? found.rule.targetGroups : found.listener.targetGroups;
}

export function setForwardTargets(found: FoundRule, groups: ForwardTarget[]): void {
  if (found.rule) found.rule.targetGroups = groups;
  else {
    found.listener.targetGroups = groups;
    delete found.listener.fixedResponse;
  }
}

function parseConditions(value: unknown): RuleCondition[] {
  const list = (optionalArray(value, 'Conditions', 5) ?? []).map((c, i) => requireObject(c, `Conditions[${i}]`));
  if (list.length === 0) throw validation('A rule needs at least one condition.', 'Conditions');
  return list.map((raw, i) => {
    const at = `Conditions[${i}]`;
    if (raw.Field === 'path-pattern') {
      const config = raw.PathPatternConfig === undefined ? undefined : requireObject(raw.PathPatternConfig, `${at}.PathPatternConfig`);
      return { field: 'path-pattern', values: conditionValues(config?.Values ?? raw.Values, `${at}.PathPatternConfig.Values`) };
    }
    if (raw.Field === 'host-header') {
      const config = raw.HostHeaderConfig === undefined ? undefined : requireObject(raw.HostHeaderConfig, `${at}.HostHeaderConfig`);
      return { field: 'host-header', values: conditionValues(config?.Values ?? raw.Values, `${at}.HostHeaderConfig.Values`) };
    }
    if (raw.Field === 'http-header') {
      const config = requireObject(raw.HttpHeaderConfig, `${at}.HttpHeaderConfig`);
      const headerName = requireString(config.HttpHeaderName, `${at}.HttpHeaderConfig.HttpHeaderName`);
      return { field: 'http-header', headerName, values: conditionValues(config.Values, `${at}.HttpHeaderConfig.Values`) };
    }
    throw validation(`${at}.Field ${JSON.stringify(raw.Field)} is not modelled: the simulator's rules match path-pattern, host-header and http-header.`, `${at}.Field`);
  });
}

function conditionValues(value: unknown, field: string): string[] {
  const values = optionalStringList(value, field) ?? [];
  if (values.length === 0) throw validation(`${field} needs at least one value.`, field);
  return values;
}

const viewOf = (found: FoundRule) => (found.rule ? ruleView(found.rule) : defaultRuleView(found.listener));

function ruleView(rule: ListenerRuleRecord) {
  return { RuleArn: rule.arn, Priority: String(rule.priority), Conditions: rule.conditions.map(conditionView), Actions: forwardActionView(rule.targetGroups), IsDefault: false };
}

const defaultRuleView = (listener: ListenerRecord) => ({
  RuleArn: `${ruleArnPrefix(listener)}/${DEFAULT}`,
  Priority: DEFAULT,
  Conditions: [],
  Actions: defaultActionView(listener),
  IsDefault: true,
});

function conditionView(condition: RuleCondition) {
  switch (condition.field) {
    case 'path-pattern':
      return { Field: 'path-pattern', Values: [...condition.values], PathPatternConfig: { Values: [...condition.values] } };
    case 'host-header':
      return { Field: 'host-header', Values: [...condition.values], HostHeaderConfig: { Values: [...condition.values] } };
    case 'http-header':
      return { Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: condition.headerName, Values: [...condition.values] } };
  }
}

/** A client's request as the listener sees it: its path and its headers (names in lower case). */
export interface ListenerRequest {
  path: string;
  headers: Readonly<Record<string, string>>;
}

/** Where the listener forwards a request: the first rule, by priority, whose conditions all match; else the default action. */
export function routeRequest(listener: ListenerRecord, request: ListenerRequest): ForwardTarget[] {
  const rule = listener.rules?.find((r) => r.conditions.every((c) => matches(c, request)));
  return rule ? rule.targetGroups : listener.targetGroups;
}

function matches(condition: RuleCondition, request: ListenerRequest): boolean {
  if (condition.field === 'path-pattern') return condition.values.some((pattern) => glob(pattern, false).test(request.path));
  const value = request.headers[condition.field === 'host-header' ? 'host' : condition.headerName.toLowerCase()];
  return value !== undefined && condition.values.some((pattern) => glob(pattern, true).test(value));
}

/** ELB's patterns: * any run of characters, ? one; header values and host names compare without case, paths with it. */
const glob = (pattern: string, ignoreCase: boolean) =>
  new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, ignoreCase ? 'i' : '');
