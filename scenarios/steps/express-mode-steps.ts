import type { ScenarioWorld } from '../world/scenario-world.js';
import { defineSteps, expect } from './step-registry.js';
import { describeService, revisionOf, serviceTasks } from './service-inspection.js';
import { startSpike } from './spike-traffic.js';

/** The role Express Mode creates resources with (what the console names its infrastructure role). */
const INFRASTRUCTURE_ROLE = 'arn:aws:iam::123456789012:role/ecsInfrastructureRoleForExpressServices';
const serviceArnOf = (world: ScenarioWorld, name: string) => `arn:aws:ecs:us-east-1:${world.accountId}:service/${world.cluster}/${name}`;

async function expressService(world: ScenarioWorld, name: string) {
  return (await world.sim.call('ecs', 'describeExpressGatewayService', { serviceArn: serviceArnOf(world, name) })).service;
}

/** Its endpoint's host name, from the configuration it runs. */
async function endpointOf(world: ScenarioWorld, name: string): Promise<string> {
  return (await expressService(world, name)).activeConfigurations[0].ingressPaths[0].endpoint;
}

/** The production listener rule ECS shifts for the service, as ELB describes it. */
async function productionRule(world: ScenarioWorld, name: string) {
  const arn = (await describeService(world, name)).loadBalancers[0].advancedConfiguration!.productionListenerRule;
  return (await world.sim.call('elbv2', 'describeRules', { RuleArns: [arn] })).Rules[0];
}

/** Which task-definition revision each target group of the service serves now, by the addresses of its tasks. */
async function revisionsByTargetGroup(world: ScenarioWorld, name: string): Promise<Map<string, Set<number>>> {
  const revisionAt = new Map<string, number>();
  for (const task of await serviceTasks(world, name)) {
    const address = task.attachments?.[0]?.details?.find((d) => d.name === 'privateIPv4Address')?.value;
    if (address) revisionAt.set(address, revisionOf(task.taskDefinitionArn));
  }
  const { loadBalancers } = await describeService(world, name);
  const groups = [loadBalancers[0].targetGroupArn, loadBalancers[0].advancedConfiguration!.alternateTargetGroupArn];
  const served = new Map<string, Set<number>>();
  for (const group of groups) {
    const { TargetHealthDescriptions } = await world.sim.call('elbv2', 'describeTargetHealth', { TargetGroupArn: group });
    served.set(group, new Set(TargetHealthDescriptions.flatMap((d) => (revisionAt.has(d.Target.Id) ? [revisionAt.get(d.Target.Id)!] : []))));
  }
  return served;
}

async function create(world: ScenarioWorld, name: string, image: string, role: string) {
  world.cluster = 'default';
  await world.sim.call('ecs', 'createExpressGatewayService', {
    serviceName: name,
    primaryContainer: { image },
    executionRoleArn: `arn:aws:iam::${world.accountId}:role/${role}`,
    infrastructureRoleArn: INFRASTRUCTURE_ROLE,
  });
}

/** Its tasks the load balancer finds healthy, in either of its target groups. */
async function healthyTargets(world: ScenarioWorld, name: string): Promise<number> {
  const [balanced] = (await describeService(world, name)).loadBalancers;
  let healthy = 0;
  for (const group of [balanced.targetGroupArn, balanced.advancedConfiguration!.alternateTargetGroupArn]) {
    const { TargetHealthDescriptions } = await world.sim.call('elbv2', 'describeTargetHealth', { TargetGroupArn: group });
    healthy += TargetHealthDescriptions.filter((d) => d.TargetHealth.State === 'healthy').length;
  }
  return healthy;
}

async function waitForHealthy(world: ScenarioWorld, name: string, count: number, minutes: number) {
  const healthy = () => healthyTargets(world, name);
  const reached = await world.sim.runUntil(async () => (await healthy()) === count, minutes * 60);
  const now = await healthy();
  expect(reached, () => `"${name}" has ${now} healthy tasks.`);
}

defineSteps('ECS Express Mode', {
  'I create an Express service {string} for the image {string} with the execution role {string}': (world, name: string, image: string, role: string) =>
    create(world, name, image, role),
  'an Express service {string} for the image {string} with the execution role {string}, up and healthy': async (world, name: string, image: string, role: string) => {
    await create(world, name, image, role);
    const steady = await world.sim.control('runUntilSteady', { cluster: world.cluster, service: name, maxSeconds: 600 });
    expect(steady, () => `"${name}" did not reach a steady state.`);
  },
  'the Express service {string} is {word}': async (world, name: string, status: string) => {
    const { statusCode } = (await expressService(world, name)).status;
    expect(statusCode === status, () => `The Express service is ${statusCode}.`);
  },
  'the Express service {string} is {word} within {int} minute(s)': async (world, name: string, status: string, minutes: number) => {
    const reached = await world.sim.runUntil(async () => (await expressService(world, name)).status.statusCode === status, minutes * 60);
    const { statusCode } = (await expressService(world, name)).status;
    expect(reached, () => `The Express service is ${statusCode}.`);
  },
  'the Express service {string} runs {int} healthy Fargate task(s) within {int} minute(s)': async (world, name: string, count: number, minutes: number) => {
    await waitForHealthy(world, name, count, minutes);
    const launchTypes = new Set((await serviceTasks(world, name)).map((t) => t.launchType));
    expect(launchTypes.size === 1 && launchTypes.has('FARGATE'), () => `Its tasks run on ${[...launchTypes].join(', ')}.`);
  },
  'the Express service {string} has an HTTPS endpoint under {string}': async (world, name: string, domain: string) => {
    const endpoint = await endpointOf(world, name);
    expect(endpoint.endsWith(`.${domain}`), () => `Its endpoint is ${endpoint}.`);
  },
  "the endpoint of {string} is a host-header rule on a shared HTTPS load balancer, forwarding to the service's target group": async (world, name: string) => {
    const endpoint = await endpointOf(world, name);
    const rule = await productionRule(world, name);
    const hosts = rule.Conditions.flatMap((c) => (c.Field === 'host-header' ? (c.Values ?? []) : []));
    expect(hosts.includes(endpoint), () => `The rule matches ${hosts.join(', ') || 'no host'}.`);
    const { loadBalancers } = await describeService(world, name);
    const weights = rule.Actions[0].ForwardConfig?.TargetGroups ?? [];
    const toService = weights.find((g) => g.TargetGroupArn === loadBalancers[0].targetGroupArn);
    expect(toService !== undefined && toService.Weight > 0, () => `The rule forwards to ${weights.map((g) => `${g.TargetGroupArn} (${g.Weight})`).join(', ')}.`);
    const listenerArn = rule.RuleArn.replace(':listener-rule/', ':listener/').split('/').slice(0, -1).join('/');
    const listeners = (await world.sim.call('elbv2', 'describeLoadBalancers')).LoadBalancers.map((lb) => lb.LoadBalancerArn);
    for (const lbArn of listeners) {
      const listener = (await world.sim.call('elbv2', 'describeListeners', { LoadBalancerArn: lbArn })).Listeners.find((l) => l.ListenerArn === listenerArn);
      if (listener) expect(listener.Protocol === 'HTTPS' && listener.Port === 443, () => `The listener is ${listener.Protocol} on port ${listener.Port}.`);
    }
  },
  '{string} and {string} share one load balancer': async (world, first: string, second: string) => {
    const loadBalancerOf = async (name: string) => (await productionRule(world, name)).RuleArn.split('/').slice(1, 4).join('/');
    const [a, b] = [await loadBalancerOf(first), await loadBalancerOf(second)];
    expect(a === b, () => `"${first}" is on ${a}, "${second}" on ${b}.`);
  },
  '{string} scales between {int} and {int} tasks to keep its average CPU at {int} %': async (world, name: string, min: number, max: number, target: number) => {
    const resource = { ServiceNamespace: 'ecs' as const, ResourceIds: [`service/${world.cluster}/${name}`] };
    const [scalable] = (await world.sim.call('applicationAutoScaling', 'describeScalableTargets', resource)).ScalableTargets;
    expect(scalable?.MinCapacity === min && scalable.MaxCapacity === max, () => `It scales between ${scalable?.MinCapacity} and ${scalable?.MaxCapacity} tasks.`);
    const [policy] = (await world.sim.call('applicationAutoScaling', 'describeScalingPolicies', { ServiceNamespace: 'ecs', ResourceId: resource.ResourceIds[0] })).ScalingPolicies;
    const tracking = policy?.TargetTrackingScalingPolicyConfiguration as { TargetValue: number; PredefinedMetricSpecification?: { PredefinedMetricType: string } } | undefined;
    expect(
      tracking?.PredefinedMetricSpecification?.PredefinedMetricType === 'ECSServiceAverageCPUUtilization' && tracking.TargetValue === target,
      () => `Its policy tracks ${JSON.stringify(tracking)}.`,
    );
  },
  'the log group {string} has a log stream for each task of {string}': async (world, group: string, name: string) => {
    const { logStreams } = await world.sim.call('logs', 'describeLogStreams', { logGroupName: group });
    const streams = new Set(logStreams.map((s) => s.logStreamName.slice(s.logStreamName.lastIndexOf('/') + 1)));
    const tasks = (await serviceTasks(world, name)).map((t) => t.taskArn.slice(t.taskArn.lastIndexOf('/') + 1));
    expect(tasks.length > 0 && tasks.every((id) => streams.has(id)), () => `Streams: ${[...streams].join(', ') || 'none'}; tasks: ${tasks.join(', ')}.`);
  },
  'I update the Express service {string} to the image {string}': async (world, name: string, image: string) => {
    await world.markUpdate();
    await world.sim.call('ecs', 'updateExpressGatewayService', { serviceArn: serviceArnOf(world, name), primaryContainer: { image } });
  },
  'I let the Express service {string} scale between {int} and {int} tasks at {int} % CPU': async (world, name: string, min: number, max: number, target: number) => {
    await world.sim.call('ecs', 'updateExpressGatewayService', {
      serviceArn: serviceArnOf(world, name),
      scalingTarget: { minTaskCount: min, maxTaskCount: max, autoScalingMetric: 'AVERAGE_CPU', autoScalingTargetValue: target },
    });
  },
  'the Express service {string} runs {int} configurations': async (world, name: string, count: number) => {
    const configurations = (await expressService(world, name)).activeConfigurations.map((c) => c.taskDefinitionArn);
    expect(configurations.length === count, () => `It runs ${configurations.join(', ') || 'none'}.`);
  },
  '{string} sends {float} % of its production traffic to revision {int}': async (world, name: string, percent: number, revision: number) => {
    const served = await revisionsByTargetGroup(world, name);
    const groups = (await productionRule(world, name)).Actions[0].ForwardConfig?.TargetGroups ?? [];
    const total = groups.reduce((sum, g) => sum + g.Weight, 0);
    const share = (100 * groups.filter((g) => served.get(g.TargetGroupArn)?.has(revision)).reduce((sum, g) => sum + g.Weight, 0)) / (total || 1);
    expect(Math.abs(share - percent) < 0.05, () => `Revision ${revision} gets ${share} % of production traffic.`);
  },
  'clients call the endpoint of {string} at {int} requests per second': async (world, name: string, rps: number) => {
    await world.sim.control('startTraffic', { name: 'clients', url: `https://${await endpointOf(world, name)}/`, requestsPerSecond: rps });
  },
  'clients call the endpoint of {string} at {int} requests per second, spiking to {int} after {int} minutes for {int} minutes': async (
    world,
    name: string,
    rps: number,
    peak: number,
    after: number,
    lasting: number,
  ) => startSpike(world, { url: `https://${await endpointOf(world, name)}/` }, rps, peak, after, lasting),
  'the rollback alarm of the Express service {string} goes off': async (world, name: string) => {
    const [alarmName] = (await describeService(world, name)).deploymentConfiguration.alarms!.alarmNames;
    await world.sim.control('setAlarmState', { alarmName, state: 'ALARM' });
  },
  'I delete the Express service {string}': async (world, name: string) => {
    await world.markUpdate();
    await world.sim.call('ecs', 'deleteExpressGatewayService', { serviceArn: serviceArnOf(world, name) });
  },
  'the target groups, listener rule, scaling and log group Express Mode made for {string} are gone': async (world, name: string) => {
    const service = await describeService(world, name);
    const [balanced] = service.loadBalancers;
    const { TargetGroups } = await world.sim.call('elbv2', 'describeTargetGroups');
    const left = TargetGroups.filter((g) => [balanced.targetGroupArn, balanced.advancedConfiguration!.alternateTargetGroupArn].includes(g.TargetGroupArn));
    expect(left.length === 0, () => `Target groups left: ${left.map((g) => g.TargetGroupName).join(', ')}.`);
    const rule = balanced.advancedConfiguration!.productionListenerRule;
    const ruleLeft = await world.sim.call('elbv2', 'describeRules', { RuleArns: [rule] }).then(
      () => true,
      () => false,
    );
    expect(!ruleLeft, () => `The listener rule ${rule} is still there.`);
    const { ScalableTargets } = await world.sim.call('applicationAutoScaling', 'describeScalableTargets', { ServiceNamespace: 'ecs', ResourceIds: [`service/${world.cluster}/${name}`] });
    expect(ScalableTargets.length === 0, () => 'The scalable target is still registered.');
    const { taskDefinition } = await world.sim.call('ecs', 'describeTaskDefinition', { taskDefinition: service.taskDefinition! });
    const group = taskDefinition.containerDefinitions[0].logConfiguration!.options!['awslogs-group'];
    const { logGroups } = await world.sim.call('logs', 'describeLogGroups', { logGroupNamePrefix: group });
    expect(!logGroups.some((g) => g.logGroupName === group), () => `The log group ${group} is still there.`);
  },
});
