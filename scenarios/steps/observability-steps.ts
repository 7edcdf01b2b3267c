import type { ScenarioWorld } from '../world/scenario-world.js';
import { defineSteps, expect } from './step-registry.js';
import { fargateTaskDefinition } from './fargate-requests.js';
import { targetGroupArn } from './load-balancer-steps.js';
import { createBackend } from './traffic-steps.js';

const XRAY_DAEMON = 'public.ecr.aws/xray/aws-xray-daemon';

async function stoppedTasks(world: ScenarioWorld, service: string) {
  const { taskArns } = await world.sim.call('ecs', 'listTasks', { cluster: world.cluster, serviceName: service, desiredStatus: 'STOPPED' });
  return taskArns.length ? (await world.sim.call('ecs', 'describeTasks', { cluster: world.cluster, tasks: taskArns })).tasks : [];
}

/** Where a task's container logs, found the way you would: its task definition's awslogs options and its id. */
async function logStreamOf(world: ScenarioWorld, task: { taskArn: string; taskDefinitionArn: string }) {
  const { taskDefinition } = await world.sim.call('ecs', 'describeTaskDefinition', { taskDefinition: task.taskDefinitionArn });
  const container = taskDefinition.containerDefinitions.find((c) => c.logConfiguration?.logDriver === 'awslogs');
  const options = container?.logConfiguration?.options ?? {};
  return { logGroupName: options['awslogs-group'], logStreamName: `${options['awslogs-stream-prefix']}/${container?.name}/${task.taskArn.split('/').pop()}` };
}

function insights(world: ScenarioWorld, metric: string, service: string) {
  return world.sim.control('containerInsightsMetric', { metric, dimensions: { ClusterName: world.cluster, ServiceName: service } });
}

const segments = async (world: ScenarioWorld, service: string) => (await world.sim.control('traces', { cluster: world.cluster, service })).segments;

defineSteps('Logs, metrics and traces', {
  'a log group {string}': async (world, name: string) => {
    await world.sim.call('logs', 'createLogGroup', { logGroupName: name });
  },
  'I create the log group {string}': async (world, name: string) => {
    await world.markUpdate();
    await world.sim.call('logs', 'createLogGroup', { logGroupName: name });
  },
  'the image {string} prints {string} when it starts and {string} as it crashes {int} seconds later': async (
    world,
    image: string,
    first: string,
    last: string,
    seconds: number,
  ) => {
    await world.sim.control('registerImage', image, { crashAfterSeconds: seconds, exitCode: 1, logs: { atStart: [first], atExit: last } });
  },
  'a Fargate task definition {string} for image {string} run by {string} logging to {string} with the prefix {string}': async (
    world,
    family: string,
    image: string,
    executionRole: string,
    group: string,
    prefix: string,
  ) => {
    await world.sim.call(
      'ecs',
      'registerTaskDefinition',
      fargateTaskDefinition(family, image, undefined, { executionRoleArn: `arn:aws:iam::${world.accountId}:role/${executionRole}` }, {
        logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': group, 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': prefix } },
      }),
    );
  },
  'the last log line of every stopped task of {string} is {string}': async (world, service: string, line: string) => {
    const tasks = await stoppedTasks(world, service);
    expect(tasks.length > 0, () => `"${service}" has no stopped task yet.`);
    for (const task of tasks) {
      const { events } = await world.sim.call('logs', 'getLogEvents', { ...(await logStreamOf(world, task)), limit: 1 });
      const last = events[events.length - 1]?.message;
      expect(last === line, () => `The last line of task ${task.taskArn.split('/').pop()} is ${JSON.stringify(last ?? '(no line)')}.`);
    }
  },
  'the log group {string} kept a stream prefix\\/container\\/task-id for every stopped task of {string}': async (world, group: string, service: string) => {
    const streams = new Set((await world.sim.call('logs', 'describeLogStreams', { logGroupName: group })).logStreams.map((s) => s.logStreamName));
    const missing: string[] = [];
    for (const task of await stoppedTasks(world, service)) {
      const { logStreamName } = await logStreamOf(world, task);
      if (!streams.has(logStreamName)) missing.push(logStreamName);
    }
    expect(missing.length === 0, () => `No stream ${missing.join(', ')}; the group has ${[...streams].join(', ') || 'none'}.`);
  },
  'I turn Container Insights on for the cluster': async (world) => {
    await world.markUpdate();
    await world.sim.call('ecs', 'updateClusterSettings', { cluster: world.cluster, settings: [{ name: 'containerInsights', value: 'enabled' }] });
  },
  'Container Insights has no {word} for {string}': async (world, metric: string, service: string) => {
    const points = await insights(world, metric, service);
    expect(points.length === 0, () => `Container Insights has ${points.length} datapoints of ${metric} for "${service}".`);
  },
  'Container Insights recorded a {word} of {int} for {string} every minute for the last {int} minutes': async (
    world,
    metric: string,
    value: number,
    service: string,
    minutes: number,
  ) => {
    const points = (await insights(world, metric, service)).slice(-minutes);
    const values = points.map((p) => p.value);
    expect(points.length === minutes && values.every((v) => v === value), () => `The last ${minutes} datapoints of ${metric}: ${values.join(', ') || 'none'}.`);
  },
  'a Fargate task definition {string} for image {string} with an X-Ray daemon sidecar': async (world, family: string, image: string) => {
    const definition = fargateTaskDefinition(family, image, undefined, {}, { essential: true, portMappings: [{ containerPort: 80 }] });
    definition.containerDefinitions.push({ name: 'xray', image: XRAY_DAEMON, essential: false, portMappings: [{ containerPort: 2000, protocol: 'udp' }] });
    await world.sim.call('ecs', 'registerTaskDefinition', definition);
  },
  'the X-Ray daemon crashes {int} minutes after it starts': async (world, minutes: number) => {
    await world.sim.control('registerImage', XRAY_DAEMON, { crashAfterSeconds: minutes * 60, exitCode: 1 });
  },
  'a Fargate service {string} running {int} task(s) of {string} behind the target group {string}': async (world, name: string, count: number, family: string, tg: string) => {
    await createBackend(world, name, count, family, { loadBalancers: [{ targetGroupArn: await targetGroupArn(world, tg), containerName: family, containerPort: 80 }] });
  },
  'X-Ray has trace segments from {string}': async (world, service: string) => {
    const seen = await segments(world, service);
    expect(seen > 0, () => `X-Ray has no trace segment from "${service}".`);
  },
  'X-Ray gets no new trace segments from {string} over the next {int} minutes': async (world, service: string, minutes: number) => {
    const before = await segments(world, service);
    await world.sim.control('advance', minutes * 60);
    const after = await segments(world, service);
    expect(after === before, () => `X-Ray had ${before} segments from "${service}", ${minutes} minutes later ${after}.`);
  },
  'the {string} container of every task of {string} has stopped, yet the task is RUNNING': async (world, container: string, service: string) => {
    const { taskArns } = await world.sim.call('ecs', 'listTasks', { cluster: world.cluster, serviceName: service });
    const tasks = taskArns.length ? (await world.sim.call('ecs', 'describeTasks', { cluster: world.cluster, tasks: taskArns })).tasks : [];
    const wrong = tasks.filter((t) => t.lastStatus !== 'RUNNING' || t.containers.find((c) => c.name === container)?.lastStatus !== 'STOPPED');
    expect(tasks.length > 0 && wrong.length === 0, () => `Tasks: ${tasks.map((t) => `${t.lastStatus} (${t.containers.map((c) => `${c.name} ${c.lastStatus}`).join(', ')})`).join('; ') || 'none'}.`);
  },
});
