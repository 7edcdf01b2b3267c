import type { ScenarioWorld } from '../world/scenario-world.js';
import { defineSteps, expect } from './step-registry.js';
import { fargateTaskDefinition, TWO_SUBNETS } from './fargate-requests.js';
import { messagePattern } from './message-pattern.js';

const roleArn = (world: ScenarioWorld, name: string) => `arn:aws:iam::${world.accountId}:role/${name}`;

function ensureRole(world: ScenarioWorld, name: string): void {
  try {
    world.sim.iam.createRole({ RoleName: name });
  } catch (error) {
    if ((error as Error).name !== 'EntityAlreadyExists') throw error;
  }
}

function allow(world: ScenarioWorld, role: string, action: string, resource: string): void {
  ensureRole(world, role);
  world.sim.iam.putRolePolicy({
    RoleName: role,
    PolicyName: `allow-${action.replace(/[^A-Za-z0-9]/g, '-')}`,
    PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: resource }] },
  });
}

/** "secret:NAME" in a step stands for that secret's ARN. */
const resolveResource = (world: ScenarioWorld, resource: string) => (resource.startsWith('secret:') ? world.secrets[resource.slice(7)] : resource);

defineSteps('IAM roles and secrets', {
  'an execution role {string} with the AmazonECSTaskExecutionRolePolicy': (world, name: string) => {
    ensureRole(world, name);
    world.sim.iam.attachRolePolicy({ RoleName: name, PolicyArn: 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy' });
  },
  'a role {string} that may {word} on {string}': (world, role: string, action: string, resource: string) => allow(world, role, action, resolveResource(world, resource)),
  'the role {string} may also {word} on {string}': (world, role: string, action: string, resource: string) => allow(world, role, action, resolveResource(world, resource)),
  'a secret {string} holding {string}': (world, name: string, value: string) => {
    world.secrets[name] = world.sim.secretsManager.createSecret({ Name: name, SecretString: value }).ARN;
  },
  'a Fargate task definition {string} for image {string} run by {string} with the secret {string} as {word}': (
    world,
    family: string,
    image: string,
    executionRole: string,
    secret: string,
    variable: string,
  ) => {
    world.sim.registerTaskDefinition(
      fargateTaskDefinition(family, image, undefined, { executionRoleArn: roleArn(world, executionRole) }, { secrets: [{ name: variable, valueFrom: world.secrets[secret] }] }),
    );
  },
  'a Fargate task definition {string} for image {string} with the task role {string}': (world, family: string, image: string, taskRole: string) => {
    world.sim.registerTaskDefinition(fargateTaskDefinition(family, image, undefined, { taskRoleArn: roleArn(world, taskRole) }));
  },
  'the image {string} calls {word} on {string} when it starts': (world, image: string, action: string, resource: string) => {
    world.sim.control.registerImage(image, { calls: [{ action, resource }] });
  },
  'I create a Fargate service {string} with {int} tasks of {string}': (world, name: string, count: number, family: string) => {
    world.markUpdate();
    world.sim.createService({ cluster: world.cluster, serviceName: name, taskDefinition: family, desiredCount: count, launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets: TWO_SUBNETS } } });
  },
  'a stopped container of {string} says {string}': (world, name: string, reason: string) => {
    const { taskArns } = world.sim.listTasks({ cluster: world.cluster, serviceName: name, desiredStatus: 'STOPPED' });
    const reasons = (taskArns.length ? world.sim.describeTasks({ cluster: world.cluster, tasks: taskArns }).tasks : []).flatMap((t) => t.containers.map((c) => c.reason ?? ''));
    const pattern = messagePattern(reason);
    expect(reasons.some((r) => pattern.test(r)), () => `Stopped containers say: ${[...new Set(reasons)].join(' | ') || '(none)'}.`);
  },
  'I force a new deployment of {string}': (world, name: string) => {
    world.markUpdate();
    world.sim.updateService({ cluster: world.cluster, service: name, forceNewDeployment: true });
  },
});

defineSteps('Cluster access', {
  'a role {string} that may change the services of the cluster {string}': (world, role: string, cluster: string) => {
    ensureRole(world, role);
    world.sim.iam.putRolePolicy({
      RoleName: role,
      PolicyName: `services-of-${cluster}`,
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: ['ecs:UpdateService', 'ecs:DescribeServices'], Resource: `arn:aws:ecs:*:${world.accountId}:service/${cluster}/*` }],
      },
    });
  },
  'as {string}, I scale {string} to {int} tasks': (world, role: string, service: string, desiredCount: number) => {
    world.markUpdate();
    world.sim.asRole(role).updateService({ cluster: world.cluster, service, desiredCount });
  },
  'as {string}, scaling {string} in the cluster {string} is refused with:': (world, role: string, service: string, cluster: string, message: string) => {
    let refusal: Error | undefined;
    try {
      world.sim.asRole(role).updateService({ cluster, service, desiredCount: 0 });
    } catch (error) {
      refusal = error as Error;
    }
    expect(refusal?.name === 'AccessDeniedException', () => `The call was ${refusal ? `refused with ${refusal.name}: ${refusal.message}` : 'allowed'}.`);
    expect(messagePattern(message).test(refusal.message), () => `The refusal says: ${refusal!.message}`);
  },
});

