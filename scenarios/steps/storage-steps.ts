import type { ScenarioWorld } from '../world/scenario-world.js';
import { defineSteps, expect } from './step-registry.js';
import { fargateTaskDefinition, TWO_SUBNETS } from './fargate-requests.js';


function register(world: ScenarioWorld, family: string, image: string, efs?: string) {
  world.sim.registerTaskDefinition(
    efs
      ? fargateTaskDefinition(family, image, undefined, { volumes: [{ name: 'data', efsVolumeConfiguration: { fileSystemId: world.fileSystems[efs] } }] }, { mountPoints: [{ sourceVolume: 'data', containerPath: '/data' }] })
      : fargateTaskDefinition(family, image),
  );
  world.sim.control.registerImage(image, { countsMinutesIn: '/data/minutes' });
}

function counter(world: ScenarioWorld, service: string): number {
  const [task] = world.sim.listTasks({ cluster: world.cluster, serviceName: service }).taskArns;
  return Number(world.sim.control.readFile({ cluster: world.cluster, task, path: '/data/minutes' }) ?? 0);
}

defineSteps('Storage', {
  'an EFS file system {string}': (world, name: string) => {
    world.fileSystems[name] = world.sim.efs.createFileSystem({ CreationToken: name }).FileSystemId;
  },
  'a Fargate task definition {string} for image {string} that counts minutes in its own storage': (world, family: string, image: string) =>
    register(world, family, image),
  'a Fargate task definition {string} for image {string} that counts minutes on {string}': (world, family: string, image: string, efs: string) =>
    register(world, family, image, efs),
  'a Fargate service {string} running 1 task of {string}': (world, name: string, family: string) => {
    world.sim.createService({ cluster: world.cluster, serviceName: name, taskDefinition: family, desiredCount: 1, launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets: TWO_SUBNETS } } });
    world.sim.control.runUntilSteady({ cluster: world.cluster, service: name });
  },
  'the counter of {string} reads {int}': (world, service: string, value: number) => {
    const seen = counter(world, service);
    expect(seen === value, () => `The counter reads ${seen}.`);
  },
});
