import type { ScenarioWorld } from '../world/scenario-world.js';
import { defineSteps, expect } from './step-registry.js';
import { fargateTaskDefinition, TWO_SUBNETS } from './fargate-requests.js';


async function register(world: ScenarioWorld, family: string, image: string, efs?: string) {
  await world.sim.call(
    'ecs',
    'registerTaskDefinition',
    efs
      ? fargateTaskDefinition(family, image, undefined, { volumes: [{ name: 'data', efsVolumeConfiguration: { fileSystemId: world.fileSystems[efs] } }] }, { mountPoints: [{ sourceVolume: 'data', containerPath: '/data' }] })
      : fargateTaskDefinition(family, image),
  );
  await world.sim.control('registerImage', image, { countsMinutesIn: '/data/minutes' });
}

async function counter(world: ScenarioWorld, service: string): Promise<number> {
  const [task] = (await world.sim.call('ecs', 'listTasks', { cluster: world.cluster, serviceName: service })).taskArns;
  return Number((await world.sim.control('readFile', { cluster: world.cluster, task, path: '/data/minutes' })) ?? 0);
}

defineSteps('Storage', {
  'an EFS file system {string}': async (world, name: string) => {
    world.fileSystems[name] = (await world.sim.call('efs', 'createFileSystem', { CreationToken: name })).FileSystemId;
  },
  'a Fargate task definition {string} for image {string} that counts minutes in its own storage': (world, family: string, image: string) =>
    register(world, family, image),
  'a Fargate task definition {string} for image {string} that counts minutes on {string}': (world, family: string, image: string, efs: string) =>
    register(world, family, image, efs),
  'a Fargate service {string} running 1 task of {string}': async (world, name: string, family: string) => {
    await world.sim.call('ecs', 'createService', { cluster: world.cluster, serviceName: name, taskDefinition: family, desiredCount: 1, launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets: TWO_SUBNETS } } });
    await world.sim.control('runUntilSteady', { cluster: world.cluster, service: name });
  },
  'the counter of {string} reads {int}': async (world, service: string, value: number) => {
    const seen = await counter(world, service);
    expect(seen === value, () => `The counter reads ${seen}.`);
  },
});
