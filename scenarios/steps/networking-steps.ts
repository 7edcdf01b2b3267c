import type { ScenarioWorld } from '../world/scenario-world.js';
import { defineSteps } from './step-registry.js';
import { fargateTaskDefinition } from './fargate-requests.js';

/** A repository of the scenario's own account and Region in ECR. */
const ecrImage = (world: ScenarioWorld, image: string) => `${world.accountId}.dkr.ecr.us-east-1.amazonaws.com/${image}`;

async function routeSubnets(world: ScenarioWorld, subnets: string[], defaultRoute: 'internet-gateway' | 'nat-gateway' | 'none'): Promise<void> {
  for (const subnetId of subnets) await world.sim.control('configureSubnet', { subnetId, defaultRoute });
}

async function createService(world: ScenarioWorld, name: string, count: number, family: string, subnets: string[], assignPublicIp: 'ENABLED' | 'DISABLED'): Promise<void> {
  await world.markUpdate();
  await world.sim.call('ecs', 'createService', {
    cluster: world.cluster,
    serviceName: name,
    taskDefinition: family,
    desiredCount: count,
    launchType: 'FARGATE',
    networkConfiguration: { awsvpcConfiguration: { subnets, securityGroups: ['sg-api'], assignPublicIp } },
  });
}

defineSteps('Subnets, routes and VPC endpoints', {
  'the subnets {string} and {string} have no route to the internet': (world, a: string, b: string) => routeSubnets(world, [a, b], 'none'),
  'the subnets {string} and {string} send internet traffic to a NAT gateway': (world, a: string, b: string) => routeSubnets(world, [a, b], 'nat-gateway'),
  'the subnet {string} sends internet traffic to an internet gateway': (world, subnet: string) => routeSubnets(world, [subnet], 'internet-gateway'),
  'a(n) {word} VPC endpoint for {string}': async (world, type: string, service: string) => {
    await world.sim.control('createVpcEndpoint', { VpcEndpointType: type as 'Interface' | 'Gateway', ServiceName: `com.amazonaws.us-east-1.${service}` });
  },
  'a Fargate task definition {string} for the ECR image {string} run by {string}': async (world, family: string, image: string, executionRole: string) => {
    const executionRoleArn = `arn:aws:iam::${world.accountId}:role/${executionRole}`;
    await world.sim.call('ecs', 'registerTaskDefinition', fargateTaskDefinition(family, ecrImage(world, image), undefined, { executionRoleArn }));
  },
  'I create a Fargate service {string} with {int} task(s) of {string} in the subnets {string} and {string}': (world, name: string, count: number, family: string, a: string, b: string) =>
    createService(world, name, count, family, [a, b], 'DISABLED'),
  'I create a Fargate service {string} with {int} task(s) of {string} in the subnet {string} with assignPublicIp {word}': (
    world, name: string, count: number, family: string, subnet: string, assignPublicIp: string,
  ) => createService(world, name, count, family, [subnet], assignPublicIp as 'ENABLED' | 'DISABLED'),
});
