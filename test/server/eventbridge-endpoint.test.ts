import { CreateClusterCommand, ListTasksCommand, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsError, awsJson, cliPresent } from './aws-cli.js';
import { startTestServer, type TestServer } from './test-server.js';

let t: TestServer;
const eventsError = (...args: string[]) => awsError(t.server.url, ['events', ...args]);
const eventsJson = (...args: string[]) => awsJson(t.server.url, ['events', ...args]);

/** A target that runs one task of `family` on the cluster "demo", as `aws events put-targets --targets` takes it. */
function ecsTarget(clusterArn: string, family: string): string {
  return JSON.stringify([{ Id: family, Arn: clusterArn, RoleArn: 'arn:aws:iam::123456789012:role/ecsEventsRole', EcsParameters: { TaskDefinitionArn: family, TaskCount: 1, LaunchType: 'EC2' } }]);
}

async function tasksStartedBy(rule: string): Promise<string[]> {
  const { taskArns = [] } = await t.ecs.send(new ListTasksCommand({ cluster: 'demo', startedBy: `events-rule/${rule}` }));
  return taskArns;
}

describe.skipIf(!cliPresent)('aws events (Amazon EventBridge, JSON 1.1) against ecs-lab serve', () => {
  let clusterArn: string;

  beforeAll(async () => {
    t = await startTestServer();
    const { cluster } = await t.ecs.send(new CreateClusterCommand({ clusterName: 'demo' }));
    clusterArn = cluster!.clusterArn!;
    await t.sim('instances', { cluster: 'demo', instanceType: 'm5.large', count: 1 });
    for (const family of ['report', 'invoice']) {
      await t.ecs.send(new RegisterTaskDefinitionCommand({ family, containerDefinitions: [{ name: family, image: `${family}:1`, memory: 128 }] }));
    }
  }, 60_000);
  afterAll(() => t.close());

  it('runs the target task of a scheduled rule when the schedule comes round', async () => {
    const { RuleArn } = await eventsJson('put-rule', '--name', 'every-5-minutes', '--schedule-expression', 'rate(5 minutes)');
    expect(RuleArn).toBe('arn:aws:events:us-east-1:123456789012:rule/every-5-minutes');
    expect(await eventsJson('put-targets', '--rule', 'every-5-minutes', '--targets', ecsTarget(clusterArn, 'report'))).toEqual({ FailedEntryCount: 0, FailedEntries: [] });
    expect(await tasksStartedBy('every-5-minutes')).toHaveLength(0);
    await t.sim('advance', { seconds: 301 });
    expect(await tasksStartedBy('every-5-minutes')).toHaveLength(1);
    const rule = await eventsJson('describe-rule', '--name', 'every-5-minutes');
    expect(rule).toMatchObject({ Name: 'every-5-minutes', Arn: RuleArn, ScheduleExpression: 'rate(5 minutes)', State: 'ENABLED' });
  });

  it('runs the target task of a pattern rule when put-events sends a matching event', async () => {
    await eventsJson('put-rule', '--name', 'on-order', '--event-pattern', JSON.stringify({ source: ['shop.orders'], 'detail-type': ['Order Placed'] }));
    await eventsJson('put-targets', '--rule', 'on-order', '--targets', ecsTarget(clusterArn, 'invoice'));
    const sent = await eventsJson('put-events', '--entries', JSON.stringify([{ Source: 'shop.orders', DetailType: 'Order Placed', Detail: '{"order": 7}' }]));
    expect(sent).toMatchObject({ FailedEntryCount: 0, Entries: [{ EventId: expect.any(String) }] });
    await t.sim('advance', { seconds: 1 });
    expect(await tasksStartedBy('on-order')).toHaveLength(1);
  });

  it('answers targets for a rule that does not exist with ResourceNotFoundException', async () => {
    const message = await eventsError('put-targets', '--rule', 'nope', '--targets', ecsTarget(clusterArn, 'report'));
    expect(message).toContain('An error occurred (ResourceNotFoundException) when calling the PutTargets operation: Rule nope does not exist.');
  });

  it('answers a schedule it cannot read with ValidationException', async () => {
    const message = await eventsError('put-rule', '--name', 'broken', '--schedule-expression', 'every tuesday');
    expect(message).toContain('An error occurred (ValidationException) when calling the PutRule operation: ScheduleExpression must be rate(...) or cron(...)');
  });
});
