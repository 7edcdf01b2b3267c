import type { ScenarioWorld } from '../world/scenario-world.js';
import { defineSteps, expect } from './step-registry.js';
import { TWO_SUBNETS } from './fargate-requests.js';


function ruleTarget(world: ScenarioWorld, family: string) {
  const clusterArn = world.sim.describeClusters({ clusters: [world.cluster] }).clusters[0].clusterArn;
  return [{ Id: family, Arn: clusterArn, EcsParameters: { TaskDefinitionArn: family, TaskCount: 1, LaunchType: 'FARGATE' as const, NetworkConfiguration: { awsvpcConfiguration: { subnets: TWO_SUBNETS } } } }];
}

function tasksStartedBy(world: ScenarioWorld, rule: string) {
  const arns = (['RUNNING', 'STOPPED'] as const).flatMap((desiredStatus) => world.sim.listTasks({ cluster: world.cluster, startedBy: `events-rule/${rule}`, desiredStatus }).taskArns);
  return arns.length ? world.sim.describeTasks({ cluster: world.cluster, tasks: arns }).tasks : [];
}

defineSteps('Event-driven tasks', {
  'the image {string} finishes its work in {int} seconds': (world, image: string, seconds: number) => {
    world.sim.control.registerImage(image, { crashAfterSeconds: seconds, exitCode: 0 });
  },
  'a rule {string} runs a task of {string} when an object is uploaded to the bucket {string}': (world, rule: string, family: string, bucket: string) => {
    world.sim.eventBridge.putRule({ Name: rule, EventPattern: { source: ['aws.s3'], 'detail-type': ['Object Created'], detail: { bucket: { name: [bucket] } } } });
    world.sim.eventBridge.putTargets({ Rule: rule, Targets: ruleTarget(world, family) });
  },
  'a rule {string} runs a task of {string} on the schedule {string}': (world, rule: string, family: string, schedule: string) => {
    world.sim.eventBridge.putRule({ Name: rule, ScheduleExpression: schedule });
    world.sim.eventBridge.putTargets({ Rule: rule, Targets: ruleTarget(world, family) });
  },
  'the file {string} is uploaded to the bucket {string}': (world, key: string, bucket: string) => {
    world.markUpdate();
    world.sim.eventBridge.putEvents({ Entries: [{ Source: 'aws.s3', DetailType: 'Object Created', Detail: { bucket: { name: bucket }, object: { key } } }] });
  },
  '{int} task(s) of {string} was/were started by the rule {string}': (world, count: number, family: string, rule: string) => {
    const tasks = tasksStartedBy(world, rule).filter((t) => t.group === `family:${family}`);
    expect(tasks.length === count, () => `${tasks.length} tasks of ${family} were started by the rule.`);
  },
  'the rule {string} has run its target {int} times': (world, rule: string, count: number) => {
    const { Invocations } = world.sim.eventBridge.describeRule({ Name: rule });
    expect(Invocations === count, () => `The rule ran ${Invocations} times.`);
  },
  'every task the rule {string} started ended with exit code {int}': (world, rule: string, code: number) => {
    const tasks = tasksStartedBy(world, rule);
    const wrong = tasks.filter((t) => t.lastStatus !== 'STOPPED' || t.containers[0].exitCode !== code);
    expect(tasks.length > 0 && wrong.length === 0, () => `Tasks: ${tasks.map((t) => `${t.lastStatus} exit ${t.containers[0].exitCode ?? 'none'}`).join(', ')}.`);
  },
});
