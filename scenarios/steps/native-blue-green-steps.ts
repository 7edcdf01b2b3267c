import type { ScenarioWorld } from '../world/scenario-world.js';
import { defineSteps, expect } from './step-registry.js';
import { targetGroupArn } from './load-balancer-steps.js';

const INFRASTRUCTURE_ROLE = 'arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers';
const HOOK_ROLE = 'arn:aws:iam::123456789012:role/ecsLambdaHookRole';
const lambdaArn = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;
/** The test rule matches this header (the simulator's clients send test traffic with it). */
const TEST_HEADER = { HttpHeaderName: 'x-amzn-ecs-blue-green-test', Values: ['true'] };
const TEST_PRIORITY = 1;
const PRODUCTION_PRIORITY = 2;

/** The listener rules of the load balancer's port-80 listener, test rule first (priority 1), then production. */
async function rulesOf(world: ScenarioWorld, lbName: string) {
  const { Rules } = await world.sim.call('elbv2', 'describeRules', { ListenerArn: await listenerOf(world, lbName) });
  const byPriority = (p: number) => Rules.find((r) => r.Priority === String(p))!;
  return { test: byPriority(TEST_PRIORITY), production: byPriority(PRODUCTION_PRIORITY) };
}

/** The share of a rule's traffic a target group gets, in percent. */
function percentTo(rule: { Actions: Array<{ ForwardConfig?: { TargetGroups: Array<{ TargetGroupArn: string; Weight: number }> } }> }, tgArn: string): number {
  const groups = rule.Actions[0].ForwardConfig?.TargetGroups ?? [];
  const total = groups.reduce((sum, g) => sum + g.Weight, 0);
  return total === 0 ? 0 : (100 * (groups.find((g) => g.TargetGroupArn === tgArn)?.Weight ?? 0)) / total;
}

async function latestServiceDeployment(world: ScenarioWorld, service: string) {
  const { serviceDeployments } = await world.sim.call('ecs', 'listServiceDeployments', { cluster: world.cluster, service });
  const { serviceDeployments: [described] } = await world.sim.call('ecs', 'describeServiceDeployments', { serviceDeploymentArns: [serviceDeployments[0].serviceDeploymentArn] });
  return described;
}

/** A service on the listener's two rules, with `deploymentConfiguration` (strategy and its settings). */
async function createShiftingService(world: ScenarioWorld, name: string, count: number, family: string, lbName: string, blue: string, green: string, deploymentConfiguration: object) {
  const blueArn = await targetGroupArn(world, blue);
  const greenArn = await targetGroupArn(world, green);
  const forward = [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: blueArn, Weight: 1 }, { TargetGroupArn: greenArn, Weight: 0 }] } }];
  const listener = await listenerOf(world, lbName);
  const test = await world.sim.call('elbv2', 'createRule', { ListenerArn: listener, Priority: TEST_PRIORITY, Conditions: [{ Field: 'http-header', HttpHeaderConfig: TEST_HEADER }], Actions: forward });
  const production = await world.sim.call('elbv2', 'createRule', { ListenerArn: listener, Priority: PRODUCTION_PRIORITY, Conditions: [{ Field: 'path-pattern', Values: ['/*'] }], Actions: forward });
  await world.sim.call('ecs', 'createService', {
    cluster: world.cluster,
    serviceName: name,
    taskDefinition: family,
    desiredCount: count,
    deploymentConfiguration,
    loadBalancers: [
      {
        targetGroupArn: blueArn,
        containerName: family,
        containerPort: 80,
        advancedConfiguration: {
          alternateTargetGroupArn: greenArn,
          productionListenerRule: production.Rules[0].RuleArn,
          testListenerRule: test.Rules[0].RuleArn,
          roleArn: INFRASTRUCTURE_ROLE,
        },
      },
    ],
  });
  expect(await world.sim.control('runUntilSteady', { cluster: world.cluster, service: name, maxSeconds: 1800 }), () => `"${name}" did not settle.`);
}

async function listenerOf(world: ScenarioWorld, lbName: string): Promise<string> {
  const { LoadBalancers } = await world.sim.call('elbv2', 'describeLoadBalancers', { Names: [lbName] });
  return (await world.sim.call('elbv2', 'describeListeners', { LoadBalancerArn: LoadBalancers[0].LoadBalancerArn })).Listeners[0].ListenerArn;
}

/** ContinueServiceDeployment for the hook the latest deployment waits on, as DescribeServiceDeployments names it. */
async function answerHook(world: ScenarioWorld, service: string, action: 'CONTINUE' | 'ROLLBACK'): Promise<void> {
  const { serviceDeploymentArn, lifecycleHookDetails } = await latestServiceDeployment(world, service);
  const hookId = lifecycleHookDetails?.[0]?.hookId;
  expect(hookId !== undefined, () => `No hook of "${service}" waits for an answer.`);
  await world.sim.call('ecs', 'continueServiceDeployment', { serviceDeploymentArn: serviceDeploymentArn!, hookId, action });
}

async function configurationOf(world: ScenarioWorld, service: string) {
  const { services } = await world.sim.call('ecs', 'describeServices', { cluster: world.cluster, services: [service] });
  return services[0].deploymentConfiguration;
}

defineSteps('Native blue/green, linear and canary', {
  'a blue\\/green service {string} running {int} tasks of {string} on {string} with {string} and {string}, baking {int} minute(s)': async (
    world, name: string, count: number, family: string, lb: string, blue: string, green: string, bake: number,
  ) => {
    await createShiftingService(world, name, count, family, lb, blue, green, { strategy: 'BLUE_GREEN', bakeTimeInMinutes: bake });
  },
  'a canary service {string} running {int} tasks of {string} on {string} with {string} and {string}: {int} % for {int} minutes, baking {int} minute(s)': async (
    world, name: string, count: number, family: string, lb: string, blue: string, green: string, percent: number, minutes: number, bake: number,
  ) => {
    await createShiftingService(world, name, count, family, lb, blue, green, { strategy: 'CANARY', bakeTimeInMinutes: bake, canaryConfiguration: { canaryPercent: percent, canaryBakeTimeInMinutes: minutes } });
  },
  'a linear service {string} running {int} tasks of {string} on {string} with {string} and {string}: {int} % every {int} minutes, baking {int} minute(s)': async (
    world, name: string, count: number, family: string, lb: string, blue: string, green: string, percent: number, minutes: number, bake: number,
  ) => {
    await createShiftingService(world, name, count, family, lb, blue, green, { strategy: 'LINEAR', bakeTimeInMinutes: bake, linearConfiguration: { stepPercent: percent, stepBakeTimeInMinutes: minutes } });
  },
  '{string} calls the Lambda function {string} at {word}': async (world, service: string, fn: string, stage: string) => {
    const configuration = await configurationOf(world, service);
    const hook = { targetType: 'AWS_LAMBDA', hookTargetArn: lambdaArn(fn), roleArn: HOOK_ROLE, lifecycleStages: [stage] };
    await world.sim.call('ecs', 'updateService', { cluster: world.cluster, service, deploymentConfiguration: { ...configuration, lifecycleHooks: [...(configuration.lifecycleHooks ?? []), hook] } } as never);
  },
  '{string} rolls back when the alarm {string} goes off': async (world, service: string, alarm: string) => {
    const configuration = await configurationOf(world, service);
    await world.sim.call('ecs', 'updateService', { cluster: world.cluster, service, deploymentConfiguration: { ...configuration, alarms: { alarmNames: [alarm], enable: true, rollback: true } } } as never);
  },
  'the Lambda function {string} answers {word}': async (world, fn: string, hookStatus: string) => {
    await world.sim.control('setLambdaAnswer', { functionArn: lambdaArn(fn), hookStatus: hookStatus as 'SUCCEEDED' | 'FAILED' | 'IN_PROGRESS' });
  },
  '{string} waits for an approval at {word}': async (world, service: string, stage: string) => {
    const configuration = await configurationOf(world, service);
    const hook = { targetType: 'PAUSE', lifecycleStages: [stage] };
    await world.sim.call('ecs', 'updateService', { cluster: world.cluster, service, deploymentConfiguration: { ...configuration, lifecycleHooks: [...(configuration.lifecycleHooks ?? []), hook] } } as never);
  },
  'the deployment of {string} waits for an approval at {word} within {int} minute(s)': async (world, service: string, stage: string, minutes: number) => {
    const waiting = (d: Awaited<ReturnType<typeof latestServiceDeployment>>) => d.lifecycleStage === stage && d.lifecycleHookDetails?.[0]?.status === 'AWAITING_ACTION';
    const reached = await world.sim.runUntil(async () => waiting(await latestServiceDeployment(world, service)), minutes * 60);
    const latest = await latestServiceDeployment(world, service);
    expect(reached, () => `The deployment is at ${latest.lifecycleStage ?? 'no stage'}, ${latest.status}, its hook ${latest.lifecycleHookDetails?.[0]?.status ?? 'none'}.`);
  },
  'I approve the deployment of {string}': (world, service: string) => answerHook(world, service, 'CONTINUE'),
  'I reject the deployment of {string}': (world, service: string) => answerHook(world, service, 'ROLLBACK'),
  'the latest deployment of {string} is {word} within {int} minute(s)': async (world, service: string, status: string, minutes: number) => {
    const reached = await world.sim.runUntil(async () => (await latestServiceDeployment(world, service)).status === status, minutes * 60);
    const latest = await latestServiceDeployment(world, service);
    expect(reached, () => `The latest deployment of "${service}" is ${latest.status}${latest.statusReason ? `: ${latest.statusReason}` : ''}.`);
  },
  'the rollback of the latest deployment of {string} went back to the revision before it': async (world, service: string) => {
    const { serviceDeployments } = await world.sim.call('ecs', 'listServiceDeployments', { cluster: world.cluster, service });
    const latest = await latestServiceDeployment(world, service);
    const before = serviceDeployments[1]?.targetServiceRevisionArn;
    expect(latest.rollback?.serviceRevisionArn === before, () => `It went back to ${latest.rollback?.serviceRevisionArn ?? 'nothing'}, not to ${before}.`);
  },
  'testers call the load balancer {string} with the test header at {int} requests per second': async (world, lb: string, rps: number) => {
    await world.sim.control('startTraffic', { name: 'testers', loadBalancer: lb, headers: { [TEST_HEADER.HttpHeaderName]: TEST_HEADER.Values[0] }, requestsPerSecond: rps });
  },
  'every request of the {word} in the last minute reached {string}': async (world, client: string, tg: string) => {
    const lastMinute = (await world.sim.control('trafficHistory', client)).slice(-60);
    const elsewhere = lastMinute.flatMap((s) => Object.entries(s.targetGroups ?? {}).filter(([name, requests]) => name !== tg && requests > 0).map(([name]) => name));
    const reached = lastMinute.reduce((sum, s) => sum + (s.targetGroups?.[tg] ?? 0), 0);
    expect(reached > 0 && elsewhere.length === 0, () => `In the last minute the ${client} sent ${reached} requests to "${tg}"${elsewhere.length ? ` and some to ${[...new Set(elsewhere)].join(', ')}` : ''}.`);
  },
  'the alarm {string} goes off': async (world, alarm: string) => {
    await world.sim.control('setAlarmState', { alarmName: alarm, state: 'ALARM' });
  },
  'the deployment of {string} reaches {word} within {int} minute(s)': async (world, service: string, stage: string, minutes: number) => {
    const reached = await world.sim.runUntil(async () => (await latestServiceDeployment(world, service)).lifecycleStage === stage, minutes * 60);
    const latest = await latestServiceDeployment(world, service);
    expect(reached, () => `The deployment is at ${latest.lifecycleStage ?? 'no stage'}, ${latest.status}.`);
  },
  'the test listener rule of {string} sends all test traffic to {string}': async (world, lb: string, tg: string) => {
    const percent = percentTo((await rulesOf(world, lb)).test, await targetGroupArn(world, tg));
    expect(percent === 100, () => `The test rule sends ${percent} % to "${tg}".`);
  },
  'the production listener rule of {string} sends {float} % to {string}': async (world, lb: string, expected: number, tg: string) => {
    const percent = percentTo((await rulesOf(world, lb)).production, await targetGroupArn(world, tg));
    expect(Math.abs(percent - expected) < 0.05, () => `The production rule sends ${percent} % to "${tg}".`);
  },
  'the target group {string} has {int} targets': async (world, tg: string, count: number) => {
    const { TargetHealthDescriptions } = await world.sim.call('elbv2', 'describeTargetHealth', { TargetGroupArn: await targetGroupArn(world, tg) });
    expect(TargetHealthDescriptions.length === count, () => `"${tg}" has ${TargetHealthDescriptions.length} targets.`);
  },
});
