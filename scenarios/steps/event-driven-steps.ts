import type { ScenarioWorld } from '../world/scenario-world.js';
import { defineSteps, expect } from './step-registry.js';
import { TWO_SUBNETS } from './fargate-requests.js';


async function ruleTarget(world: ScenarioWorld, family: string) {
  const clusterArn = (await world.sim.call('ecs', 'describeClusters', { clusters: [world.cluster] })).clusters[0].clusterArn;
  return [{ Id: family, Arn: clusterArn, EcsParameters: { TaskDefinitionArn: family, TaskCount: 1, LaunchType: 'FARGATE' as const, NetworkConfiguration: { awsvpcConfiguration: { subnets: TWO_SUBNETS } } } }];
}

async function tasksStartedBy(world: ScenarioWorld, rule: string) {
  const arns: string[] = [];
  for (const desiredStatus of ['RUNNING', 'STOPPED'] as const) {
    arns.push(...(await world.sim.call('ecs', 'listTasks', { cluster: world.cluster, startedBy: `events-rule/${rule}`, desiredStatus })).taskArns);
  }
  return arns.length ? (await world.sim.call('ecs', 'describeTasks', { cluster: world.cluster, tasks: arns })).tasks : [];
}

defineSteps('Event-driven tasks', {
  'the image {string} finishes its work in {int} seconds': async (world, image: string, seconds: number) => {
    await world.sim.control('registerImage', image, { crashAfterSeconds: seconds, exitCode: 0 });
  },
  'a rule {string} runs a task of {string} when an object is uploaded to the bucket {string}': async (world, rule: string, family: string, bucket: string) => {
    await world.sim.call('eventBridge', 'putRule', { Name: rule, EventPattern: { source: ['aws.s3'], 'detail-type': ['Object Created'], detail: { bucket: { name: [bucket] } } } });
    await world.sim.call('eventBridge', 'putTargets', { Rule: rule, Targets: await ruleTarget(world, family) });
  },
  'a rule {string} runs a task of {string} on the schedule {string}': async (world, rule: string, family: string, schedule: string) => {
    await world.sim.call('eventBridge', 'putRule', { Name: rule, ScheduleExpression: schedule });
    await world.sim.call('eventBridge', 'putTargets', { Rule: rule, Targets: await ruleTarget(world, family) });
  },
  'the file {string} is uploaded to the bucket {string}': async (world, key: string, bucket: string) => {
    await world.markUpdate();
    await world.sim.call('eventBridge', 'putEvents', { Entries: [{ Source: 'aws.s3', DetailType: 'Object Created', Detail: { bucket: { name: bucket }, object: { key } } }] });
  },
  '{int} task(s) of {string} was/were started by the rule {string}': async (world, count: number, family: string, rule: string) => {
    const tasks = (await tasksStartedBy(world, rule)).filter((t) => t.group === `family:${family}`);
    expect(tasks.length === count, () => `${tasks.length} tasks of ${family} were started by the rule.`);
  },
  'the rule {string} has run its target {int} times': async (world, rule: string, count: number) => {
    const { Invocations } = await world.sim.call('eventBridge', 'describeRule', { Name: rule });
    expect(Invocations === count, () => `The rule ran ${Invocations} times.`);
  },
  'every task the rule {string} started ended with exit code {int}': async (world, rule: string, code: number) => {
    const tasks = await tasksStartedBy(world, rule);
    const wrong = tasks.filter((t) => t.lastStatus !== 'STOPPED' || t.containers[0].exitCode !== code);
    expect(tasks.length > 0 && wrong.length === 0, () => `Tasks: ${tasks.map((t) => `${t.lastStatus} exit ${t.containers[0].exitCode ?? 'none'}`).join(', ')}.`);
  },
});
