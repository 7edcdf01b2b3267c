import { CreateClusterCommand, ListTasksCommand, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsService, cliPresent } from './aws-cli.js';
import { startTestServer, type TestServer } from './test-server.js';

let t: TestServer;
const { json: eventsJson, error: eventsError } = awsService(() => t.server.url, 'events');

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

  it('lists the rules whose name starts with --name-prefix, a page at a time with --limit', async () => {
    for (const name of ['nightly-b', 'nightly-a', 'hourly']) await eventsJson('put-rule', '--name', name, '--schedule-expression', 'rate(1 day)');
    const { Rules } = await eventsJson('list-rules', '--name-prefix', 'nightly');
    expect(Rules).toEqual([
      { Name: 'nightly-a', Arn: 'arn:aws:events:us-east-1:123456789012:rule/nightly-a', ScheduleExpression: 'rate(1 day)', State: 'ENABLED', EventBusName: 'default' },
      expect.objectContaining({ Name: 'nightly-b' }),
    ]);
    const page = await eventsJson('list-rules', '--name-prefix', 'nightly', '--no-paginate', '--limit', '1');
    expect(page.Rules.map((r: { Name: string }) => r.Name)).toEqual(['nightly-a']);
    const next = await eventsJson('list-rules', '--name-prefix', 'nightly', '--no-paginate', '--limit', '1', '--next-token', page.NextToken);
    expect(next.Rules.map((r: { Name: string }) => r.Name)).toEqual(['nightly-b']);
    expect(next.NextToken).toBeUndefined();
  });

  it("lists a rule's targets, and refuses to delete the rule until remove-targets has taken them away", async () => {
    await eventsJson('put-rule', '--name', 'cleanup', '--schedule-expression', 'rate(1 hour)');
    await eventsJson('put-targets', '--rule', 'cleanup', '--targets', ecsTarget(clusterArn, 'report'));
    const { Targets } = await eventsJson('list-targets-by-rule', '--rule', 'cleanup');
    expect(Targets).toEqual([{ Id: 'report', Arn: clusterArn, EcsParameters: { TaskDefinitionArn: 'report', TaskCount: 1, LaunchType: 'EC2' } }]);
    const refused = await eventsError('delete-rule', '--name', 'cleanup');
    expect(refused).toContain("An error occurred (ValidationException) when calling the DeleteRule operation: Rule can't be deleted since it has targets.");
    expect(await eventsJson('describe-rule', '--name', 'cleanup')).toMatchObject({ Name: 'cleanup' });
    // Ids the rule does not have are not an error: AWS does not document the case, this is the simulator's rule.
    expect(await eventsJson('remove-targets', '--rule', 'cleanup', '--ids', 'report', 'never-added')).toEqual({ FailedEntryCount: 0, FailedEntries: [] });
    expect((await eventsJson('list-targets-by-rule', '--rule', 'cleanup')).Targets).toEqual([]);
    expect(await eventsJson('delete-rule', '--name', 'cleanup')).toEqual({});
    expect(await eventsError('describe-rule', '--name', 'cleanup')).toContain('(ResourceNotFoundException)');
    // Deleting a rule that is gone succeeds, as EventBridge documents.
    expect(await eventsJson('delete-rule', '--name', 'cleanup')).toEqual({});
  });

  it('answers the targets of a rule that does not exist with ResourceNotFoundException', async () => {
    const message = await eventsError('list-targets-by-rule', '--rule', 'nope');
    expect(message).toContain('An error occurred (ResourceNotFoundException) when calling the ListTargetsByRule operation: Rule nope does not exist on EventBus default.');
  });
});
