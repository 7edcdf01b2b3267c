import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../core/index.js';
import { rejection } from './rejection.js';

/** A cluster, web:1 with port 80, an ALB with a listener and two instance target groups (blue and green). */
function albWithTwoGroups() {
  const sim = createSimulator({ seed: 5 });
  sim.createCluster({ clusterName: 'default' });
  sim.control.addInstances({ instanceType: 'm5.large', count: 2 });
  sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:1', cpu: 256, memory: 512, portMappings: [{ containerPort: 80 }] }] });
  const lb = sim.elbv2.createLoadBalancer({ Name: 'web-alb', Type: 'application' }).LoadBalancers[0].LoadBalancerArn;
  const group = (Name: string) => sim.elbv2.createTargetGroup({ Name, Protocol: 'HTTP', Port: 80, TargetType: 'instance' }).TargetGroups[0].TargetGroupArn;
  const blue = group('blue');
  const green = group('green');
  const listener = sim.elbv2.createListener({ LoadBalancerArn: lb, Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'forward', TargetGroupArn: blue }] }).Listeners[0].ListenerArn;
  sim.elbv2.createListener({ LoadBalancerArn: lb, Port: 8080, Protocol: 'HTTP', DefaultActions: [{ Type: 'forward', TargetGroupArn: green }] });
  const forward = [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: blue, Weight: 100 }, { TargetGroupArn: green, Weight: 0 }] } }];
  const rule = sim.elbv2.createRule({ ListenerArn: listener, Priority: 1, Conditions: [{ Field: 'path-pattern', Values: ['/*'] }], Actions: forward }).Rules[0].RuleArn;
  const advancedConfiguration = { alternateTargetGroupArn: green, productionListenerRule: rule, roleArn: 'arn:aws:iam::123456789012:role/ecsInfrastructure' };
  const loadBalancers = [{ targetGroupArn: blue, containerName: 'web', containerPort: 80, advancedConfiguration }];
  const create = (deploymentConfiguration: object, extra: object = {}) =>
    sim.createService({ serviceName: 'web', taskDefinition: 'web', desiredCount: 2, loadBalancers, deploymentConfiguration, ...extra });
  return { sim, blue, green, rule, advancedConfiguration, create };
}

const lambda = { hookTargetArn: 'arn:aws:lambda:us-east-1:123456789012:function:check', roleArn: 'arn:aws:iam::123456789012:role/hooks' };

describe('deploymentConfiguration.strategy and its members', () => {
  it('stores BLUE_GREEN with its bake time, hooks (defaults filled) and advancedConfiguration, and DescribeServices gives them back', () => {
    const { sim, advancedConfiguration, create } = albWithTwoGroups();
    create({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5, lifecycleHooks: [{ ...lambda, lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'] }] });
    const [service] = sim.describeServices({ services: ['web'] }).services;
    expect(service.deploymentConfiguration).toEqual({
      minimumHealthyPercent: 100,
      maximumPercent: 200,
      strategy: 'BLUE_GREEN',
      bakeTimeInMinutes: 5,
      lifecycleHooks: [{ targetType: 'AWS_LAMBDA', ...lambda, lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'], timeoutConfiguration: { timeoutInMinutes: 1440, action: 'ROLLBACK' } }],
    });
    expect(service.loadBalancers[0].advancedConfiguration).toEqual(advancedConfiguration);
  });

  it('fills LINEAR and CANARY defaults (10 % every 6 minutes; 5 % for 10 minutes)', () => {
    const linear = albWithTwoGroups();
    linear.create({ strategy: 'LINEAR' });
    expect(linear.sim.describeServices({ services: ['web'] }).services[0].deploymentConfiguration.linearConfiguration).toEqual({ stepPercent: 10, stepBakeTimeInMinutes: 6 });
    const canary = albWithTwoGroups();
    canary.create({ strategy: 'CANARY', canaryConfiguration: { canaryPercent: 12.5 } });
    expect(canary.sim.describeServices({ services: ['web'] }).services[0].deploymentConfiguration.canaryConfiguration).toEqual({ canaryPercent: 12.5, canaryBakeTimeInMinutes: 10 });
  });

  it('leaves a service that names no strategy as it always described', () => {
    const { sim } = albWithTwoGroups();
    sim.createService({ serviceName: 'plain', taskDefinition: 'web', desiredCount: 1 });
    expect(sim.describeServices({ services: ['plain'] }).services[0].deploymentConfiguration).toEqual({ minimumHealthyPercent: 100, maximumPercent: 200 });
  });

  it.each([
    [{ strategy: 'BLUE_GREEN' }, 'deploymentConfiguration.bakeTimeInMinutes', /required with the BLUE_GREEN/],
    [{ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 1441 }, 'deploymentConfiguration.bakeTimeInMinutes', /at most 1440/],
    [{ strategy: 'SHINY' }, 'deploymentConfiguration.strategy', /ROLLING/],
    [{ strategy: 'LINEAR', linearConfiguration: { stepPercent: 2.9 } }, 'deploymentConfiguration.linearConfiguration.stepPercent', /between 3.0 and 100.0/],
    [{ strategy: 'LINEAR', linearConfiguration: { stepPercent: 10.25 } }, 'deploymentConfiguration.linearConfiguration.stepPercent', /multiple of 0.1/],
    [{ strategy: 'LINEAR', linearConfiguration: { stepBakeTimeInMinutes: 1441 } }, 'deploymentConfiguration.linearConfiguration.stepBakeTimeInMinutes', /at most 1440/],
    [{ strategy: 'CANARY', canaryConfiguration: { canaryPercent: 0 } }, 'deploymentConfiguration.canaryConfiguration.canaryPercent', /between 0.1 and 100.0/],
    [{ strategy: 'CANARY', linearConfiguration: {} }, 'deploymentConfiguration.linearConfiguration', /only valid with the LINEAR deployment strategy \(the strategy is CANARY\)/],
    [{ canaryConfiguration: {} }, 'deploymentConfiguration.canaryConfiguration', /only valid with the CANARY .*ROLLING/],
    [{ lifecycleHooks: [{ ...lambda, lifecycleStages: ['PRE_SCALE_UP'] }] }, 'deploymentConfiguration.lifecycleHooks', /BLUE_GREEN, LINEAR or CANARY/],
  ])('refuses %j naming %s', (configuration, field, message) => {
    const { create } = albWithTwoGroups();
    const refused = rejection(() => create(configuration));
    expect(refused).toMatchObject({ name: 'InvalidParameterException', field });
    expect(refused.message).toMatch(message);
  });

  it.each([
    [{ targetType: 'PAUSE', lifecycleStages: ['TEST_TRAFFIC_SHIFT'] }, 'lifecycleStages', /PAUSE hook cannot run at TEST_TRAFFIC_SHIFT/],
    [{ targetType: 'PAUSE', lifecycleStages: ['PRODUCTION_TRAFFIC_SHIFT'] }, 'lifecycleStages', /PRODUCTION_TRAFFIC_SHIFT/],
    [{ lifecycleStages: ['PRE_SCALE_UP'], roleArn: lambda.roleArn }, 'hookTargetArn', /should not be null or empty/],
    [{ lifecycleStages: ['PRE_SCALE_UP'], roleArn: lambda.roleArn, hookTargetArn: 'check' }, 'hookTargetArn', /Lambda function ARN/],
    [{ ...lambda, lifecycleStages: [] }, 'lifecycleStages', /at least one/],
    [{ ...lambda, lifecycleStages: ['SCALE_UP'] }, 'lifecycleStages[0]', /PRE_SCALE_UP/],
    [{ ...lambda, lifecycleStages: ['PRE_SCALE_UP'], timeoutConfiguration: { timeoutInMinutes: 20161 } }, 'timeoutConfiguration.timeoutInMinutes', /at most 20160/],
    [{ ...lambda, lifecycleStages: ['PRE_SCALE_UP'], timeoutConfiguration: { action: 'IGNORE' } }, 'timeoutConfiguration.action', /CONTINUE/],
  ])('refuses the hook %j naming its %s', (hook, member, message) => {
    const { create } = albWithTwoGroups();
    const refused = rejection(() => create({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0, lifecycleHooks: [hook] }));
    expect(refused).toMatchObject({ name: 'InvalidParameterException', field: `deploymentConfiguration.lifecycleHooks[0].${member}` });
    expect(refused.message).toMatch(message);
  });

  it('accepts a PAUSE hook after the test traffic shift, with its own timeout', () => {
    const { sim, create } = albWithTwoGroups();
    create({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0, lifecycleHooks: [{ targetType: 'PAUSE', lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'], timeoutConfiguration: { timeoutInMinutes: 30, action: 'CONTINUE' } }] });
    expect(sim.describeServices({ services: ['web'] }).services[0].deploymentConfiguration.lifecycleHooks).toEqual([
      { targetType: 'PAUSE', lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'], timeoutConfiguration: { timeoutInMinutes: 30, action: 'CONTINUE' } },
    ]);
  });

  it('needs advancedConfiguration on each load balancer, the ECS controller and a REPLICA service', () => {
    const { sim, blue, create } = albWithTwoGroups();
    const plain = [{ targetGroupArn: blue, containerName: 'web', containerPort: 80 }];
    expect(rejection(() => create({ strategy: 'CANARY' }, { loadBalancers: plain }))).toMatchObject({ field: 'loadBalancers[0].advancedConfiguration' });
    expect(rejection(() => create({ strategy: 'LINEAR' }, { deploymentController: { type: 'CODE_DEPLOY' } })).message).toMatch(/needs the ECS deployment controller/);
    // Switching an existing rolling service to BLUE_GREEN is checked against its load balancers too.
    sim.createService({ serviceName: 'rolling', taskDefinition: 'web', desiredCount: 1, loadBalancers: plain });
    expect(rejection(() => sim.updateService({ service: 'rolling', deploymentConfiguration: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 1 } }))).toMatchObject({ field: 'loadBalancers[0].advancedConfiguration' });
  });

  it.each([
    ['alternateTargetGroupArn', (c: { blue: string; rule: string }) => c.blue, /different target group/],
    ['alternateTargetGroupArn', () => 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/none/0', /Unable to find target group/],
    ['productionListenerRule', () => 'rule-1', /listener rule ARN/],
    ['testListenerRule', () => 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/x/1', /listener rule ARN/],
    ['testListenerRule', (c: { rule: string }) => c.rule.replace(/[0-9a-f]{16}$/, '0000000000000000'), /Unable to find listener rule/],
    ['roleArn', () => '', /should not be null or empty/],
  ])('refuses advancedConfiguration.%s', (member, value, message) => {
    const fixture = albWithTwoGroups();
    const advancedConfiguration = { ...fixture.advancedConfiguration, [member]: value(fixture) };
    const loadBalancers = [{ targetGroupArn: fixture.blue, containerName: 'web', containerPort: 80, advancedConfiguration }];
    const refused = rejection(() => fixture.create({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 1 }, { loadBalancers }));
    expect(refused).toMatchObject({ name: 'InvalidParameterException', field: `loadBalancers[0].advancedConfiguration.${member}` });
    expect(refused.message).toMatch(message);
  });
});
