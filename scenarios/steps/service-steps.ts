import { formatVirtualTime } from '../../core/index.js';
import type { ScenarioWorld } from '../world/scenario-world.js';
import { defineSteps, expect } from './step-registry.js';
import { describeService, primaryDeployment, runningByRevision } from './service-inspection.js';

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
  'the old deployment of {string} is INACTIVE': (world, name: string) => {
    const service = describeService(world, name);
    const others = service.deployments.filter((d) => d.status !== 'PRIMARY');
    expect(others.length > 0 && others.every((d) => d.status === 'INACTIVE'), () => `Deployments: ${service.deployments.map((d) => `${d.id} ${d.status}`).join(', ')}.`);
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
