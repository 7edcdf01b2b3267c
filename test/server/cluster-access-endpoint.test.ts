import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsError, awsJson, cliPresent } from './aws-cli.js';
import { startTestServer, type TestServer } from './test-server.js';

let t: TestServer;
const DEVELOPER_KEY = 'AKIADEVELOPER';
const asAccount = (...args: string[]) => awsJson(t.server.url, args);
const asDeveloper = (...args: string[]) => awsJson(t.server.url, args, undefined, DEVELOPER_KEY);
const refusedToDeveloper = (...args: string[]) => awsError(t.server.url, args, undefined, DEVELOPER_KEY);
const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sts:AssumeRole' }] });
const DEV_ONLY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['ecs:ListServices', 'ecs:ListTasks'], Resource: 'arn:aws:ecs:*:123456789012:cluster/dev' }],
});

describe.skipIf(!cliPresent)('cluster access control through the AWS CLI (an access key mapped to an IAM role)', () => {
  beforeAll(async () => {
    t = await startTestServer();
    for (const name of ['dev', 'prod']) await asAccount('ecs', 'create-cluster', '--cluster-name', name);
    await asAccount('iam', 'create-role', '--role-name', 'developer', '--assume-role-policy-document', TRUST);
    await asAccount('iam', 'put-role-policy', '--role-name', 'developer', '--policy-name', 'dev-only', '--policy-document', DEV_ONLY);
    expect((await t.sim('principals', { accessKeyId: DEVELOPER_KEY, roleName: 'developer' })).status).toBe(200);
  });
  afterAll(() => t?.close());

  it('lets the developer list the dev cluster, as the policy allows', async () => {
    expect(await asDeveloper('ecs', 'list-services', '--cluster', 'dev')).toEqual({ serviceArns: [] });
  });

  it('answers the developer AccessDeniedException, in IAM\'s words, for the prod cluster and for an action not allowed', async () => {
    expect(await refusedToDeveloper('ecs', 'list-services', '--cluster', 'prod')).toBe(
      'An error occurred (AccessDeniedException) when calling the ListServices operation: User: arn:aws:sts::123456789012:assumed-role/developer/ecs-lab is not authorized to perform: ecs:ListServices on resource: arn:aws:ecs:us-east-1:123456789012:cluster/prod because no identity-based policy allows the ecs:ListServices action',
    );
    expect(await refusedToDeveloper('ecs', 'delete-cluster', '--cluster', 'dev')).toContain('ecs:DeleteCluster');
    expect((await asAccount('ecs', 'describe-clusters', '--clusters', 'dev')).clusters[0].status).toBe('ACTIVE');
  });

  it('refuses a principal for a role that does not exist, and lets a key call as the account again', async () => {
    const missing = await t.sim('principals', { accessKeyId: 'AKIAOTHER', roleName: 'nobody' });
    expect(missing).toMatchObject({ status: 400, body: { __type: 'NoSuchEntity' } });
    await t.sim('principals', { accessKeyId: DEVELOPER_KEY, roleName: null });
    expect((await asDeveloper('ecs', 'list-services', '--cluster', 'prod')).serviceArns).toEqual([]);
  });
});
