import { formatVirtualTime } from '../../core/index.js';
import type { ScenarioWorld } from '../world/scenario-world.js';
import { defineSteps, expect } from './step-registry.js';
import { messagePattern } from './message-pattern.js';
import { THREE_SUBNETS } from './fargate-requests.js';
import { describeService, failedServiceDeployment, familyOf, primaryDeployment, revisionOf, runningByRevision } from './service-inspection.js';

const MAX_SECONDS_TO_SETTLE = 3600;

defineSteps('Services and deployments', {
  'a service {string} running {int} tasks of {string}': async (world, name: string, count: number, family: string) => {
    await world.sim.call('ecs', 'createService', { cluster: world.cluster, serviceName: name, taskDefinition: family, desiredCount: count });
    await settle(world, name);
  },
  'a service {string} running {int} tasks of {string} with minimumHealthyPercent {int} and maximumPercent {int}': async (
    world,
    name: string,
    count: number,
    family: string,
    minimumHealthyPercent: number,
    maximumPercent: number,
  ) => {
    await world.sim.call('ecs', 'createService', {
      cluster: world.cluster,
      serviceName: name,
      taskDefinition: family,
      desiredCount: count,
      deploymentConfiguration: { minimumHealthyPercent, maximumPercent },
    });
    await settle(world, name);
  },
  'I deploy revision {int} of {string}': async (world, revision: number, name: string) => {
    const family = familyOf(await describeService(world, name));
    await world.markUpdate();
    await world.sim.call('ecs', 'updateService', { cluster: world.cluster, service: name, taskDefinition: `${family}:${revision}` });
  },
  'I scale {string} to {int} tasks': async (world, name: string, count: number) => {
    await world.markUpdate();
    await world.sim.call('ecs', 'updateService', { cluster: world.cluster, service: name, desiredCount: count });
  },
  '{int} minute(s) pass(es)': async (world, minutes: number) => {
    await world.sim.control('advance', minutes * 60);
  },
  '{int} second(s) pass(es)': async (world, seconds: number) => {
    await world.sim.control('advance', seconds);
  },
  'the deployment of {string} completes within {int} minute(s)': async (world, name: string, minutes: number) => {
    const done = await world.sim.runUntil(async () => primaryDeployment(await describeService(world, name)).rolloutState === 'COMPLETED', minutes * 60);
    const service = await describeService(world, name);
    expect(done, () => `After ${minutes} minutes the deployment is still ${primaryDeployment(service).rolloutState}: ${service.runningCount} running, ${service.pendingCount} pending. Latest event: ${service.events[0]?.message ?? 'none'}`);
  },
  'the deployment of {string} is still in progress after {int} minute(s)': async (world, name: string, minutes: number) => {
    await world.sim.control('advance', minutes * 60);
    const state = primaryDeployment(await describeService(world, name)).rolloutState;
    expect(state === 'IN_PROGRESS', () => `Expected the deployment to be stuck IN_PROGRESS, but it is ${state}.`);
  },
  '{int} tasks of {string} are running revision {int}': async (world, count: number, name: string, revision: number) => {
    const counts = await runningByRevision(world, name);
    const seen = [...counts.entries()].map(([r, n]) => `${n} of revision ${r}`).join(', ') || 'none';
    expect(counts.get(revision) === count && counts.size === 1, () => `Expected exactly ${count} running tasks, all revision ${revision}; running now: ${seen}.`);
  },
  'the old deployment of {string} is no longer listed': async (world, name: string) => {
    const service = await describeService(world, name);
    const { serviceDeployments } = await world.sim.call('ecs', 'listServiceDeployments', { cluster: world.cluster, service: name });
    expect(
      service.deployments.length === 1 && serviceDeployments.length > 1,
      () => `Deployments: ${service.deployments.map((d) => `${d.id} ${d.status}`).join(', ')}; service deployments: ${serviceDeployments.map((d) => d.status).join(', ')}.`,
    );
  },
  'the rollout state of {string} is {word}': async (world, name: string, state: string) => {
    const primary = primaryDeployment(await describeService(world, name));
    expect(primary.rolloutState === state, () => `The PRIMARY deployment's rolloutState is ${primary.rolloutState} (${primary.rolloutStateReason}).`);
  },
});

async function settle(world: ScenarioWorld, name: string): Promise<void> {
  const steady = await world.sim.control('runUntilSteady', { cluster: world.cluster, service: name, maxSeconds: MAX_SECONDS_TO_SETTLE });
  const service = await describeService(world, name);
  const now = steady ? 0 : await world.sim.control('now');
  expect(steady, () => `Service "${name}" did not reach a steady state by ${formatVirtualTime(now * 1000)}: ${service.runningCount} of ${service.desiredCount} running. Latest event: ${service.events[0]?.message ?? 'none'}`);
}

defineSteps('Circuit breaker', {
  'a service {string} running {int} tasks of {string} with the circuit breaker and rollback': (world, name: string, count: number, family: string) =>
    createWithBreaker(world, name, count, family, true),
  'a service {string} running {int} tasks of {string} with the circuit breaker but no rollback': (world, name: string, count: number, family: string) =>
    createWithBreaker(world, name, count, family, false),
  'the deployment of {string} fails within {int} minute(s)': async (world, name: string, minutes: number) => {
    const failed = await world.sim.runUntil(async () => (await failedServiceDeployment(world, name)) !== undefined, minutes * 60);
    const deployments = failed ? [] : (await describeService(world, name)).deployments;
    expect(failed, () => `After ${minutes} minutes no deployment of "${name}" has failed: ${deployments.map((d) => `${d.id} ${d.status} ${d.rolloutState} (${d.failedTasks} failed tasks)`).join(', ')}.`);
  },
  'the failed deployment of {string} counted at least {int} failed tasks': async (world, name: string, count: number) => {
    const failureCount = (await failedServiceDeployment(world, name))?.deploymentCircuitBreaker?.failureCount;
    expect((failureCount ?? 0) >= count, () => `The failed deployment counted ${failureCount ?? 'no'} failed tasks.`);
  },
  'the failed deployment of {string} says {string}': async (world, name: string, reason: string) => {
    const statusReason = (await failedServiceDeployment(world, name))?.statusReason;
    expect(statusReason === reason, () => `Its statusReason is "${statusReason}".`);
  },
  'no task of revision {int} of {string} starts after the deployment failed': async (world, revision: number, name: string) => {
    const failed = (await failedServiceDeployment(world, name))!;
    const failedAt = failed.rollback?.startedAt ?? failed.finishedAt!;
    const { taskArns } = await world.sim.call('ecs', 'listTasks', { cluster: world.cluster, serviceName: name });
    const stopped = (await world.sim.call('ecs', 'listTasks', { cluster: world.cluster, serviceName: name, desiredStatus: 'STOPPED' })).taskArns;
    const all = [...taskArns, ...stopped];
    const tasks = all.length === 0 ? [] : (await world.sim.call('ecs', 'describeTasks', { cluster: world.cluster, tasks: all.slice(0, 100) })).tasks;
    const late = tasks.filter((t) => revisionOf(t.taskDefinitionArn) === revision && t.createdAt > failedAt);
    expect(late.length === 0, () => `${late.length} tasks of revision ${revision} were created after the deployment failed.`);
  },
});

async function createWithBreaker(world: ScenarioWorld, name: string, count: number, family: string, rollback: boolean): Promise<void> {
  await world.sim.call('ecs', 'createService', {
    cluster: world.cluster,
    serviceName: name,
    taskDefinition: family,
    desiredCount: count,
    deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback } },
  });
  await settle(world, name);
}

defineSteps('Services without waiting', {
  'I create a service {string} with {int} tasks of {string}': async (world, name: string, count: number, family: string) => {
    await world.markUpdate();
    await world.sim.call('ecs', 'createService', { cluster: world.cluster, serviceName: name, taskDefinition: family, desiredCount: count });
  },
  'I create an awsvpc service {string} with {int} tasks of {string}': async (world, name: string, count: number, family: string) => {
    await world.markUpdate();
    await world.sim.call('ecs', 'createService', {
      cluster: world.cluster,
      serviceName: name,
      taskDefinition: family,
      desiredCount: count,
      networkConfiguration: { awsvpcConfiguration: { subnets: THREE_SUBNETS } },
    });
  },
  'some stopped task of {string} says {string}': async (world, name: string, reason: string) => {
    const { taskArns } = await world.sim.call('ecs', 'listTasks', { cluster: world.cluster, serviceName: name, desiredStatus: 'STOPPED' });
    const tasks = taskArns.length === 0 ? [] : (await world.sim.call('ecs', 'describeTasks', { cluster: world.cluster, tasks: taskArns.slice(0, 100) })).tasks;
    const pattern = messagePattern(reason);
    expect(tasks.some((t) => pattern.test(t.stoppedReason ?? '')), () => `Stopped tasks say: ${[...new Set(tasks.map((t) => t.stoppedReason))].join(' | ') || '(no stopped task)'}.`);
  },
});

defineSteps('Daemon services', {
  'a daemon service {string} of {string}': async (world, name: string, family: string) => {
    await world.sim.call('ecs', 'createService', { cluster: world.cluster, serviceName: name, taskDefinition: family, schedulingStrategy: 'DAEMON' });
    await settle(world, name);
  },
  'a daemon service {string} of {string} with minimumHealthyPercent {int}': async (world, name: string, family: string, minimumHealthyPercent: number) => {
    await world.sim.call('ecs', 'createService', {
      cluster: world.cluster,
      serviceName: name,
      taskDefinition: family,
      schedulingStrategy: 'DAEMON',
      deploymentConfiguration: { minimumHealthyPercent, maximumPercent: 100 },
    });
    await settle(world, name);
  },
  'every ACTIVE instance runs exactly one task of {string}': async (world, name: string) => {
    const picture = (await world.sim.control('view')).clusters.find((c) => c.clusterName === world.cluster)!;
    const wrong = picture.instances
      .filter((i) => i.status === 'ACTIVE')
      .filter((i) => i.tasks.filter((t) => t.serviceName === name && t.desiredStatus === 'RUNNING').length !== 1);
    expect(wrong.length === 0, () => `${wrong.map((i) => `${i.ec2InstanceId} runs ${i.tasks.filter((t) => t.serviceName === name).length}`).join(', ')}.`);
  },
  '{string} settles within {int} minute(s)': async (world, name: string, minutes: number) => {
    const steady = await world.sim.control('runUntilSteady', { cluster: world.cluster, service: name, maxSeconds: minutes * 60 });
    const latest = steady ? undefined : (await describeService(world, name)).events[0]?.message;
    expect(steady, () => `"${name}" did not settle; latest event: ${latest ?? 'none'}`);
  },
  'I delete the service {string} with force': async (world, name: string) => {
    await world.markUpdate();
    await world.sim.call('ecs', 'deleteService', { cluster: world.cluster, service: name, force: true });
  },
  'the service {string} is {word} within {int} minute(s)': async (world, name: string, status: string, minutes: number) => {
    const statusNow = async () => (await world.sim.call('ecs', 'describeServices', { cluster: world.cluster, services: [name] })).services[0]?.status;
    const reached = await world.sim.runUntil(async () => (await statusNow()) === status, minutes * 60);
    const seen = reached ? status : await statusNow();
    expect(reached, () => `The service is ${seen}.`);
  },
});
