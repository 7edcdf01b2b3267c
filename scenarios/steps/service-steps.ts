import { formatVirtualTime } from '../../core/index.js';
import type { ScenarioWorld } from '../world/scenario-world.js';
import { defineSteps, expect } from './step-registry.js';
import { messagePattern } from './message-pattern.js';
import { THREE_SUBNETS } from './fargate-requests.js';
import { describeService, failedServiceDeployment, primaryDeployment, revisionOf, runningByRevision } from './service-inspection.js';

const MAX_SECONDS_TO_SETTLE = 3600;

defineSteps('Services and deployments', {
  'a service {string} running {int} tasks of {string}': (world, name: string, count: number, family: string) => {
    world.sim.createService({ cluster: world.cluster, serviceName: name, taskDefinition: family, desiredCount: count });
    settle(world, name);
  },
  'a service {string} running {int} tasks of {string} with minimumHealthyPercent {int} and maximumPercent {int}': (
    world,
    name: string,
    count: number,
    family: string,
    minimumHealthyPercent: number,
    maximumPercent: number,
  ) => {
    world.sim.createService({
      cluster: world.cluster,
      serviceName: name,
      taskDefinition: family,
      desiredCount: count,
      deploymentConfiguration: { minimumHealthyPercent, maximumPercent },
    });
    settle(world, name);
  },
  'I deploy revision {int} of {string}': (world, revision: number, name: string) => {
    const family = describeService(world, name).taskDefinition.split('/').pop()!.split(':')[0];
    world.markUpdate();
    world.sim.updateService({ cluster: world.cluster, service: name, taskDefinition: `${family}:${revision}` });
  },
  'I scale {string} to {int} tasks': (world, name: string, count: number) => {
    world.markUpdate();
    world.sim.updateService({ cluster: world.cluster, service: name, desiredCount: count });
  },
  '{int} minute(s) pass(es)': (world, minutes: number) => {
    world.sim.control.advance(minutes * 60);
  },
  '{int} second(s) pass(es)': (world, seconds: number) => {
    world.sim.control.advance(seconds);
  },
  'the deployment of {string} completes within {int} minute(s)': (world, name: string, minutes: number) => {
    const done = world.sim.control.runUntil(() => primaryDeployment(describeService(world, name)).rolloutState === 'COMPLETED', minutes * 60);
    const service = describeService(world, name);
    expect(done, () => `After ${minutes} minutes the deployment is still ${primaryDeployment(service).rolloutState}: ${service.runningCount} running, ${service.pendingCount} pending. Latest event: ${service.events[0]?.message ?? 'none'}`);
  },
  'the deployment of {string} is still in progress after {int} minute(s)': (world, name: string, minutes: number) => {
    world.sim.control.advance(minutes * 60);
    const state = primaryDeployment(describeService(world, name)).rolloutState;
    expect(state === 'IN_PROGRESS', () => `Expected the deployment to be stuck IN_PROGRESS, but it is ${state}.`);
  },
  '{int} tasks of {string} are running revision {int}': (world, count: number, name: string, revision: number) => {
    const counts = runningByRevision(world, name);
    const seen = [...counts.entries()].map(([r, n]) => `${n} of revision ${r}`).join(', ') || 'none';
    expect(counts.get(revision) === count && counts.size === 1, () => `Expected exactly ${count} running tasks, all revision ${revision}; running now: ${seen}.`);
  },
  'the old deployment of {string} is no longer listed': (world, name: string) => {
    const service = describeService(world, name);
    const { serviceDeployments } = world.sim.listServiceDeployments({ cluster: world.cluster, service: name });
    expect(
      service.deployments.length === 1 && serviceDeployments.length > 1,
      () => `Deployments: ${service.deployments.map((d) => `${d.id} ${d.status}`).join(', ')}; service deployments: ${serviceDeployments.map((d) => d.status).join(', ')}.`,
    );
  },
  'the rollout state of {string} is {word}': (world, name: string, state: string) => {
    const primary = primaryDeployment(describeService(world, name));
    expect(primary.rolloutState === state, () => `The PRIMARY deployment's rolloutState is ${primary.rolloutState} (${primary.rolloutStateReason}).`);
  },
});

function settle(world: ScenarioWorld, name: string): void {
  const steady = world.sim.control.runUntilSteady({ cluster: world.cluster, service: name, maxSeconds: MAX_SECONDS_TO_SETTLE });
  const service = describeService(world, name);
  expect(steady, () => `Service "${name}" did not reach a steady state by ${formatVirtualTime(world.sim.control.now * 1000)}: ${service.runningCount} of ${service.desiredCount} running. Latest event: ${service.events[0]?.message ?? 'none'}`);
}

defineSteps('Circuit breaker', {
  'a service {string} running {int} tasks of {string} with the circuit breaker and rollback': (world, name: string, count: number, family: string) =>
    createWithBreaker(world, name, count, family, true),
  'a service {string} running {int} tasks of {string} with the circuit breaker but no rollback': (world, name: string, count: number, family: string) =>
    createWithBreaker(world, name, count, family, false),
  'the deployment of {string} fails within {int} minute(s)': (world, name: string, minutes: number) => {
    const failed = () => failedServiceDeployment(world, name) !== undefined;
    expect(world.sim.control.runUntil(failed, minutes * 60), () => `After ${minutes} minutes no deployment of "${name}" has failed: ${describeService(world, name).deployments.map((d) => `${d.id} ${d.status} ${d.rolloutState} (${d.failedTasks} failed tasks)`).join(', ')}.`);
  },
  'the failed deployment of {string} counted at least {int} failed tasks': (world, name: string, count: number) => {
    const failureCount = failedServiceDeployment(world, name)?.deploymentCircuitBreaker?.failureCount;
    expect((failureCount ?? 0) >= count, () => `The failed deployment counted ${failureCount ?? 'no'} failed tasks.`);
  },
  'the failed deployment of {string} says {string}': (world, name: string, reason: string) => {
    const statusReason = failedServiceDeployment(world, name)?.statusReason;
    expect(statusReason === reason, () => `Its statusReason is "${statusReason}".`);
  },
  'no task of revision {int} of {string} starts after the deployment failed': (world, revision: number, name: string) => {
    const failed = failedServiceDeployment(world, name)!;
    const failedAt = failed.rollback?.startedAt ?? failed.finishedAt!;
    const { taskArns } = world.sim.listTasks({ cluster: world.cluster, serviceName: name });
    const stopped = world.sim.listTasks({ cluster: world.cluster, serviceName: name, desiredStatus: 'STOPPED' }).taskArns;
    const all = [...taskArns, ...stopped];
    const tasks = all.length === 0 ? [] : world.sim.describeTasks({ cluster: world.cluster, tasks: all.slice(0, 100) }).tasks;
    const late = tasks.filter((t) => revisionOf(t.taskDefinitionArn) === revision && t.createdAt > failedAt);
    expect(late.length === 0, () => `${late.length} tasks of revision ${revision} were created after the deployment failed.`);
  },
});

function createWithBreaker(world: ScenarioWorld, name: string, count: number, family: string, rollback: boolean): void {
  world.sim.createService({
    cluster: world.cluster,
    serviceName: name,
    taskDefinition: family,
    desiredCount: count,
    deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback } },
  });
  settle(world, name);
}

defineSteps('Services without waiting', {
  'I create a service {string} with {int} tasks of {string}': (world, name: string, count: number, family: string) => {
    world.markUpdate();
    world.sim.createService({ cluster: world.cluster, serviceName: name, taskDefinition: family, desiredCount: count });
  },
  'I create an awsvpc service {string} with {int} tasks of {string}': (world, name: string, count: number, family: string) => {
    world.markUpdate();
    world.sim.createService({
      cluster: world.cluster,
      serviceName: name,
      taskDefinition: family,
      desiredCount: count,
      networkConfiguration: { awsvpcConfiguration: { subnets: THREE_SUBNETS } },
    });
  },
  'some stopped task of {string} says {string}': (world, name: string, reason: string) => {
    const { taskArns } = world.sim.listTasks({ cluster: world.cluster, serviceName: name, desiredStatus: 'STOPPED' });
    const tasks = taskArns.length === 0 ? [] : world.sim.describeTasks({ cluster: world.cluster, tasks: taskArns.slice(0, 100) }).tasks;
    const pattern = messagePattern(reason);
    expect(tasks.some((t) => pattern.test(t.stoppedReason ?? '')), () => `Stopped tasks say: ${[...new Set(tasks.map((t) => t.stoppedReason))].join(' | ') || '(no stopped task)'}.`);
  },
});

defineSteps('Daemon services', {
  'a daemon service {string} of {string}': (world, name: string, family: string) => {
    world.sim.createService({ cluster: world.cluster, serviceName: name, taskDefinition: family, schedulingStrategy: 'DAEMON' });
    settle(world, name);
  },
  'a daemon service {string} of {string} with minimumHealthyPercent {int}': (world, name: string, family: string, minimumHealthyPercent: number) => {
    world.sim.createService({
      cluster: world.cluster,
      serviceName: name,
      taskDefinition: family,
      schedulingStrategy: 'DAEMON',
      deploymentConfiguration: { minimumHealthyPercent, maximumPercent: 100 },
    });
    settle(world, name);
  },
  'every ACTIVE instance runs exactly one task of {string}': (world, name: string) => {
    const picture = world.sim.control.view().clusters.find((c) => c.clusterName === world.cluster)!;
    const wrong = picture.instances
      .filter((i) => i.status === 'ACTIVE')
      .filter((i) => i.tasks.filter((t) => t.serviceName === name && t.desiredStatus === 'RUNNING').length !== 1);
    expect(wrong.length === 0, () => `${wrong.map((i) => `${i.ec2InstanceId} runs ${i.tasks.filter((t) => t.serviceName === name).length}`).join(', ')}.`);
  },
  '{string} settles within {int} minute(s)': (world, name: string, minutes: number) => {
    const steady = world.sim.control.runUntilSteady({ cluster: world.cluster, service: name, maxSeconds: minutes * 60 });
    expect(steady, () => `"${name}" did not settle; latest event: ${describeService(world, name).events[0]?.message ?? 'none'}`);
  },
  'I delete the service {string} with force': (world, name: string) => {
    world.markUpdate();
    world.sim.deleteService({ cluster: world.cluster, service: name, force: true });
  },
  'the service {string} is {word} within {int} minute(s)': (world, name: string, status: string, minutes: number) => {
    const reached = world.sim.control.runUntil(() => world.sim.describeServices({ cluster: world.cluster, services: [name] }).services[0]?.status === status, minutes * 60);
    expect(reached, () => `The service is ${world.sim.describeServices({ cluster: world.cluster, services: [name] }).services[0]?.status}.`);
  },
});
