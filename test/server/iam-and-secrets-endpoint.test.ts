import { CreateClusterCommand, DescribeTasksCommand, RegisterTaskDefinitionCommand, RunTaskCommand } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsError, awsJson, cliPresent } from './aws-cli.js';
import { startTestServer, type TestServer } from './test-server.js';

let t: TestServer;
const aws = (...args: string[]) => awsJson(t.server.url, args);
const awsFails = (...args: string[]) => awsError(t.server.url, args);
const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

/** One Fargate task of "api", and what it is a minute later. */
async function runApiTask() {
  const { tasks = [] } = await t.ecs.send(
    new RunTaskCommand({ cluster: 'demo', taskDefinition: 'api', launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0a1b'] } } }),
  );
  await t.sim('advance', { seconds: 60 });
  const { tasks: [task] = [] } = await t.ecs.send(new DescribeTasksCommand({ cluster: 'demo', tasks: [tasks[0].taskArn!] }));
  return task;
}

describe.skipIf(!cliPresent)('aws iam (AWS Query), secretsmanager and ssm (JSON 1.1) against ecs-lab serve', () => {
  let role: { Arn: string; CreateDate: string };
  let roleArn: string;
  let secretArn: string;

  beforeAll(async () => {
    t = await startTestServer();
    ({ Role: role } = await aws('iam', 'create-role', '--role-name', 'ecsTaskExecutionRole', '--assume-role-policy-document', TRUST));
    roleArn = role.Arn;
    await aws('iam', 'attach-role-policy', '--role-name', 'ecsTaskExecutionRole', '--policy-arn', 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy');
    ({ ARN: secretArn } = await aws('secretsmanager', 'create-secret', '--name', 'db-password', '--secret-string', 's3cr3t'));
    await t.ecs.send(new CreateClusterCommand({ clusterName: 'demo', capacityProviders: ['FARGATE'] }));
    await t.ecs.send(
      new RegisterTaskDefinitionCommand({
        family: 'api',
        requiresCompatibilities: ['FARGATE'],
        networkMode: 'awsvpc',
        cpu: '256',
        memory: '512',
        executionRoleArn: roleArn,
        containerDefinitions: [{ name: 'api', image: 'api:1', secrets: [{ name: 'DB_PASSWORD', valueFrom: secretArn }] }],
      }),
    );
  }, 60_000);
  afterAll(() => t.close());

  it('creates the role in the account and prints its creation time as a date', async () => {
    expect(role.Arn).toBe('arn:aws:iam::123456789012:role/ecsTaskExecutionRole');
    // Virtual time starts at 2026-01-05T09:00:00Z.
    expect(role.CreateDate).toMatch(/^2026-01-05T09:00:00/);
    expect(secretArn).toMatch(/^arn:aws:secretsmanager:us-east-1:123456789012:secret:db-password-/);
  });

  it('stops a task whose execution role may not read its secret, and starts one once put-role-policy allows it', async () => {
    const refused = await runApiTask();
    expect(refused.lastStatus).toBe('STOPPED');
    expect(refused.stoppedReason).toContain('is not authorized to perform: secretsmanager:GetSecretValue');
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: secretArn }] });
    expect(await aws('iam', 'put-role-policy', '--role-name', 'ecsTaskExecutionRole', '--policy-name', 'read-db-password', '--policy-document', policy)).toEqual({});
    expect((await runApiTask()).lastStatus).toBe('RUNNING');
  });

  it('stores a parameter in Parameter Store as version 1', async () => {
    expect(await aws('ssm', 'put-parameter', '--name', '/api/mode', '--value', 'blue', '--type', 'String')).toMatchObject({ Version: 1 });
  });

  it('answers each service in its own error names', async () => {
    expect(await awsFails('iam', 'attach-role-policy', '--role-name', 'nobody', '--policy-arn', 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy')).toContain(
      'An error occurred (NoSuchEntity) when calling the AttachRolePolicy operation',
    );
    expect(await awsFails('iam', 'put-role-policy', '--role-name', 'ecsTaskExecutionRole', '--policy-name', 'broken', '--policy-document', '{"Statement": []}')).toContain(
      'An error occurred (MalformedPolicyDocument) when calling the PutRolePolicy operation: Policy document should have at least one Statement.',
    );
    expect(await awsFails('secretsmanager', 'create-secret', '--name', 'db-password', '--secret-string', 'again')).toContain(
      'An error occurred (ResourceExistsException) when calling the CreateSecret operation: The operation failed because the secret db-password already exists.',
    );
  });
});
