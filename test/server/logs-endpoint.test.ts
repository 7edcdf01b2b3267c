import { CreateClusterCommand, RegisterTaskDefinitionCommand, RunTaskCommand } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsService, cliPresent } from './aws-cli.js';
import { startTestServer, type TestServer } from './test-server.js';

let t: TestServer;
const { json: logs, error: logsError } = awsService(() => t.server.url, 'logs');

describe.skipIf(!cliPresent)('aws logs (CloudWatch Logs, JSON 1.1) against ecs-lab serve', () => {
  let taskId: string;

  beforeAll(async () => {
    t = await startTestServer();
    await logs('create-log-group', '--log-group-name', '/ecs/worker');
    await t.ecs.send(new CreateClusterCommand({ clusterName: 'demo' }));
    await t.sim('instances', { cluster: 'demo', instanceType: 'm5.large', count: 1 });
    await t.sim('images', { image: 'worker:1', behaviour: { crashAfterSeconds: 20, exitCode: 0, logs: { atStart: ['starting batch 7'], atExit: 'batch 7 done' } } });
    await t.ecs.send(
      new RegisterTaskDefinitionCommand({
        family: 'worker',
        containerDefinitions: [
          { name: 'app', image: 'worker:1', memory: 128, logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/worker', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs' } } },
        ],
      }),
    );
    const { tasks = [] } = await t.ecs.send(new RunTaskCommand({ cluster: 'demo', taskDefinition: 'worker' }));
    taskId = tasks[0].taskArn!.split('/').pop()!;
    await t.sim('advance', { seconds: 60 });
  }, 60_000);
  afterAll(() => t.close());

  it("reads back the lines a task's container printed, from the stream the awslogs driver named", async () => {
    const { logStreams } = await logs('describe-log-streams', '--log-group-name', '/ecs/worker');
    expect(logStreams.map((s: { logStreamName: string }) => s.logStreamName)).toEqual([`ecs/app/${taskId}`]);
    const { events } = await logs('get-log-events', '--log-group-name', '/ecs/worker', '--log-stream-name', `ecs/app/${taskId}`, '--start-from-head');
    expect(events.map((e: { message: string }) => e.message)).toEqual(['starting batch 7', 'batch 7 done']);
  });

  it('keeps a retention policy on the group, as describe-log-groups shows', async () => {
    await logs('put-retention-policy', '--log-group-name', '/ecs/worker', '--retention-in-days', '7');
    const { logGroups } = await logs('describe-log-groups', '--log-group-name-prefix', '/ecs/');
    expect(logGroups).toEqual([expect.objectContaining({ logGroupName: '/ecs/worker', retentionInDays: 7 })]);
  });

  it('answers a second group of the same name with ResourceAlreadyExistsException', async () => {
    expect(await logsError('create-log-group', '--log-group-name', '/ecs/worker')).toContain(
      'An error occurred (ResourceAlreadyExistsException) when calling the CreateLogGroup operation: The specified log group already exists',
    );
  });

  it('answers a stream that does not exist with ResourceNotFoundException', async () => {
    expect(await logsError('get-log-events', '--log-group-name', '/ecs/worker', '--log-stream-name', 'ecs/app/nope')).toContain(
      'An error occurred (ResourceNotFoundException) when calling the GetLogEvents operation: The specified log stream does not exist.',
    );
  });
});
