import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../core/index.js';
import { routeRequest } from '../../core/elb/listener-rules.js';
import type { ListenerRecord } from '../../core/elb/elb-state.js';
import { rejection } from './rejection.js';

/** An ALB whose HTTPS listener answers 404 by default, and a target group for each of two hosts. */
function sharedAlb() {
  const sim = createSimulator({ seed: 3 });
  const lb = sim.elbv2.createLoadBalancer({ Name: 'shared', Type: 'application' }).LoadBalancers[0].LoadBalancerArn;
  const group = (Name: string) => sim.elbv2.createTargetGroup({ Name, Protocol: 'HTTP', Port: 80, TargetType: 'ip' }).TargetGroups[0].TargetGroupArn;
  const web = group('web');
  const api = group('api');
  const [listener] = sim.elbv2.createListener({
    LoadBalancerArn: lb,
    Port: 443,
    Protocol: 'HTTPS',
    DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404', ContentType: 'text/plain', MessageBody: 'Not Found' } }],
  }).Listeners;
  const hostRule = (Priority: number, host: string, TargetGroupArn: string) =>
    sim.elbv2.createRule({ ListenerArn: listener.ListenerArn, Priority, Conditions: [{ Field: 'host-header', HostHeaderConfig: { Values: [host] } }], Actions: [{ Type: 'forward', TargetGroupArn }] }).Rules[0];
  return { sim, lb, web, api, listener, hostRule };
}

describe('an ALB shared by host name', () => {
  it('answers a fixed response where no rule matches, as ELBv2 describes a fixed-response default action', () => {
    const { sim, lb, listener } = sharedAlb();
    const fixed = [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404', ContentType: 'text/plain', MessageBody: 'Not Found' } }];
    expect(listener.DefaultActions).toEqual(fixed);
    expect(sim.elbv2.describeListeners({ LoadBalancerArn: lb }).Listeners[0].DefaultActions).toEqual(fixed);
    expect(sim.elbv2.describeRules({ ListenerArn: listener.ListenerArn }).Rules.at(-1)).toMatchObject({ IsDefault: true, Actions: fixed });
  });

  it('describes a host-header rule as ELBv2 does', () => {
    const { web, hostRule } = sharedAlb();
    expect(hostRule(1, 'web.example.com', web).Conditions).toEqual([{ Field: 'host-header', Values: ['web.example.com'], HostHeaderConfig: { Values: ['web.example.com'] } }]);
  });

  it('routes by the Host header, without regard to case, and sends other hosts to the default action (a fixed response forwards nowhere)', () => {
    const to = (targetGroupArn: string) => [{ targetGroupArn, weight: 1 }];
    const listener: ListenerRecord = {
      arn: 'l',
      port: 443,
      protocol: 'HTTPS',
      targetGroups: [],
      fixedResponse: { statusCode: '404' },
      rules: [
        { arn: 'r1', priority: 1, conditions: [{ field: 'host-header', values: ['web.example.com'] }], targetGroups: to('web') },
        { arn: 'r2', priority: 2, conditions: [{ field: 'host-header', values: ['*.api.example.com'] }], targetGroups: to('api') },
      ],
    };
    const route = (host?: string) => routeRequest(listener, { path: '/', headers: host ? { host } : {} }).map((g) => g.targetGroupArn);
    expect(route('WEB.example.com')).toEqual(['web']);
    expect(route('v2.api.example.com')).toEqual(['api']);
    expect(route('other.example.com')).toEqual([]);
    expect(route()).toEqual([]);
  });

  it('refuses a fixed response whose status code is not 2XX, 4XX or 5XX', () => {
    const { sim, lb } = sharedAlb();
    expect(rejection(() => sim.elbv2.createListener({ LoadBalancerArn: lb, Port: 8443, DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '302' } }] }))).toMatchObject({
      name: 'ValidationError',
      field: 'DefaultActions[0].FixedResponseConfig.StatusCode',
    });
  });
});

describe('DeleteTargetGroup and ModifyTargetGroup', () => {
  it('refuses to delete a target group a rule forwards to, and deletes it once the rule is gone', () => {
    const { sim, web, hostRule } = sharedAlb();
    const { RuleArn } = hostRule(1, 'web.example.com', web);
    expect(rejection(() => sim.elbv2.deleteTargetGroup({ TargetGroupArn: web }))).toMatchObject({ name: 'ResourceInUseException' });
    sim.elbv2.deleteRule({ RuleArn });
    sim.elbv2.deleteTargetGroup({ TargetGroupArn: web });
    expect(sim.elbv2.describeTargetGroups().TargetGroups.map((g) => g.TargetGroupName)).toEqual(['api']);
    expect(rejection(() => sim.elbv2.deleteTargetGroup({ TargetGroupArn: web }))).toMatchObject({ name: 'TargetGroupNotFoundException' });
  });

  it('changes the health check, keeping what it does not name, under the same rules as CreateTargetGroup', () => {
    const { sim, web } = sharedAlb();
    const [modified] = sim.elbv2.modifyTargetGroup({ TargetGroupArn: web, HealthCheckPath: '/ping', HealthyThresholdCount: 3 }).TargetGroups;
    expect(modified).toMatchObject({ HealthCheckPath: '/ping', HealthyThresholdCount: 3, HealthCheckIntervalSeconds: 30, UnhealthyThresholdCount: 2 });
    expect(rejection(() => sim.elbv2.modifyTargetGroup({ TargetGroupArn: web, HealthCheckTimeoutSeconds: 30 }))).toMatchObject({ name: 'ValidationError', field: 'HealthCheckTimeoutSeconds' });
    expect(sim.elbv2.describeTargetGroups({ Names: ['web'] }).TargetGroups[0].HealthCheckTimeoutSeconds).toBe(5);
  });
});
