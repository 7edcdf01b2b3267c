import { CreateClusterCommand, CreateServiceCommand, DescribeServicesCommand, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsService, cliPresent } from './aws-cli.js';
import { startTestServer, type TestServer } from './test-server.js';

let t: TestServer;
const { json: autoscalingJson, error: autoscalingError } = awsService(() => t.server.url, 'application-autoscaling');
const TARGET = ['--service-namespace', 'ecs', '--scalable-dimension', 'ecs:service:DesiredCount'];

describe.skipIf(!cliPresent)('aws application-autoscaling (JSON 1.1) against ecs-lab serve', () => {
  beforeAll(async () => {
    t = await startTestServer();
    await t.ecs.send(new CreateClusterCommand({ clusterName: 'demo' }));
    await t.sim('instances', { cluster: 'demo', instanceType: 'm5.large', count: 2 });
    await t.ecs.send(new RegisterTaskDefinitionCommand({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:1', memory: 256 }] }));
    await t.ecs.send(new CreateServiceCommand({ cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 1 }));
    await t.ecs.send(new CreateServiceCommand({ cluster: 'demo', serviceName: 'api', taskDefinition: 'web', desiredCount: 1 }));
    await t.sim('run-until-steady', { cluster: 'demo', service: 'web' });
  }, 60_000);
  afterAll(() => t.close());

  it('runs a scheduled action that raises the minimum, and shows it as a scaling activity', async () => {
    await autoscalingJson('register-scalable-target', ...TARGET, '--resource-id', 'service/demo/web', '--min-capacity', '1', '--max-capacity', '5');
    // Virtual time starts at 2026-01-05T09:00:00Z; the action is due five minutes later.
    await autoscalingJson(
      'put-scheduled-action', ...TARGET, '--resource-id', 'service/demo/web', '--scheduled-action-name', 'morning',
      '--schedule', 'at(2026-01-05T09:05:00)', '--scalable-target-action', 'MinCapacity=3,MaxCapacity=5',
    );
    await t.sim('advance', { seconds: 600 });
    const { ScalingActivities } = await autoscalingJson('describe-scaling-activities', '--service-namespace', 'ecs', '--resource-id', 'service/demo/web');
    expect(ScalingActivities).toEqual([
      expect.objectContaining({ ResourceId: 'service/demo/web', Description: 'Setting desired count to 3.', StatusCode: 'Successful', StartTime: expect.stringMatching(/^2026-01-05T09:0\d/) }),
    ]);
    const { services = [] } = await t.ecs.send(new DescribeServicesCommand({ cluster: 'demo', services: ['web'] }));
    expect(services[0]).toMatchObject({ desiredCount: 3, runningCount: 3 });
  });

  it('answers a scalable target for a service that does not exist with ValidationException', async () => {
    const message = await autoscalingError('register-scalable-target', ...TARGET, '--resource-id', 'service/demo/nope', '--min-capacity', '1', '--max-capacity', '2');
    expect(message).toContain("An error occurred (ValidationException) when calling the RegisterScalableTarget operation: ECS service doesn't exist: service/demo/nope");
  });

  it('answers the activities of a target never registered with ObjectNotFoundException', async () => {
    const message = await autoscalingError('describe-scaling-activities', '--service-namespace', 'ecs', '--resource-id', 'service/demo/other');
    expect(message).toContain('An error occurred (ObjectNotFoundException) when calling the DescribeScalingActivities operation');
  });

  it('lists the registered scalable targets, those of --resource-ids, and a page at a time with --max-results', async () => {
    await autoscalingJson('register-scalable-target', ...TARGET, '--resource-id', 'service/demo/web', '--min-capacity', '1', '--max-capacity', '5');
    await autoscalingJson('register-scalable-target', ...TARGET, '--resource-id', 'service/demo/api', '--min-capacity', '2', '--max-capacity', '4');
    const all = await autoscalingJson('describe-scalable-targets', '--service-namespace', 'ecs');
    expect(all.ScalableTargets.map((target: { ResourceId: string }) => target.ResourceId)).toEqual(['service/demo/web', 'service/demo/api']);
    const { ScalableTargets } = await autoscalingJson('describe-scalable-targets', '--service-namespace', 'ecs', '--resource-ids', 'service/demo/api');
    expect(ScalableTargets).toEqual([
      expect.objectContaining({ ServiceNamespace: 'ecs', ResourceId: 'service/demo/api', ScalableDimension: 'ecs:service:DesiredCount', MinCapacity: 2, MaxCapacity: 4 }),
    ]);
    const page = await autoscalingJson('describe-scalable-targets', '--service-namespace', 'ecs', '--no-paginate', '--max-results', '1');
    expect(page.ScalableTargets.map((target: { ResourceId: string }) => target.ResourceId)).toEqual(['service/demo/web']);
    const next = await autoscalingJson('describe-scalable-targets', '--service-namespace', 'ecs', '--no-paginate', '--max-results', '1', '--next-token', page.NextToken);
    expect(next.ScalableTargets.map((target: { ResourceId: string }) => target.ResourceId)).toEqual(['service/demo/api']);
    expect(next.NextToken).toBeUndefined();
  });

  it('describes a scaling policy as it was put, and deletes it', async () => {
    await autoscalingJson('register-scalable-target', ...TARGET, '--resource-id', 'service/demo/api', '--min-capacity', '2', '--max-capacity', '4');
    const configuration = { TargetValue: 60, PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' }, ScaleInCooldown: 120, ScaleOutCooldown: 30 };
    const { PolicyARN } = await autoscalingJson(
      'put-scaling-policy', ...TARGET, '--resource-id', 'service/demo/api', '--policy-name', 'cpu60', '--policy-type', 'TargetTrackingScaling',
      '--target-tracking-scaling-policy-configuration', JSON.stringify(configuration),
    );
    const described = await autoscalingJson('describe-scaling-policies', '--service-namespace', 'ecs', '--resource-id', 'service/demo/api', '--policy-names', 'cpu60');
    expect(described.ScalingPolicies).toEqual([
      expect.objectContaining({
        PolicyARN, PolicyName: 'cpu60', ResourceId: 'service/demo/api', PolicyType: 'TargetTrackingScaling',
        TargetTrackingScalingPolicyConfiguration: expect.objectContaining(configuration),
      }),
    ]);
    expect(await autoscalingJson('delete-scaling-policy', ...TARGET, '--resource-id', 'service/demo/api', '--policy-name', 'cpu60')).toEqual({});
    expect((await autoscalingJson('describe-scaling-policies', '--service-namespace', 'ecs', '--resource-id', 'service/demo/api')).ScalingPolicies).toEqual([]);
    const message = await autoscalingError('delete-scaling-policy', ...TARGET, '--resource-id', 'service/demo/api', '--policy-name', 'cpu60');
    expect(message).toContain('An error occurred (ObjectNotFoundException) when calling the DeleteScalingPolicy operation: No scaling policy found');
  });

  it('refuses to deregister a target never registered, changing nothing, and deregisters one with its policies', async () => {
    await autoscalingJson('register-scalable-target', ...TARGET, '--resource-id', 'service/demo/api', '--min-capacity', '2', '--max-capacity', '4');
    await autoscalingJson(
      'put-scaling-policy', ...TARGET, '--resource-id', 'service/demo/api', '--policy-name', 'cpu50', '--policy-type', 'TargetTrackingScaling',
      '--target-tracking-scaling-policy-configuration', '{"TargetValue":50,"PredefinedMetricSpecification":{"PredefinedMetricType":"ECSServiceAverageCPUUtilization"}}',
    );
    const message = await autoscalingError('deregister-scalable-target', ...TARGET, '--resource-id', 'service/demo/nope');
    expect(message).toContain('An error occurred (ObjectNotFoundException) when calling the DeregisterScalableTarget operation: No scalable target registered');
    const listed = async () => (await autoscalingJson('describe-scalable-targets', '--service-namespace', 'ecs')).ScalableTargets.map((target: { ResourceId: string }) => target.ResourceId);
    expect(await listed()).toContain('service/demo/api');
    expect(await autoscalingJson('deregister-scalable-target', ...TARGET, '--resource-id', 'service/demo/api')).toEqual({});
    expect(await listed()).not.toContain('service/demo/api');
    expect((await autoscalingJson('describe-scaling-policies', '--service-namespace', 'ecs', '--resource-id', 'service/demo/api')).ScalingPolicies).toEqual([]);
  });
});
