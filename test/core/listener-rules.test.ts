import { describe, expect, it } from 'vitest';
import { createSimulator, EcsError, restoreSimulator } from '../../core/index.js';
import { routeRequest } from '../../core/elb/listener-rules.js';
import type { ListenerRecord } from '../../core/elb/elb-state.js';

/** An ALB with a listener on port 80 forwarding to blue, and a second target group green. */
function alb() {
  const sim = createSimulator({ seed: 11 });
  const lb = sim.elbv2.createLoadBalancer({ Name: 'web-alb', Type: 'application' }).LoadBalancers[0].LoadBalancerArn;
  const group = (Name: string) => sim.elbv2.createTargetGroup({ Name, Protocol: 'HTTP', Port: 80, TargetType: 'ip' }).TargetGroups[0].TargetGroupArn;
  const blue = group('blue');
  const green = group('green');
  const ListenerArn = sim.elbv2.createListener({ LoadBalancerArn: lb, Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'forward', TargetGroupArn: blue }] }).Listeners[0].ListenerArn;
  return { sim, lb, blue, green, ListenerArn };
}

const refusal = (call: () => unknown) => {
  try {
    call();
  } catch (error) {
    if (error instanceof EcsError) return { name: error.name, message: error.message };
    throw error;
  }
  throw new Error('the call was accepted');
};

describe('ELBv2 listener rules', () => {
  it('creates a weighted rule with a path and a header condition, as the SDK sends it, and lists it before the default rule', () => {
    const { sim, lb, blue, green, ListenerArn } = alb();
    const [created] = sim.elbv2.createRule({
      ListenerArn,
      Priority: 10,
      Conditions: [
        { Field: 'path-pattern', PathPatternConfig: { Values: ['/api/*'] } },
        { Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'x-canary', Values: ['yes'] } },
      ],
      Actions: [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: blue, Weight: 90 }, { TargetGroupArn: green, Weight: 10 }] } }],
    }).Rules;
    expect(created.RuleArn).toMatch(/^arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule\/app\/web-alb\/[0-9a-f]{16}\/[0-9a-f]{16}\/[0-9a-f]{16}$/);
    const { Rules } = sim.elbv2.describeRules({ ListenerArn });
    expect(Rules.map((r) => [r.Priority, r.IsDefault])).toEqual([['10', false], ['default', true]]);
    expect(Rules[0].Conditions).toEqual([
      { Field: 'path-pattern', Values: ['/api/*'], PathPatternConfig: { Values: ['/api/*'] } },
      { Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'x-canary', Values: ['yes'] } },
    ]);
    expect(Rules[0].Actions).toEqual([{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: blue, Weight: 90 }, { TargetGroupArn: green, Weight: 10 }] } }]);
    expect(Rules[1].Actions[0].ForwardConfig!.TargetGroups).toEqual([{ TargetGroupArn: blue, Weight: 1 }]);
    // A target group a rule forwards to belongs to the rule's load balancer.
    expect(sim.elbv2.describeTargetGroups({ Names: ['green'] }).TargetGroups[0].LoadBalancerArns).toEqual([lb]);
  });

  it('modifies weights with ModifyRule (the conditions stay), describes by ARN, and deletes the rule', () => {
    const { sim, blue, green, ListenerArn } = alb();
    const [{ RuleArn }] = sim.elbv2.createRule({ ListenerArn, Priority: 1, Conditions: [{ Field: 'path-pattern', Values: ['/*'] }], Actions: [{ Type: 'forward', TargetGroupArn: blue }] }).Rules;
    sim.elbv2.modifyRule({ RuleArn, Actions: [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: blue, Weight: 0 }, { TargetGroupArn: green, Weight: 100 }] } }] });
    const [rule] = sim.elbv2.describeRules({ RuleArns: [RuleArn] }).Rules;
    expect(rule.Actions[0].ForwardConfig!.TargetGroups.map((g) => g.Weight)).toEqual([0, 100]);
    expect(rule.Conditions[0].Values).toEqual(['/*']);
    sim.elbv2.deleteRule({ RuleArn });
    expect(sim.elbv2.describeRules({ ListenerArn }).Rules).toHaveLength(1);
    expect(refusal(() => sim.elbv2.describeRules({ RuleArns: [RuleArn] }))).toEqual({ name: 'RuleNotFoundException', message: 'One or more rules not found' });
  });

  it("changes the default rule's actions with ModifyRule, and never deletes it", () => {
    const { sim, green, ListenerArn } = alb();
    const defaultArn = sim.elbv2.describeRules({ ListenerArn }).Rules[0].RuleArn;
    sim.elbv2.modifyRule({ RuleArn: defaultArn, Actions: [{ Type: 'forward', TargetGroupArn: green }] });
    expect(sim.elbv2.describeListeners({ LoadBalancerArn: sim.elbv2.describeLoadBalancers().LoadBalancers[0].LoadBalancerArn }).Listeners[0].DefaultActions[0].ForwardConfig!.TargetGroups).toEqual([{ TargetGroupArn: green, Weight: 1 }]);
    expect(refusal(() => sim.elbv2.deleteRule({ RuleArn: defaultArn })).name).toBe('OperationNotPermittedException');
    expect(refusal(() => sim.elbv2.modifyRule({ RuleArn: defaultArn, Conditions: [{ Field: 'path-pattern', Values: ['/'] }] })).name).toBe('OperationNotPermittedException');
  });

  it.each([
    [{ Priority: 5 }, 'PriorityInUseException', "Priority '5' is currently in use"],
    [{ Priority: 0 }, 'InvalidParameterException', 'Priority must be at least 1 (got 0).'],
    [{ Conditions: [] }, 'ValidationError', 'A rule needs at least one condition.'],
    [{ Conditions: [{ Field: 'source-ip', SourceIpConfig: { Values: ['10.0.0.0/8'] } }] }, 'ValidationError', /source-ip.*path-pattern, host-header and http-header/],
    [{ Actions: [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: 'arn:nope' }] } }] }, 'TargetGroupNotFoundException', 'One or more target groups not found'],
    [{ Actions: [{ Type: 'fixed-response' }] }, 'ValidationError', /forward actions only/],
    [{ ListenerArn: 'arn:nope' }, 'ListenerNotFoundException', 'One or more listeners not found'],
  ])('refuses CreateRule with %j', (change, name, message) => {
    const { sim, blue, ListenerArn } = alb();
    const base = { ListenerArn, Priority: 5, Conditions: [{ Field: 'path-pattern', Values: ['/a'] }], Actions: [{ Type: 'forward', TargetGroupArn: blue }] };
    sim.elbv2.createRule(base);
    const refused = refusal(() => sim.elbv2.createRule({ ...base, Priority: 6, ...change } as typeof base));
    expect(refused.name).toBe(name);
    expect(refused.message).toMatch(message);
  });

  it('replays rules from a snapshot to the same weights', () => {
    const { sim, blue, green, ListenerArn } = alb();
    const [{ RuleArn }] = sim.elbv2.createRule({ ListenerArn, Priority: 1, Conditions: [{ Field: 'path-pattern', Values: ['/*'] }], Actions: [{ Type: 'forward', TargetGroupArn: blue }] }).Rules;
    sim.elbv2.modifyRule({ RuleArn, Actions: [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: blue, Weight: 3 }, { TargetGroupArn: green, Weight: 7 }] } }] });
    const restored = restoreSimulator(JSON.parse(JSON.stringify(sim.control.snapshot())));
    expect(restored.elbv2.describeRules({ RuleArns: [RuleArn] })).toEqual(sim.elbv2.describeRules({ RuleArns: [RuleArn] }));
  });

  it('routes a request by the first matching rule in priority order, path and header patterns, else the default action', () => {
    const to = (targetGroupArn: string) => [{ targetGroupArn, weight: 1 }];
    const listener: ListenerRecord = {
      arn: 'l',
      port: 80,
      protocol: 'HTTP',
      targetGroups: to('default'),
      rules: [
        { arn: 'r1', priority: 1, conditions: [{ field: 'http-header', headerName: 'X-Test', values: ['gr?en'] }], targetGroups: to('test') },
        { arn: 'r2', priority: 2, conditions: [{ field: 'path-pattern', values: ['/api/*'] }], targetGroups: to('api') },
      ],
    };
    const route = (path: string, headers: Record<string, string> = {}) => routeRequest(listener, { path, headers })[0].targetGroupArn;
    expect(route('/api/orders', { 'x-test': 'GREEN' })).toBe('test');
    expect(route('/api/orders')).toBe('api');
    expect(route('/API/orders')).toBe('default');
    expect(route('/')).toBe('default');
  });
});
