import type { EcsSimulator } from '../../core/index.js';

/**
 * The load balancer a blue/green lab deploys behind: `<name>-alb`, its target groups `<name>-blue` and
 * `<name>-green` (instance targets, a deregistration delay of 30 s), its listener on port 80, and the listener
 * rules ECS shifts, both forwarding to blue: a test rule (header x-amzn-ecs-blue-green-test: true, priority 1)
 * when asked for, and the production rule (path /*) after it.
 */
export interface BlueGreenLoadBalancer {
  loadBalancer: string;
  blue: string;
  green: string;
  productionRule: string;
  testRule?: string;
}

export function buildBlueGreenLoadBalancer(sim: EcsSimulator, name: string, options: { testRule: boolean }): BlueGreenLoadBalancer {
  const loadBalancer = sim.elbv2.createLoadBalancer({ Name: `${name}-alb`, Type: 'application' }).LoadBalancers[0].LoadBalancerArn;
  const group = (Name: string) => sim.elbv2.createTargetGroup({ Name, Protocol: 'HTTP', Port: 80, TargetType: 'instance' }).TargetGroups[0].TargetGroupArn;
  const blue = group(`${name}-blue`);
  const green = group(`${name}-green`);
  for (const TargetGroupArn of [blue, green]) sim.elbv2.modifyTargetGroupAttributes({ TargetGroupArn, Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '30' }] });
  const ListenerArn = sim.elbv2.createListener({ LoadBalancerArn: loadBalancer, Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'forward', TargetGroupArn: blue }] }).Listeners[0].ListenerArn;
  const forward = [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: blue, Weight: 1 }, { TargetGroupArn: green, Weight: 0 }] } }];
  let priority = 1;
  const rule = (Conditions: object[]) => sim.elbv2.createRule({ ListenerArn, Priority: priority++, Conditions, Actions: forward }).Rules[0].RuleArn;
  const testRule = options.testRule ? rule([{ Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'x-amzn-ecs-blue-green-test', Values: ['true'] } }]) : undefined;
  const productionRule = rule([{ Field: 'path-pattern', Values: ['/*'] }]);
  return { loadBalancer, blue, green, productionRule, ...(testRule ? { testRule } : {}) };
}
