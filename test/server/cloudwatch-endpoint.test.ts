import { CreateClusterCommand, CreateServiceCommand, DescribeServicesCommand, RegisterTaskDefinitionCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsService, cliPresent } from './aws-cli.js';
import { rawCall, startTestServer, type TestServer } from './test-server.js';

let t: TestServer;
const { json: cloudwatchJson, error: cloudwatchError } = awsService(() => t.server.url, 'cloudwatch');
const CPU_ALARM = [
  '--namespace', 'AWS/ECS', '--metric-name', 'CPUUtilization', '--dimensions', 'Name=ClusterName,Value=demo', 'Name=ServiceName,Value=web',
  '--statistic', 'Average', '--evaluation-periods', '3', '--datapoints-to-alarm', '2', '--threshold', '75.5', '--comparison-operator', 'GreaterThanThreshold',
];

describe.skipIf(!cliPresent)('aws cloudwatch (AWS Query protocol) against ecs-lab serve', () => {
  beforeAll(async () => {
    t = await startTestServer();
    await t.ecs.send(new CreateClusterCommand({ clusterName: 'demo' }));
    await t.sim('instances', { cluster: 'demo', instanceType: 'm5.large', count: 2 });
    for (const image of ['web:1', 'web:2']) {
      await t.ecs.send(new RegisterTaskDefinitionCommand({ family: 'web', containerDefinitions: [{ name: 'web', image, memory: 256 }] }));
    }
    await t.ecs.send(
      new CreateServiceCommand({
        cluster: 'demo',
        serviceName: 'web',
        taskDefinition: 'web:1',
        desiredCount: 2,
        deploymentConfiguration: { alarms: { alarmNames: ['web-5xx'], enable: true, rollback: true } },
      }),
    );
    await t.sim('run-until-steady', { cluster: 'demo', service: 'web' });
  }, 60_000);
  afterAll(() => t.close());

  it('fails and rolls back a deployment whose alarm set-alarm-state puts into ALARM', async () => {
    await t.ecs.send(new UpdateServiceCommand({ cluster: 'demo', service: 'web', taskDefinition: 'web:2' }));
    expect(await cloudwatchJson('set-alarm-state', '--alarm-name', 'web-5xx', '--state-value', 'ALARM', '--state-reason', '5xx above 1%')).toEqual({});
    await t.sim('advance', { seconds: 60 });
    const { services = [] } = await t.ecs.send(new DescribeServicesCommand({ cluster: 'demo', services: ['web'] }));
    const [service] = services;
    const messages = service.events?.map((e) => e.message) ?? [];
    expect(messages.some((m) => m?.endsWith('deployment failed: alarm detected (web-5xx).'))).toBe(true);
    expect(messages.some((m) => m?.startsWith('(service web) rolling back to deployment'))).toBe(true);
    expect(service.taskDefinition).toMatch(/task-definition\/web:1$/);
    expect(service.deployments?.[0]).toMatchObject({ status: 'PRIMARY', rolloutState: 'COMPLETED', runningCount: 2 });
  });

  it('creates a metric alarm on the service CPU and describes it with its numbers and state', async () => {
    expect(await cloudwatchJson('put-metric-alarm', '--alarm-name', 'web-cpu-high', '--period', '60', ...CPU_ALARM)).toEqual({});
    await cloudwatchJson('set-alarm-state', '--alarm-name', 'web-cpu-high', '--state-value', 'ALARM', '--state-reason', 'drill');
    const { MetricAlarms } = await cloudwatchJson('describe-alarms', '--alarm-names', 'web-cpu-high');
    expect(MetricAlarms).toEqual([
      expect.objectContaining({
        AlarmName: 'web-cpu-high',
        Namespace: 'AWS/ECS',
        Dimensions: [{ Name: 'ClusterName', Value: 'demo' }, { Name: 'ServiceName', Value: 'web' }],
        Period: 60,
        EvaluationPeriods: 3,
        DatapointsToAlarm: 2,
        Threshold: 75.5,
        StateValue: 'ALARM',
      }),
    ]);
  });

  it('answers a metric alarm the simulator cannot evaluate with InvalidParameterValue, and creates none', async () => {
    const message = await cloudwatchError('put-metric-alarm', '--alarm-name', 'web-cpu-5min', '--period', '300', ...CPU_ALARM);
    expect(message).toContain('An error occurred (InvalidParameterValue) when calling the PutMetricAlarm operation: Period must be 60');
    expect(await cloudwatchJson('describe-alarms', '--alarm-names', 'web-cpu-5min')).toMatchObject({ MetricAlarms: [] });
  });

  it('answers a state CloudWatch does not have with InvalidParameterValue', async () => {
    const message = await cloudwatchError('set-alarm-state', '--alarm-name', 'web-5xx', '--state-value', 'BROKEN', '--state-reason', 'x');
    expect(message).toContain('An error occurred (InvalidParameterValue) when calling the SetAlarmState operation: state must be one of OK, ALARM, INSUFFICIENT_DATA');
  });
});

describe('CloudWatch over AWS JSON 1.0, as botocore 1.43 and AWS CLI v1.45 send it', () => {
  let json: TestServer;
  beforeAll(async () => {
    json = await startTestServer();
  });
  afterAll(() => json.close());

  it('creates and describes a metric alarm by the GraniteServiceVersion20100801 target', async () => {
    const alarm = { AlarmName: 'queue-deep', Namespace: 'AWS/SQS', MetricName: 'ApproximateNumberOfMessagesVisible', Dimensions: [{ Name: 'QueueName', Value: 'jobs' }], Statistic: 'Maximum', Period: 60, EvaluationPeriods: 1, Threshold: 100, ComparisonOperator: 'GreaterThanOrEqualToThreshold' };
    expect((await rawCall(json.server, 'GraniteServiceVersion20100801.PutMetricAlarm', JSON.stringify(alarm))).status).toBe(200);
    const described = await rawCall(json.server, 'GraniteServiceVersion20100801.DescribeAlarms', '{}');
    expect(described.body).toEqual({ MetricAlarms: [expect.objectContaining({ AlarmName: 'queue-deep', Threshold: 100, StateValue: expect.any(String) })] });
  });

  it('answers a bad value with the Query error code in __type, which query-compatible clients read', async () => {
    const answer = await rawCall(json.server, 'GraniteServiceVersion20100801.SetAlarmState', JSON.stringify({ AlarmName: 'queue-deep', StateValue: 'LOUD', StateReason: 'x' }));
    expect(answer).toMatchObject({ status: 400, body: { __type: 'InvalidParameterValue' } });
  });
});
