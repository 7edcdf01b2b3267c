import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../core/index.js';
import { albWithRules } from './alb-with-rules.js';

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
  const { firstGroup: blue, secondGroup: green, testRule, productionRule } = albWithRules(sim, 'blue', 'green');
  const advancedConfiguration = { alternateTargetGroupArn: green, productionListenerRule: productionRule, testListenerRule: testRule, roleArn: 'arn:aws:iam::123456789012:role/ecsInfrastructure' };
  sim.createService({ serviceName: 'web', taskDefinition: 'web:1', desiredCount: 2, deploymentConfiguration, loadBalancers: [{ targetGroupArn: blue, containerName: 'web', containerPort: 80, advancedConfiguration }] });
  sim.control.runUntilSteady({ service: 'web' });
  register('web:2');
  const weights = (arn: string) => sim.elbv2.describeRules({ RuleArns: [arn] }).Rules[0].Actions[0].ForwardConfig!.TargetGroups.map((g) => g.Weight);
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

const PAUSE = { targetType: 'PAUSE', lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'] };

describe('a PAUSE hook, answered through ContinueServiceDeployment', () => {
  it('waits AWAITING_ACTION with test traffic on green until CONTINUE, then goes on to production', () => {
    const { sim, productionRule, testRule, weights, deployment } = nativeBlueGreen({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5, lifecycleHooks: [PAUSE] });
    sim.updateService({ service: 'web', taskDefinition: 'web:2' });
    sim.control.runUntil(() => deployment().lifecycleStage === 'POST_TEST_TRAFFIC_SHIFT', 600);
    const waitingSince = sim.control.nowEpochSeconds;
    sim.control.advance(3600);
    const paused = deployment();
    expect(paused).toMatchObject({ status: 'IN_PROGRESS', lifecycleStage: 'POST_TEST_TRAFFIC_SHIFT' });
    expect(paused.lifecycleHookDetails).toEqual([
      { hookId: expect.stringMatching(/-POST_TEST_TRAFFIC_SHIFT-0$/), targetType: 'PAUSE', status: 'AWAITING_ACTION', expiresAt: waitingSince + 1440 * 60, timeoutAction: 'ROLLBACK' },
    ]);
    expect(weights(testRule)).toEqual([0, 1]);
    expect(weights(productionRule)).toEqual([1, 0]);
    const { hookId } = paused.lifecycleHookDetails![0];
    expect(sim.continueServiceDeployment({ serviceDeploymentArn: paused.serviceDeploymentArn, hookId })).toEqual({ serviceDeploymentArn: paused.serviceDeploymentArn });
    sim.control.runUntil(() => deployment().lifecycleStage === 'BAKE_TIME', 60);
    expect(weights(productionRule)).toEqual([0, 1]);
    expect(deployment().lifecycleHookDetails).toBeUndefined();
    expect(sim.control.events().some((e) => e.kind !== 'service-event' && e.event['detail-type'] === 'ECS Hook State Change' && e.event.detail.eventName === 'HOOK_SUCCEEDED')).toBe(true);
  });

  it('rolls back on ROLLBACK, and refuses a hook id that is not waiting', () => {
    const { sim, productionRule, testRule, weights, deployment, runningBy } = nativeBlueGreen({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5, lifecycleHooks: [PAUSE] });
    sim.updateService({ service: 'web', taskDefinition: 'web:2' });
    sim.control.runUntil(() => deployment().lifecycleHookDetails?.[0]?.status === 'AWAITING_ACTION', 600);
    const { serviceDeploymentArn, lifecycleHookDetails } = deployment();
    const wrong = () => sim.continueServiceDeployment({ serviceDeploymentArn, hookId: 'no-such-hook' });
    expect(wrong).toThrow(expect.objectContaining({ name: 'ClientException', message: 'The service deployment has no lifecycle hook no-such-hook waiting for an answer.' }));
    sim.continueServiceDeployment({ serviceDeploymentArn, hookId: lifecycleHookDetails![0].hookId, action: 'ROLLBACK' });
    sim.control.runUntilSteady({ service: 'web' });
    expect(weights(testRule)).toEqual([1, 0]);
    expect(weights(productionRule)).toEqual([1, 0]);
    expect(runningBy()).toEqual(['web:1', 'web:1']);
  });

  it('gives up when the hook times out, with the timeout action (here CONTINUE)', () => {
    const hook = { ...PAUSE, timeoutConfiguration: { timeoutInMinutes: 30, action: 'CONTINUE' } };
    const { sim, productionRule, weights, deployment } = nativeBlueGreen({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5, lifecycleHooks: [hook] });
    sim.updateService({ service: 'web', taskDefinition: 'web:2' });
    sim.control.runUntil(() => deployment().lifecycleHookDetails?.[0]?.status === 'AWAITING_ACTION', 600);
    const pausedAt = sim.control.now;
    sim.control.runUntil(() => deployment().lifecycleStage === 'BAKE_TIME', 3600);
    expect(sim.control.now - pausedAt).toBe(30 * 60);
    expect(weights(productionRule)).toEqual([0, 1]);
    expect(sim.control.events().some((e) => e.kind !== 'service-event' && e.event['detail-type'] === 'ECS Hook State Change' && e.event.detail.eventName === 'HOOK_TIMED_OUT')).toBe(true);
  });
});

describe('a native blue/green rollback in the service deployment history', () => {
  it('is ROLLBACK_IN_PROGRESS while green stops, then ROLLBACK_SUCCESSFUL, going back to blue\'s revision, and is listed before blue', () => {
    const hooks = [{ hookTargetArn: HOOK, roleArn: 'arn:aws:iam::123456789012:role/hooks', lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'] }];
    const { sim, deployment } = nativeBlueGreen({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5, lifecycleHooks: hooks });
    const [blue] = sim.listServiceDeployments({ service: 'web' }).serviceDeployments;
    sim.control.setLambdaAnswer({ functionArn: HOOK, hookStatus: 'FAILED' });
    sim.updateService({ service: 'web', taskDefinition: 'web:2' });
    sim.control.runUntil(() => deployment().status !== 'IN_PROGRESS', 600);
    const failedAt = sim.control.nowEpochSeconds;
    expect(deployment()).toMatchObject({ status: 'ROLLBACK_IN_PROGRESS', statusReason: 'ECS deployment lifecycle hook failed at POST_TEST_TRAFFIC_SHIFT.' });
    expect(deployment().finishedAt).toBeUndefined();
    sim.control.runUntilSteady({ service: 'web' });
    const green = deployment();
    expect(green).toMatchObject({
      status: 'ROLLBACK_SUCCESSFUL',
      rollback: { reason: 'ECS deployment lifecycle hook failed at POST_TEST_TRAFFIC_SHIFT.', startedAt: failedAt, serviceRevisionArn: blue.targetServiceRevisionArn },
    });
    expect(green.finishedAt).toBeGreaterThan(failedAt);
    expect(sim.listServiceDeployments({ service: 'web' }).serviceDeployments.map((d) => d.status)).toEqual(['ROLLBACK_SUCCESSFUL', 'SUCCESSFUL']);
    expect(sim.listServiceDeployments({ service: 'web', status: ['ROLLBACK_SUCCESSFUL'] }).serviceDeployments.map((d) => d.serviceDeploymentArn)).toEqual([green.serviceDeploymentArn]);
  });

  it('StopServiceDeployment during the bake time sends production back to blue without starting a task', () => {
    const { sim, productionRule, weights, deployment } = nativeBlueGreen();
    const blueTasks = sim.listTasks({ serviceName: 'web' }).taskArns.sort();
    sim.updateService({ service: 'web', taskDefinition: 'web:2' });
    sim.control.runUntil(() => deployment().lifecycleStage === 'BAKE_TIME', 600);
    expect(weights(productionRule)).toEqual([0, 1]);
    sim.stopServiceDeployment({ serviceDeploymentArn: deployment().serviceDeploymentArn, stopType: 'ROLLBACK' });
    sim.control.runUntilSteady({ service: 'web' });
    expect(weights(productionRule)).toEqual([1, 0]);
    expect(sim.listTasks({ serviceName: 'web' }).taskArns.sort()).toEqual(blueTasks);
    expect(deployment()).toMatchObject({ status: 'ROLLBACK_SUCCESSFUL', statusReason: 'Service deployment stopped by StopServiceDeployment.' });
  });
});
