import { EcsError } from '../kernel/errors.js';
import type { SimContext } from '../kernel/context.js';
import { optionalArray, optionalEnum, optionalInteger, optionalString, optionalStringList, rejectUnknownFields, requireObject } from '../kernel/fields.js';
import { attachTargetGroups } from './forward-action.js';
import { defaultActionView, parseDefaultAction } from './default-action.js';
import { DEFAULT_DEREGISTRATION_DELAY_SECONDS, DEFAULT_TARGET_HEALTH_CHECK, type LoadBalancerRecord, type TargetGroupRecord, type TargetHealthCheck } from './elb-state.js';

/**
 * The Elastic Load Balancing (v2) actions the simulator models, with that API's PascalCase shapes and its
 * exception names (ValidationError, TargetGroupNotFoundException, ...).
 */
const validation = (message: string, field: string) => new EcsError('ValidationError', message, field);
const NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?$/;

function requireElbName(value: unknown, field: string): string {
  if (typeof value !== 'string' || !NAME.test(value)) {
    throw validation(`${field} must be 1-32 letters, digits and hyphens, not starting or ending with a hyphen.`, field);
  }
  return value;
}

const elbArn = (ctx: SimContext, kind: string, name: string) =>
  `arn:aws:elasticloadbalancing:${ctx.region}:${ctx.accountId}:${kind}/${name}/${ctx.random.hex(16)}`;

export function createLoadBalancer(ctx: SimContext, input: { Name: string; Type?: 'application' | 'network'; Subnets?: string[] }) {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', ['Name', 'Type', 'Subnets', 'SecurityGroups', 'Scheme', 'IpAddressType', 'Tags']);
  const name = requireElbName(request.Name, 'Name');
  const type = optionalEnum(request.Type, 'Type', ['application', 'network'] as const) ?? 'application';
  optionalArray(request.Subnets, 'Subnets', 20);
  if ([...ctx.state.elb.loadBalancers.values()].some((lb) => lb.name === name)) {
    throw new EcsError('DuplicateLoadBalancerNameException', 'A load balancer with the same name already exists.', 'Name');
  }
  const lb: LoadBalancerRecord = {
    arn: elbArn(ctx, `loadbalancer/${type === 'application' ? 'app' : 'net'}`, name),
    name,
    type,
    dnsName: `${name}-${ctx.random.digits(10)}.${ctx.region}.elb.amazonaws.com`,
    listeners: [],
    createdAt: ctx.clock.now,
  };
  ctx.state.elb.loadBalancers.set(lb.arn, lb);
  return { LoadBalancers: [loadBalancerView(lb)] };
}

/** The health check members CreateTargetGroup and ModifyTargetGroup take. */
interface HealthCheckRequest {
  HealthCheckPath?: string;
  HealthCheckIntervalSeconds?: number;
  HealthCheckTimeoutSeconds?: number;
  HealthyThresholdCount?: number;
  UnhealthyThresholdCount?: number;
  Matcher?: { HttpCode: string };
}

export function createTargetGroup(
  ctx: SimContext,
  input: HealthCheckRequest & { Name: string; Protocol?: string; Port?: number; TargetType?: 'instance' | 'ip'; VpcId?: string },
) {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', [
    'Name', 'Protocol', 'Port', 'TargetType', 'VpcId', 'HealthCheckPath', 'HealthCheckIntervalSeconds', 'HealthCheckTimeoutSeconds',
    'HealthyThresholdCount', 'UnhealthyThresholdCount', 'Matcher', 'HealthCheckProtocol', 'HealthCheckPort', 'Tags',
  ]);
  const name = requireElbName(request.Name, 'Name');
  if ([...ctx.state.elb.targetGroups.values()].some((tg) => tg.name === name)) {
    throw new EcsError('DuplicateTargetGroupNameException', 'A target group with the same name already exists.', 'Name');
  }
  const protocol = optionalEnum(request.Protocol, 'Protocol', ['HTTP', 'HTTPS', 'TCP', 'UDP', 'TLS'] as const) ?? 'HTTP';
  const healthCheck = healthCheckOf(request, DEFAULT_TARGET_HEALTH_CHECK);
  const tg: TargetGroupRecord = {
    arn: elbArn(ctx, 'targetgroup', name),
    name,
    protocol,
    port: optionalInteger(request.Port, 'Port', { min: 1, max: 65535 }) ?? 80,
    targetType: optionalEnum(request.TargetType, 'TargetType', ['instance', 'ip'] as const) ?? 'instance',
    healthCheck,
    deregistrationDelaySeconds: DEFAULT_DEREGISTRATION_DELAY_SECONDS,
    slowStartSeconds: 0,
    requestsThisMinute: 0,
    loadBalancerArns: [],
    targets: new Map(),
  };
  ctx.state.elb.targetGroups.set(tg.arn, tg);
  return { TargetGroups: [targetGroupView(tg)] };
}

/** The health check members of CreateTargetGroup or ModifyTargetGroup over `base`: what the request names replaces it. */
function healthCheckOf(request: Record<string, unknown>, base: TargetHealthCheck): TargetHealthCheck {
  const interval = optionalInteger(request.HealthCheckIntervalSeconds, 'HealthCheckIntervalSeconds', { min: 5, max: 300 }) ?? base.intervalSeconds;
  const timeout = optionalInteger(request.HealthCheckTimeoutSeconds, 'HealthCheckTimeoutSeconds', { min: 2, max: 120 }) ?? base.timeoutSeconds;
  if (timeout >= interval) throw validation('Health check timeout must be smaller than the interval.', 'HealthCheckTimeoutSeconds');
  const matcher = request.Matcher === undefined ? undefined : optionalString(requireObject(request.Matcher, 'Matcher').HttpCode, 'Matcher.HttpCode');
  return {
    path: optionalString(request.HealthCheckPath, 'HealthCheckPath') ?? base.path,
    intervalSeconds: interval,
    timeoutSeconds: timeout,
    healthyThreshold: optionalInteger(request.HealthyThresholdCount, 'HealthyThresholdCount', { min: 2, max: 10 }) ?? base.healthyThreshold,
    unhealthyThreshold: optionalInteger(request.UnhealthyThresholdCount, 'UnhealthyThresholdCount', { min: 2, max: 10 }) ?? base.unhealthyThreshold,
    matcher: matcher ?? base.matcher,
  };
}

/** ModifyTargetGroup: the health check settings; the rest of the group stays. */
export function modifyTargetGroup(
  ctx: SimContext,
  input: HealthCheckRequest & { TargetGroupArn: string },
) {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', [
    'TargetGroupArn', 'HealthCheckPath', 'HealthCheckIntervalSeconds', 'HealthCheckTimeoutSeconds', 'HealthyThresholdCount', 'UnhealthyThresholdCount', 'Matcher',
    'HealthCheckProtocol', 'HealthCheckPort', 'HealthCheckEnabled',
  ]);
  const tg = findTargetGroup(ctx, request.TargetGroupArn);
  tg.healthCheck = healthCheckOf(request, tg.healthCheck);
  return { TargetGroups: [targetGroupView(tg)] };
}

/** DeleteTargetGroup: only once no listener or rule forwards to it (ELB answers ResourceInUse otherwise). */
export function deleteTargetGroup(ctx: SimContext, input: { TargetGroupArn: string }) {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', ['TargetGroupArn']);
  const tg = findTargetGroup(ctx, request.TargetGroupArn);
  const forwards = (groups: readonly { targetGroupArn: string }[]) => groups.some((g) => g.targetGroupArn === tg.arn);
  const inUse = [...ctx.state.elb.loadBalancers.values()].some((lb) => lb.listeners.some((l) => forwards(l.targetGroups) || (l.rules ?? []).some((r) => forwards(r.targetGroups))));
  if (inUse) throw new EcsError('ResourceInUseException', `Target group '${tg.arn}' is currently in use by a listener or a rule`, 'TargetGroupArn');
  ctx.state.elb.targetGroups.delete(tg.arn);
  return {};
}

export function createListener(
  ctx: SimContext,
  input: { LoadBalancerArn: string; Port: number; Protocol?: string; DefaultActions: Array<{ Type: 'forward'; TargetGroupArn: string } | { Type: 'fixed-response'; FixedResponseConfig: { StatusCode: string; ContentType?: string; MessageBody?: string } }>; Certificates?: Array<{ CertificateArn: string }> },
) {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', ['LoadBalancerArn', 'Port', 'Protocol', 'DefaultActions', 'Certificates', 'SslPolicy', 'Tags']);
  const lb = ctx.state.elb.loadBalancers.get(String(request.LoadBalancerArn));
  if (!lb) throw new EcsError('LoadBalancerNotFoundException', 'One or more load balancers not found', 'LoadBalancerArn');
  const port = optionalInteger(request.Port, 'Port', { min: 1, max: 65535 });
  if (port === undefined) throw validation('Port is required.', 'Port');
  if (lb.listeners.some((l) => l.port === port)) throw new EcsError('DuplicateListenerException', 'A listener already exists on this port for this load balancer', 'Port');
  const actions = (optionalArray(request.DefaultActions, 'DefaultActions', 5) ?? []).map((a, i) => requireObject(a, `DefaultActions[${i}]`));
  const forward = actions.find((a) => a.Type === 'forward');
  const base = { arn: lb.arn.replace(':loadbalancer/', ':listener/') + `/${ctx.random.hex(16)}`, port, protocol: String(request.Protocol ?? 'HTTP') };
  if (!forward && actions.some((a) => a.Type === 'fixed-response')) {
    const listener = { ...base, ...parseDefaultAction(ctx, request.DefaultActions, 'DefaultActions') };
    lb.listeners.push(listener);
    return { Listeners: [listenerView(lb.arn, listener)] };
  }
  const tg = forward && ctx.state.elb.targetGroups.get(String(forward.TargetGroupArn));
  if (!tg) throw new EcsError('TargetGroupNotFoundException', 'One or more target groups not found', 'DefaultActions');
  const listener = { ...base, targetGroups: [{ targetGroupArn: tg.arn, weight: 1 }] };
  lb.listeners.push(listener);
  if (!tg.loadBalancerArns.includes(lb.arn)) tg.loadBalancerArns.push(lb.arn);
  return { Listeners: [{ ListenerArn: listener.arn, LoadBalancerArn: lb.arn, Port: port, Protocol: listener.protocol, DefaultActions: [{ Type: 'forward', TargetGroupArn: tg.arn }] }] };
}

export function findListener(ctx: SimContext, arn: unknown) {
  for (const lb of ctx.state.elb.loadBalancers.values()) {
    const listener = lb.listeners.find((l) => l.arn === arn);
    if (listener) return { lb, listener };
  }
  throw new EcsError('ListenerNotFoundException', 'One or more listeners not found', 'ListenerArn');
}

/** ModifyListener with a weighted forward action: how blue/green moves traffic between target groups. */
export function modifyListener(
  ctx: SimContext,
  input: { ListenerArn: string; DefaultActions: Array<{ Type: 'forward'; TargetGroupArn?: string; ForwardConfig?: { TargetGroups: Array<{ TargetGroupArn: string; Weight?: number }> } }> },
) {
  const request = requireObject(input, 'request');
  const { lb, listener } = findListener(ctx, request.ListenerArn);
  const action = parseDefaultAction(ctx, request.DefaultActions, 'DefaultActions');
  listener.targetGroups = action.targetGroups;
  if (action.fixedResponse) listener.fixedResponse = action.fixedResponse;
  else delete listener.fixedResponse;
  attachTargetGroups(ctx, lb.arn, action.targetGroups);
  return { Listeners: [listenerView(lb.arn, listener)] };
}

export function describeListeners(ctx: SimContext, input: { LoadBalancerArn: string }) {
  const lb = ctx.state.elb.loadBalancers.get(String(requireObject(input, 'request').LoadBalancerArn));
  if (!lb) throw new EcsError('LoadBalancerNotFoundException', 'One or more load balancers not found', 'LoadBalancerArn');
  return { Listeners: lb.listeners.map((l) => listenerView(lb.arn, l)) };
}

function listenerView(loadBalancerArn: string, listener: LoadBalancerRecord['listeners'][number]) {
  return {
    ListenerArn: listener.arn,
    LoadBalancerArn: loadBalancerArn,
    Port: listener.port,
    Protocol: listener.protocol,
    DefaultActions: defaultActionView(listener),
  };
}

export function findTargetGroup(ctx: SimContext, arn: unknown, field = 'TargetGroupArn'): TargetGroupRecord {
  const tg = typeof arn === 'string' ? ctx.state.elb.targetGroups.get(arn) : undefined;
  if (!tg) throw new EcsError('TargetGroupNotFoundException', 'One or more target groups not found', field);
  return tg;
}

/** The target group attributes the simulator models, each with its rule (ELBv2 API reference). */
const TARGET_GROUP_ATTRIBUTES: Record<string, { valid: (seconds: number, tg: TargetGroupRecord) => string | undefined; read: (tg: TargetGroupRecord) => number; write: (tg: TargetGroupRecord, seconds: number) => void }> = {
  'deregistration_delay.timeout_seconds': {
    valid: (s) => (s >= 0 && s <= 3600 ? undefined : 'deregistration_delay.timeout_seconds must be an integer from 0 to 3600.'),
    read: (tg) => tg.deregistrationDelaySeconds,
    write: (tg, s) => (tg.deregistrationDelaySeconds = s),
  },
  'slow_start.duration_seconds': {
    valid: (s, tg) =>
      tg.protocol !== 'HTTP' && tg.protocol !== 'HTTPS'
        ? `Slow start is not supported for target groups with the ${tg.protocol} protocol.`
        : s === 0 || (s >= 30 && s <= 900)
          ? undefined
          : 'slow_start.duration_seconds must be 0 (off) or an integer from 30 to 900.',
    read: (tg) => tg.slowStartSeconds,
    write: (tg, s) => (tg.slowStartSeconds = s),
  },
};

export function modifyTargetGroupAttributes(ctx: SimContext, input: { TargetGroupArn: string; Attributes: Array<{ Key: string; Value: string }> }) {
  const request = requireObject(input, 'request');
  const tg = findTargetGroup(ctx, request.TargetGroupArn);
  const attributes = (optionalArray(request.Attributes, 'Attributes', 20) ?? []).map((a, i) => requireObject(a, `Attributes[${i}]`));
  // Every attribute is checked before any is applied, so a rejected call changes nothing.
  for (const [i, attribute] of attributes.entries()) {
    const known = typeof attribute.Key === 'string' && Object.hasOwn(TARGET_GROUP_ATTRIBUTES, attribute.Key) ? TARGET_GROUP_ATTRIBUTES[attribute.Key] : undefined;
    if (!known) {
      throw validation(`Attributes[${i}].Key ${JSON.stringify(attribute.Key)} is not modelled; the simulator knows ${Object.keys(TARGET_GROUP_ATTRIBUTES).join(' and ')}.`, `Attributes[${i}].Key`);
    }
    const seconds = Number(attribute.Value);
    const problem = Number.isInteger(seconds) && typeof attribute.Value === 'string' ? known.valid(seconds, tg) : `${String(attribute.Key)} must be a whole number of seconds, as a string.`;
    if (problem) throw validation(problem, `Attributes[${i}].Value`);
  }
  for (const attribute of attributes) TARGET_GROUP_ATTRIBUTES[attribute.Key as string].write(tg, Number(attribute.Value));
  return attributesOf(tg);
}

const attributesOf = (tg: TargetGroupRecord) => ({ Attributes: Object.entries(TARGET_GROUP_ATTRIBUTES).map(([Key, a]) => ({ Key, Value: String(a.read(tg)) })) });

/** DescribeTargetGroupAttributes: the attributes the simulator models, with their current values. */
export function describeTargetGroupAttributes(ctx: SimContext, input: { TargetGroupArn: string }) {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', ['TargetGroupArn']);
  return attributesOf(findTargetGroup(ctx, request.TargetGroupArn));
}

export function describeTargetHealth(ctx: SimContext, input: { TargetGroupArn: string }) {
  const tg = findTargetGroup(ctx, requireObject(input, 'request').TargetGroupArn);
  return {
    TargetHealthDescriptions: [...tg.targets.values()].map((t) => ({
      Target: { Id: t.id, Port: t.port, ...(t.availabilityZone ? { AvailabilityZone: t.availabilityZone } : {}) },
      HealthCheckPort: String(t.port),
      TargetHealth: { State: t.state, ...(t.reasonCode ? { Reason: t.reasonCode } : {}), ...(t.description ? { Description: t.description } : {}) },
    })),
  };
}

export function describeTargetGroups(ctx: SimContext, input: { TargetGroupArns?: string[]; Names?: string[] } = {}) {
  const request = requireObject(input ?? {}, 'request');
  const arns = optionalArray(request.TargetGroupArns, 'TargetGroupArns', 20);
  const names = optionalArray(request.Names, 'Names', 20);
  const groups = [...ctx.state.elb.targetGroups.values()].filter((tg) => (!arns || arns.includes(tg.arn)) && (!names || names.includes(tg.name)));
  if ((arns && groups.length < arns.length) || (names && groups.length < names.length)) {
    throw new EcsError('TargetGroupNotFoundException', 'One or more target groups not found', arns ? 'TargetGroupArns' : 'Names');
  }
  return { TargetGroups: groups.map(targetGroupView) };
}

/** DescribeLoadBalancers: all of them, or those named by LoadBalancerArns or Names (not both); one missing fails the call. */
export function describeLoadBalancers(ctx: SimContext, input: { LoadBalancerArns?: string[]; Names?: string[] } = {}) {
  const request = requireObject(input ?? {}, 'request');
  rejectUnknownFields(request, '', ['LoadBalancerArns', 'Names']);
  const arns = optionalStringList(request.LoadBalancerArns, 'LoadBalancerArns', 20);
  const names = optionalStringList(request.Names, 'Names', 20);
  if (arns && names) throw validation('Load balancer names and load balancer ARNs cannot be specified at the same time', 'Names');
  const all = [...ctx.state.elb.loadBalancers.values()];
  const wanted = arns ?? names;
  const missing = wanted?.find((key) => !all.some((lb) => (arns ? lb.arn : lb.name) === key));
  if (missing !== undefined) throw new EcsError('LoadBalancerNotFoundException', `Load balancers '[${missing}]' not found`, arns ? 'LoadBalancerArns' : 'Names');
  return { LoadBalancers: all.filter((lb) => !wanted || wanted.includes(arns ? lb.arn : lb.name)).map(loadBalancerView) };
}

function targetGroupView(tg: TargetGroupRecord) {
  return {
    TargetGroupArn: tg.arn,
    TargetGroupName: tg.name,
    Protocol: tg.protocol,
    Port: tg.port,
    TargetType: tg.targetType,
    HealthCheckPath: tg.healthCheck.path,
    HealthCheckIntervalSeconds: tg.healthCheck.intervalSeconds,
    HealthCheckTimeoutSeconds: tg.healthCheck.timeoutSeconds,
    HealthyThresholdCount: tg.healthCheck.healthyThreshold,
    UnhealthyThresholdCount: tg.healthCheck.unhealthyThreshold,
    Matcher: { HttpCode: tg.healthCheck.matcher },
    LoadBalancerArns: [...tg.loadBalancerArns],
  };
}

function loadBalancerView(lb: LoadBalancerRecord) {
  return { LoadBalancerArn: lb.arn, LoadBalancerName: lb.name, Type: lb.type, DNSName: lb.dnsName, State: { Code: 'active' } };
}
