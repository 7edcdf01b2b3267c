import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../core/index.js';

const HOOK = 'arn:aws:lambda:us-east-1:123456789012:function:smoke-test';

/**
 * web (2 tasks of web:1) behind an ALB whose production rule (/*) and test rule (header x-test: green) ECS
 * shifts, with BLUE_GREEN and a 5-minute bake time (or `deploymentConfiguration`); web:2 registered.
 */
function nativeBlueGreen(deploymentConfiguration: object = { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5 }) {
  const sim = createSimulator({ seed: 21 });
  sim.createCluster({ clusterName: 'default' });
  sim.control.addInstances({ instanceType: 'm5.large', count: 4 });
  const register = (image: string) =>
    sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image, cpu: 256, memory: 512, portMappings: [{ containerPort: 80 }] }] });
  register('web:1');
  const lb = sim.elbv2.createLoadBalancer({ Name: 'web-alb', Type: 'application' }).LoadBalancers[0].LoadBalancerArn;
  const group = (Name: string) => sim.elbv2.createTargetGroup({ Name, Protocol: 'HTTP', Port: 80, TargetType: 'instance' }).TargetGroups[0].TargetGroupArn;
  const blue = group('blue');
  const green = group('green');
  const ListenerArn = sim.elbv2.createListener({ LoadBalancerArn: lb, Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'forward', TargetGroupArn: blue }] }).Listeners[0].ListenerArn;
  const forward = [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: blue, Weight: 1 }, { TargetGroupArn: green, Weight: 0 }] } }];
  const rule = (Priority: number, Conditions: object[]) => sim.elbv2.createRule({ ListenerArn, Priority, Conditions, Actions: forward }).Rules[0].RuleArn;
  const testRule = rule(1, [{ Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'x-test', Values: ['green'] } }]);
  const productionRule = rule(2, [{ Field: 'path-pattern', Values: ['/*'] }]);
  const advancedConfiguration = { alternateTargetGroupArn: green, productionListenerRule: productionRule, testListenerRule: testRule, roleArn: 'arn:aws:iam::123456789012:role/ecsInfrastructure' };
  sim.createService({ serviceName: 'web', taskDefinition: 'web:1', desiredCount: 2, deploymentConfiguration, loadBalancers: [{ targetGroupArn: blue, containerName: 'web', containerPort: 80, advancedConfiguration }] });
  sim.control.runUntilSteady({ service: 'web' });
  register('web:2');
  const weights = (arn: string) => sim.elbv2.describeRules({ RuleArns: [arn] }).Rules[0].Actions[0].ForwardConfig.TargetGroups.map((g) => g.Weight);
  const targets = (arn: string) => sim.elbv2.describeTargetHealth({ TargetGroupArn: arn }).TargetHealthDescriptions.length;
  const deployment = () => {
    const [latest] = sim.listServiceDeployments({ service: 'web' }).serviceDeployments;
    return sim.describeServiceDeployments({ serviceDeploymentArns: [latest.serviceDeploymentArn] }).serviceDeployments[0];
  };
  const runningBy = () => {
    const arns = sim.listTasks({ serviceName: 'web' }).taskArns;
    return sim.describeTasks({ tasks: arns }).tasks.map((t) => t.taskDefinitionArn.split('/').pop()).sort();
  };
  return { sim, blue, green, testRule, productionRule, weights, targets, deployment, runningBy };
}

describe('native blue/green through the scheduler', () => {
  it('runs green beside blue in the alternate target group, test traffic first, then production, bakes and cleans blue up', () => {
    const { sim, blue, green, testRule, productionRule, weights, targets, deployment, runningBy } = nativeBlueGreen();
    expect(targets(blue)).toBe(2);
    sim.updateService({ service: 'web', taskDefinition: 'web:2' });
    sim.control.runUntil(() => deployment().lifecycleStage === 'BAKE_TIME', 600);
    expect(targets(green)).toBe(2);
    expect(runningBy()).toEqual(['web:1', 'web:1', 'web:2', 'web:2']);
    expect(weights(testRule)).toEqual([0, 1]);
    expect(weights(productionRule)).toEqual([0, 1]);
    const bakeStarted = sim.control.now;
    sim.control.runUntilSteady({ service: 'web' });
    expect(sim.control.now - bakeStarted).toBeGreaterThanOrEqual(5 * 60);
    expect(deployment()).toMatchObject({ status: 'SUCCESSFUL', lifecycleStage: 'CLEAN_UP' });
    expect(runningBy()).toEqual(['web:2', 'web:2']);
  });

  it('rolls back when a hook after the test traffic shift answers FAILED: production never moved, blue keeps running', () => {
    const hooks = [{ hookTargetArn: HOOK, roleArn: 'arn:aws:iam::123456789012:role/hooks', lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'] }];
    const { sim, productionRule, testRule, weights, runningBy } = nativeBlueGreen({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5, lifecycleHooks: hooks });
    sim.control.setLambdaAnswer({ functionArn: HOOK, hookStatus: 'FAILED' });
    sim.updateService({ service: 'web', taskDefinition: 'web:2' });
    sim.control.runUntilSteady({ service: 'web' });
    expect(weights(productionRule)).toEqual([1, 0]);
    expect(weights(testRule)).toEqual([1, 0]);
    expect(runningBy()).toEqual(['web:1', 'web:1']);
    const [service] = sim.describeServices({ services: ['web'] }).services;
    expect(service.taskDefinition).toMatch(/web:1$/);
    const messages = service.events.map((e) => e.message);
    expect(messages.some((m) => /deployment failed: lifecycle hook failed at POST_TEST_TRAFFIC_SHIFT\.$/.test(m))).toBe(true);
    expect(messages).toContain(`(service web) rolling back to deployment ${service.deployments[0].id}.`);
    expect(sim.control.events().some((e) => e.kind !== 'service-event' && e.event['detail-type'] === 'ECS Hook State Change' && e.event.detail.eventName === 'HOOK_FAILED')).toBe(true);
  });

  it('shifts CANARY production traffic 5 % for the canary bake time, then the rest', () => {
    const { sim, productionRule, weights } = nativeBlueGreen({ strategy: 'CANARY', bakeTimeInMinutes: 1, canaryConfiguration: { canaryPercent: 5, canaryBakeTimeInMinutes: 10 } });
    sim.updateService({ service: 'web', taskDefinition: 'web:2' });
    sim.control.runUntil(() => weights(productionRule)[1] === 50, 600);
    const canaryAt = sim.control.now;
    expect(weights(productionRule)).toEqual([950, 50]);
    sim.control.runUntil(() => weights(productionRule)[1] === 1, 3600);
    expect(sim.control.now - canaryAt).toBe(10 * 60);
  });
});
