import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsCli, awsService, cliPresent } from './aws-cli.js';
import { startTestServer, type TestServer } from './test-server.js';

/**
 * The ECS features of 2025-26 typed at the AWS CLI (/usr/bin/aws) against `ecs-lab serve`: Express Mode, Managed
 * Daemons, native blue/green and task protection. An older CLI (Debian's, on CI) may not know a command yet: each
 * group asks `aws ecs <command> help` once and is skipped, naming the command, when the CLI answers that it does not.
 */
let t: TestServer;
const url = () => t.server.url;
const ecs = awsService(url, 'ecs');
const elbv2 = awsService(url, 'elbv2');

/**
 * `command` when this CLI does not have it (`aws ecs <command> help` exits non-zero), else undefined. One command
 * stands for its group: the commands of a group came in the same CLI release.
 */
async function missingCommand(command: string): Promise<string | undefined> {
  // `help` never calls the endpoint: any address will do.
  return !cliPresent || (await awsCli('http://127.0.0.1:9', ['ecs', command, 'help'])).code !== 0 ? command : undefined;
}

const skipped = (missing: string | undefined) => {
  if (missing !== undefined && cliPresent) console.warn(`aws-cli-2026: this AWS CLI has no \`aws ecs ${missing}\`: its tests are skipped.`);
  return missing !== undefined;
};
const missingExpress = await missingCommand('create-express-gateway-service');
const missingDaemons = await missingCommand('create-daemon');
const missingBlueGreen = await missingCommand('list-service-deployments');
const missingProtection = await missingCommand('update-task-protection');

const ROLE = (name: string) => `arn:aws:iam::123456789012:role/${name}`;

/** A cluster with two m5.large instances and a service of two tasks of `family` running on them. */
async function serviceOnInstances(cluster: string, family: string, extra: string[] = []) {
  await ecs.json('create-cluster', '--cluster-name', cluster);
  await t.sim('instances', { cluster, instanceType: 'm5.large', count: 2 });
  const container = { name: family, image: `${family}:1`, cpu: 256, memory: 512, portMappings: [{ containerPort: 80 }] };
  await ecs.json('register-task-definition', '--family', family, '--container-definitions', JSON.stringify([container]));
  await ecs.json('create-service', '--cluster', cluster, '--service-name', family, '--task-definition', family, '--desired-count', '2', ...extra);
  await t.sim('run-until-steady', { cluster, service: family });
}

beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe.skipIf(skipped(missingExpress))(`aws ecs create/describe/delete-express-gateway-service${missingExpress ? ` (skipped: no \`aws ecs ${missingExpress}\`)` : ''}`, () => {
  it('creates an Express service that describe shows ACTIVE with its configuration, and delete drains it', async () => {
    const { service: created } = await ecs.json(
      'create-express-gateway-service',
      '--service-name', 'shop',
      '--infrastructure-role-arn', ROLE('ecsInfrastructureRoleForExpressServices'),
      '--execution-role-arn', ROLE('ecsTaskExecutionRole'),
      '--primary-container', 'image=public.ecr.aws/nginx/nginx:1.27,containerPort=8080',
      '--scaling-target', 'minTaskCount=2,maxTaskCount=4',
    );
    expect(created.serviceArn).toBe('arn:aws:ecs:us-east-1:123456789012:service/default/shop');

    const { service } = await ecs.json('describe-express-gateway-service', '--service-arn', created.serviceArn);
    expect(service.status.statusCode).toBe('ACTIVE');
    expect(service.activeConfigurations[0]).toMatchObject({
      primaryContainer: { image: 'public.ecr.aws/nginx/nginx:1.27', containerPort: 8080 },
      scalingTarget: { minTaskCount: 2, maxTaskCount: 4 },
    });
    expect(service.activeConfigurations[0].ingressPaths[0]).toMatchObject({ accessType: 'PUBLIC', endpoint: expect.stringMatching(/\.ecs\.us-east-1\.on\.aws$/) });

    const { service: deleted } = await ecs.json('delete-express-gateway-service', '--service-arn', created.serviceArn);
    expect(deleted.status.statusCode).toBe('DRAINING');
  });

  it('exits 254 with ResourceNotFoundException for a service it does not know', async () => {
    const { code, stderr } = await awsCli(url(), ['ecs', 'describe-express-gateway-service', '--service-arn', 'arn:aws:ecs:us-east-1:123456789012:service/default/nope']);
    expect(code).toBe(254);
    expect(stderr).toContain('An error occurred (ResourceNotFoundException) when calling the DescribeExpressGatewayService operation');
  });
});

describe.skipIf(skipped(missingDaemons))(`aws ecs create-daemon on a Managed Instances provider${missingDaemons ? ` (skipped: no \`aws ecs ${missingDaemons}\`)` : ''}`, () => {
  it('runs one daemon task on each instance the provider launches, counted by describe-daemon', async () => {
    await ecs.json('create-cluster', '--cluster-name', 'fleet');
    const { capacityProvider } = await ecs.json(
      'create-capacity-provider', '--name', 'managed', '--cluster', 'fleet',
      '--managed-instances-provider', JSON.stringify({
        infrastructureRoleArn: ROLE('ecsInfrastructureRole'),
        instanceLaunchTemplate: { ec2InstanceProfileArn: 'arn:aws:iam::123456789012:instance-profile/ecsInstanceRole', networkConfiguration: { subnets: ['subnet-a'] } },
      }),
    );
    const { daemonTaskDefinitionArn } = await ecs.json(
      'register-daemon-task-definition', '--family', 'log-agent',
      '--container-definitions', JSON.stringify([{ name: 'log-agent', image: 'log-agent:1', cpu: 256, memory: 256, essential: true }]),
    );
    expect(daemonTaskDefinitionArn).toBe('arn:aws:ecs:us-east-1:123456789012:daemon-task-definition/log-agent:1');
    const created = await ecs.json(
      'create-daemon', '--daemon-name', 'log-agent', '--cluster-arn', 'fleet',
      '--daemon-task-definition-arn', daemonTaskDefinitionArn,
      '--capacity-provider-arns', capacityProvider.capacityProviderArn,
    );
    expect(created.status).toBe('ACTIVE');

    // Instances come for application tasks: two tasks of 1 vCPU each on the provider.
    await ecs.json(
      'register-task-definition', '--family', 'web', '--requires-compatibilities', 'MANAGED_INSTANCES', '--network-mode', 'awsvpc',
      '--container-definitions', JSON.stringify([{ name: 'web', image: 'web:1', cpu: 1024, memory: 2048 }]),
    );
    await ecs.json(
      'create-service', '--cluster', 'fleet', '--service-name', 'web', '--task-definition', 'web', '--desired-count', '2',
      '--capacity-provider-strategy', 'capacityProvider=managed,weight=1',
      '--network-configuration', 'awsvpcConfiguration={subnets=[subnet-a]}',
    );
    await t.sim('run-until-steady', { cluster: 'fleet', service: 'web' });

    const { containerInstanceArns } = await ecs.json('list-container-instances', '--cluster', 'fleet');
    const { daemon } = await ecs.json('describe-daemon', '--daemon-arn', created.daemonArn);
    expect(daemon).toMatchObject({ daemonArn: created.daemonArn, status: 'ACTIVE' });
    const [revision] = daemon.currentRevisions;
    expect(containerInstanceArns.length).toBeGreaterThan(0);
    expect(revision.totalRunningCount).toBe(containerInstanceArns.length);
    expect(revision.capacityProviders).toEqual([{ arn: capacityProvider.capacityProviderArn, runningCount: containerInstanceArns.length }]);
  });
});

describe.skipIf(skipped(missingBlueGreen))(`aws ecs update-service to BLUE_GREEN, then list-service-deployments${missingBlueGreen ? ` (skipped: no \`aws ecs ${missingBlueGreen}\`)` : ''}`, () => {
  it('moves a rolling service to a native blue/green deployment that bakes and succeeds', async () => {
    const { LoadBalancers } = await elbv2.json('create-load-balancer', '--name', 'web-alb', '--type', 'application');
    const group = async (name: string) =>
      (await elbv2.json('create-target-group', '--name', name, '--protocol', 'HTTP', '--port', '80', '--target-type', 'instance')).TargetGroups[0].TargetGroupArn as string;
    const blue = await group('blue');
    const green = await group('green');
    const { Listeners } = await elbv2.json(
      'create-listener', '--load-balancer-arn', LoadBalancers[0].LoadBalancerArn, '--port', '80', '--protocol', 'HTTP',
      '--default-actions', `Type=forward,TargetGroupArn=${blue}`,
    );
    const forward = JSON.stringify([{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: blue, Weight: 1 }, { TargetGroupArn: green, Weight: 0 }] } }]);
    const rule = async (priority: string, conditions: object[]) =>
      (await elbv2.json('create-rule', '--listener-arn', Listeners[0].ListenerArn, '--priority', priority, '--conditions', JSON.stringify(conditions), '--actions', forward)).Rules[0].RuleArn as string;
    const testRule = await rule('1', [{ Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'x-test', Values: ['green'] } }]);
    const productionRule = await rule('2', [{ Field: 'path-pattern', Values: ['/*'] }]);
    await serviceOnInstances('shifts', 'web', ['--load-balancers', `targetGroupArn=${blue},containerName=web,containerPort=80`]);

    await ecs.json('register-task-definition', '--family', 'web', '--container-definitions', JSON.stringify([{ name: 'web', image: 'web:2', cpu: 256, memory: 512, portMappings: [{ containerPort: 80 }] }]));
    const advancedConfiguration = { alternateTargetGroupArn: green, productionListenerRule: productionRule, testListenerRule: testRule, roleArn: ROLE('ecsInfrastructure') };
    const { service } = await ecs.json(
      'update-service', '--cluster', 'shifts', '--service', 'web', '--task-definition', 'web:2',
      '--deployment-configuration', JSON.stringify({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5 }),
      '--load-balancers', JSON.stringify([{ targetGroupArn: blue, containerName: 'web', containerPort: 80, advancedConfiguration }]),
    );
    expect(service.deploymentConfiguration).toMatchObject({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5 });

    const during = await ecs.json('list-service-deployments', '--cluster', 'shifts', '--service', 'web');
    expect(during.serviceDeployments.map((d: { status: string }) => d.status)).toEqual(['IN_PROGRESS', 'SUCCESSFUL']);
    await t.sim('advance', { seconds: 15 * 60 });
    const after = await ecs.json('list-service-deployments', '--cluster', 'shifts', '--service', 'web');
    expect(after.serviceDeployments.map((d: { status: string }) => d.status)).toEqual(['SUCCESSFUL', 'SUCCESSFUL']);
    expect(after.serviceDeployments[0]).toMatchObject({
      serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/shifts/web',
      clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/shifts',
      serviceDeploymentArn: expect.stringMatching(/^arn:aws:ecs:us-east-1:123456789012:service-deployment\/shifts\/web\//),
    });
    const { services } = await ecs.json('describe-services', '--cluster', 'shifts', '--services', 'web');
    expect(services[0]).toMatchObject({ taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:2', runningCount: 2 });
  });
});

describe.skipIf(skipped(missingProtection))(`aws ecs update-task-protection and get-task-protection${missingProtection ? ` (skipped: no \`aws ecs ${missingProtection}\`)` : ''}`, () => {
  it('protects a service task for 60 minutes, then shows the protection gone once it expires', async () => {
    await serviceOnInstances('jobs', 'worker');
    const { taskArns } = await ecs.json('list-tasks', '--cluster', 'jobs', '--service-name', 'worker');
    const { nowEpochSeconds } = (await t.sim('state')).body;
    const { protectedTasks, failures } = await ecs.json('update-task-protection', '--cluster', 'jobs', '--tasks', taskArns[0], '--protection-enabled', '--expires-in-minutes', '60');
    expect(failures).toEqual([]);
    expect(protectedTasks).toEqual([{ taskArn: taskArns[0], protectionEnabled: true, expirationDate: expect.any(String) }]);
    // Virtual time stands still between calls: the protection ends 60 minutes after the simulator's now.
    expect(Date.parse(protectedTasks[0].expirationDate) / 1000).toBe((nowEpochSeconds as number) + 3600);

    const got = await ecs.json('get-task-protection', '--cluster', 'jobs', '--tasks', taskArns[0]);
    expect(got.protectedTasks).toEqual(protectedTasks);

    await t.sim('advance', { seconds: 61 * 60 });
    const expired = await ecs.json('get-task-protection', '--cluster', 'jobs', '--tasks', taskArns[0]);
    expect(expired.protectedTasks[0]).toMatchObject({ taskArn: taskArns[0], protectionEnabled: false });
  });
});
