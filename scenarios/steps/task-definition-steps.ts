import type { ContainerDefinition, PortMapping } from '../../core/index.js';
import type { ScenarioWorld } from '../world/scenario-world.js';
import { defineSteps } from './step-registry.js';

function containerFor(family: string, image: string, cpu: number, memory: number, port: PortMapping = DYNAMIC_PORT_80): ContainerDefinition {
  return { name: family, image, cpu, memory, essential: true, portMappings: [port] };
}

const DYNAMIC_PORT_80: PortMapping = { containerPort: 80, hostPort: 0, protocol: 'tcp' };

/** The one-container task definitions the steps below register, differing only in port and network mode. */
async function registerOne(world: ScenarioWorld, family: string, image: string, cpu: number, memory: number, port?: PortMapping, networkMode?: 'awsvpc') {
  await world.sim.call('ecs', 'registerTaskDefinition', { family, ...(networkMode ? { networkMode } : {}), containerDefinitions: [containerFor(family, image, cpu, memory, port)] });
}

defineSteps('Task definitions and images', {
  'a task definition {string} for image {string} with {int} CPU units and {int} MiB of memory': async (world, family: string, image: string, cpu: number, memory: number) =>
    registerOne(world, family, image, cpu, memory),
  'a task definition {string} for image {string} with {int} CPU units and {int} MiB of memory on host port {int}': async (
    world,
    family: string,
    image: string,
    cpu: number,
    memory: number,
    hostPort: number,
  ) => registerOne(world, family, image, cpu, memory, { containerPort: 80, hostPort, protocol: 'tcp' }),
  'an awsvpc task definition {string} for image {string} with {int} CPU units and {int} MiB of memory': async (world, family: string, image: string, cpu: number, memory: number) =>
    registerOne(world, family, image, cpu, memory, { containerPort: 80, protocol: 'tcp' }, 'awsvpc'),
  'a new revision of {string} for image {string}': async (world, family: string, image: string) => {
    const { taskDefinition } = await world.sim.call('ecs', 'describeTaskDefinition', { taskDefinition: family });
    const [first, ...rest] = taskDefinition.containerDefinitions;
    const { requiresCompatibilities, cpu, memory, executionRoleArn, taskRoleArn, networkMode } = taskDefinition;
    await world.sim.call('ecs', 'registerTaskDefinition', {
      family,
      networkMode,
      ...(requiresCompatibilities ? { requiresCompatibilities } : {}),
      ...(cpu ? { cpu } : {}),
      ...(memory ? { memory } : {}),
      ...(executionRoleArn ? { executionRoleArn } : {}),
      ...(taskRoleArn ? { taskRoleArn } : {}),
      containerDefinitions: [{ ...first, image }, ...rest],
    });
  },
  'the image {string} crashes {int} seconds after it starts': async (world, image: string, seconds: number) => {
    await world.sim.control('registerImage', image, { crashAfterSeconds: seconds, exitCode: 1 });
  },
  'the image {string} cannot be pulled': async (world, image: string) => {
    await world.sim.control('registerImage', image, { pullError: `pull access denied for ${image}, repository does not exist or may require 'docker login'` });
  },
});

defineSteps('Container health', {
  'a task definition {string} for image {string} with {int} CPU units, {int} MiB of memory and a health check every {int} seconds': async (
    world,
    family: string,
    image: string,
    cpu: number,
    memory: number,
    interval: number,
  ) => {
    const container = containerFor(family, image, cpu, memory);
    container.healthCheck = { command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'], interval, timeout: 5, retries: 3 };
    await world.sim.call('ecs', 'registerTaskDefinition', { family, containerDefinitions: [container] });
  },
  'the image {string} fails its health check from {int} seconds after it starts': async (world, image: string, seconds: number) => {
    await world.sim.control('registerImage', image, { unhealthyAfterSeconds: seconds });
  },
});
