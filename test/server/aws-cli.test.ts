import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsCli, cliPresent } from './aws-cli.js';
import { startTestServer, type TestServer } from './test-server.js';

let t: TestServer;
const aws = (...args: string[]) => awsCli(t.server.url, ['ecs', ...args], 'eu-central-1');

describe.skipIf(!cliPresent)('the AWS CLI (/usr/bin/aws) against ecs-lab serve', () => {
  beforeAll(async () => {
    t = await startTestServer({ accountId: '444455556666' });
  });
  afterAll(() => t.close());

  it('creates a cluster in the region of AWS_DEFAULT_REGION and lists it', async () => {
    const created = await aws('create-cluster', '--cluster-name', 'class');
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout).cluster.clusterArn).toBe('arn:aws:ecs:eu-central-1:444455556666:cluster/class');
    const listed = await aws('list-clusters');
    expect(JSON.parse(listed.stdout).clusterArns).toEqual(['arn:aws:ecs:eu-central-1:444455556666:cluster/class']);
  });

  it('registers a task definition from --cli-input-json and prints its registration time as a date', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ecs-lab-td-')), 'web.json');
    writeFileSync(file, JSON.stringify({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.25', memory: 128 }] }));
    const { code, stdout } = await aws('register-task-definition', '--cli-input-json', `file://${file}`);
    expect(code).toBe(0);
    const { taskDefinition } = JSON.parse(stdout);
    expect(taskDefinition.taskDefinitionArn).toBe('arn:aws:ecs:eu-central-1:444455556666:task-definition/web:1');
    expect(taskDefinition.registeredAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);
  });

  it('describes a running service', async () => {
    await t.sim('instances', { cluster: 'class', instanceType: 'm5.large', count: 2 }, '?region=eu-central-1');
    expect((await aws('create-service', '--cluster', 'class', '--service-name', 'web', '--task-definition', 'web', '--desired-count', '2')).code).toBe(0);
    await t.sim('run-until-steady', { cluster: 'class', service: 'web' }, '?region=eu-central-1');
    const { stdout } = await aws('describe-services', '--cluster', 'class', '--services', 'web');
    const [service] = JSON.parse(stdout).services;
    expect(service).toMatchObject({ serviceName: 'web', runningCount: 2, desiredCount: 2 });
  });

  it('prints an ECS error the way the CLI prints AWS errors, with exit code 254', async () => {
    const { code, stderr } = await aws('describe-services', '--cluster', 'nope', '--services', 'web');
    expect(code).toBe(254);
    expect(stderr).toContain('An error occurred (ClusterNotFoundException) when calling the DescribeServices operation: Cluster not found.');
  });
});
