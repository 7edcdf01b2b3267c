import type { createSimulator } from '../../core/index.js';

/**
 * An ALB with two instance target groups (`first` and `second`), a listener forwarding to `first`, a test
 * rule (header x-test: green) and a production rule (/*) forwarding all to `first` and none to `second`:
 * what a native blue/green deployment shifts.
 */
export function albWithRules(sim: ReturnType<typeof createSimulator>, first: string, second: string) {
  const lb = sim.elbv2.createLoadBalancer({ Name: 'web-alb', Type: 'application' }).LoadBalancers[0].LoadBalancerArn;
  const group = (Name: string) => sim.elbv2.createTargetGroup({ Name, Protocol: 'HTTP', Port: 80, TargetType: 'instance' }).TargetGroups[0].TargetGroupArn;
  const firstGroup = group(first);
  const secondGroup = group(second);
  const ListenerArn = sim.elbv2.createListener({ LoadBalancerArn: lb, Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'forward', TargetGroupArn: firstGroup }] }).Listeners[0].ListenerArn;
  const forward = [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: firstGroup, Weight: 1 }, { TargetGroupArn: secondGroup, Weight: 0 }] } }];
  const rule = (Priority: number, Conditions: object[]) => sim.elbv2.createRule({ ListenerArn, Priority, Conditions, Actions: forward }).Rules[0].RuleArn;
  const testRule = rule(1, [{ Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'x-test', Values: ['green'] } }]);
  const productionRule = rule(2, [{ Field: 'path-pattern', Values: ['/*'] }]);
  return { firstGroup, secondGroup, testRule, productionRule };
}
