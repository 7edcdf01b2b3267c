import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateClusterCommand, DescribeClustersCommand, ListServicesCommand, type ECSClient } from '@aws-sdk/client-ecs';
import { clientFor, sdkFailure, startTestServer, type TestServer } from './test-server.js';

/**
 * Two students on one server, each with an access key of their own (so an account of their own), and both
 * with a cluster named "shop": one's cluster ARN never reaches the other's cluster.
 */
let t: TestServer;
let student: ECSClient;
let elsewhere: ECSClient;
let teacherCluster: string;
beforeAll(async () => {
  t = await startTestServer();
  student = clientFor(t.server, 'us-east-1', 'AKIASTUDENT0000001');
  elsewhere = clientFor(t.server, 'eu-west-1');
  teacherCluster = (await t.ecs.send(new CreateClusterCommand({ clusterName: 'shop' }))).cluster!.clusterArn!;
  await student.send(new CreateClusterCommand({ clusterName: 'shop' }));
});
afterAll(async () => {
  student.destroy();
  elsewhere.destroy();
  await t.close();
});

describe('a cluster ARN over the wire', () => {
  it('of another account is refused as ECS refuses it, though the caller has a cluster of that name', async () => {
    const { accounts } = (await t.sim('accounts')).body as { accounts: Array<{ accountId: string; accessKeyIds: string[] }> };
    const studentAccount = accounts.find((a) => a.accessKeyIds.includes('AKIASTUDENT0000001'))!.accountId;
    const teacherAccount = teacherCluster.split(':')[4];
    expect(await sdkFailure(student.send(new ListServicesCommand({ cluster: teacherCluster })))).toEqual({
      name: 'InvalidParameterException',
      message: `Invalid identifier: Identifier is for ${teacherAccount}. Your accountId is ${studentAccount}`,
    });
    const own = await student.send(new DescribeClustersCommand({ clusters: [teacherCluster.replace(teacherAccount, studentAccount)] }));
    expect(own.clusters?.map((c) => c.clusterName)).toEqual(['shop']);
  });

  it('of another Region is refused by the same account in the Region it calls', async () => {
    expect(await sdkFailure(elsewhere.send(new DescribeClustersCommand({ clusters: [teacherCluster] })))).toEqual({
      name: 'InvalidParameterException',
      message: 'Invalid identifier: Identifier is for us-east-1. Your region is eu-west-1',
    });
  });
});
