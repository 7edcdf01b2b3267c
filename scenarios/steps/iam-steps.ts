import type { ScenarioWorld } from '../world/scenario-world.js';
import { defineSteps, expect } from './step-registry.js';
import { fargateTaskDefinition, TWO_SUBNETS } from './fargate-requests.js';
import { messagePattern } from './message-pattern.js';

const roleArn = (world: ScenarioWorld, name: string) => `arn:aws:iam::${world.accountId}:role/${name}`;

async function ensureRole(world: ScenarioWorld, name: string): Promise<void> {
  try {
    await world.sim.call('iam', 'createRole', { RoleName: name });
  } catch (error) {
    if ((error as Error).name !== 'EntityAlreadyExists') throw error;
  }
}

async function allow(world: ScenarioWorld, role: string, action: string, resource: string): Promise<void> {
  await ensureRole(world, role);
  await world.sim.call('iam', 'putRolePolicy', {
    RoleName: role,
    PolicyName: `allow-${action.replace(/[^A-Za-z0-9]/g, '-')}`,
    PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: resource }] },
  });
}

/** "secret:NAME" in a step stands for that secret's ARN. */
const resolveResource = (world: ScenarioWorld, resource: string) => (resource.startsWith('secret:') ? world.secrets[resource.slice(7)] : resource);

defineSteps('IAM roles and secrets', {
  'an execution role {string} with the AmazonECSTaskExecutionRolePolicy': async (world, name: string) => {
    await ensureRole(world, name);
    await world.sim.call('iam', 'attachRolePolicy', { RoleName: name, PolicyArn: 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy' });
  },
  'a role {string} that may {word} on {string}': (world, role: string, action: string, resource: string) => allow(world, role, action, resolveResource(world, resource)),
  'the role {string} may also {word} on {string}': (world, role: string, action: string, resource: string) => allow(world, role, action, resolveResource(world, resource)),
  'a secret {string} holding {string}': async (world, name: string, value: string) => {
    world.secrets[name] = (await world.sim.call('secretsManager', 'createSecret', { Name: name, SecretString: value })).ARN;
  },
  'a Fargate task definition {string} for image {string} run by {string} with the secret {string} as {word}': async (
    world,
    family: string,
    image: string,
    executionRole: string,
    secret: string,
    variable: string,
  ) => {
    await world.sim.call(
      'ecs',
      'registerTaskDefinition',
      fargateTaskDefinition(family, image, undefined, { executionRoleArn: roleArn(world, executionRole) }, { secrets: [{ name: variable, valueFrom: world.secrets[secret] }] }),
    );
  },
  'a Fargate task definition {string} for image {string} with the task role {string}': async (world, family: string, image: string, taskRole: string) => {
    await world.sim.call('ecs', 'registerTaskDefinition', fargateTaskDefinition(family, image, undefined, { taskRoleArn: roleArn(world, taskRole) }));
  },
  'the image {string} calls {word} on {string} when it starts': async (world, image: string, action: string, resource: string) => {
    await world.sim.control('registerImage', image, { calls: [{ action, resource }] });
  },
  'I create a Fargate service {string} with {int} tasks of {string}': async (world, name: string, count: number, family: string) => {
    await world.markUpdate();
    await world.sim.call('ecs', 'createService', { cluster: world.cluster, serviceName: name, taskDefinition: family, desiredCount: count, launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets: TWO_SUBNETS } } });
  },
  'a stopped container of {string} says {string}': async (world, name: string, reason: string) => {
    const { taskArns } = await world.sim.call('ecs', 'listTasks', { cluster: world.cluster, serviceName: name, desiredStatus: 'STOPPED' });
    const tasks = taskArns.length ? (await world.sim.call('ecs', 'describeTasks', { cluster: world.cluster, tasks: taskArns })).tasks : [];
    const reasons = tasks.flatMap((t) => t.containers.map((c) => c.reason ?? ''));
    const pattern = messagePattern(reason);
    expect(reasons.some((r) => pattern.test(r)), () => `Stopped containers say: ${[...new Set(reasons)].join(' | ') || '(none)'}.`);
  },
  'I force a new deployment of {string}': async (world, name: string) => {
    await world.markUpdate();
    await world.sim.call('ecs', 'updateService', { cluster: world.cluster, service: name, forceNewDeployment: true });
  },
});

defineSteps('Cluster access', {
  'a role {string} that may change the services of the cluster {string}': async (world, role: string, cluster: string) => {
    await ensureRole(world, role);
    await world.sim.call('iam', 'putRolePolicy', {
      RoleName: role,
      PolicyName: `services-of-${cluster}`,
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: ['ecs:UpdateService', 'ecs:DescribeServices'], Resource: `arn:aws:ecs:*:${world.accountId}:service/${cluster}/*` }],
      },
    });
  },
  'as {string}, I scale {string} to {int} tasks': async (world, role: string, service: string, desiredCount: number) => {
    await world.markUpdate();
    await world.sim.callAs(role, 'updateService', { cluster: world.cluster, service, desiredCount });
  },
  'as {string}, scaling {string} in the cluster {string} is refused with:': async (world, role: string, service: string, cluster: string, message: string) => {
    let refusal: Error | undefined;
    try {
      await world.sim.callAs(role, 'updateService', { cluster, service, desiredCount: 0 });
    } catch (error) {
      refusal = error as Error;
    }
    expect(refusal?.name === 'AccessDeniedException', () => `The call was ${refusal ? `refused with ${refusal.name}: ${refusal.message}` : 'allowed'}.`);
    expect(messagePattern(message).test(refusal.message), () => `The refusal says: ${refusal!.message}`);
  },
});
