import {
  CreateExpressGatewayServiceCommand,
  DeleteExpressGatewayServiceCommand,
  DescribeExpressGatewayServiceCommand,
  DescribeServicesCommand,
  ResourceNotFoundException,
  UpdateExpressGatewayServiceCommand,
} from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('Express Mode through @aws-sdk/client-ecs', () => {
  it('creates an Express service, describes what it runs, rolls an update and deletes it, in the shapes the SDK parses', async () => {
    const created = await t.ecs.send(
      new CreateExpressGatewayServiceCommand({
        serviceName: 'web',
        infrastructureRoleArn: 'arn:aws:iam::123456789012:role/ecsInfrastructureRoleForExpressServices',
        executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
        primaryContainer: { image: 'public.ecr.aws/nginx/nginx:1.27', containerPort: 8080 },
        scalingTarget: { minTaskCount: 2, maxTaskCount: 4 },
      }),
    );
    const serviceArn = created.service!.serviceArn!;
    expect(serviceArn).toBe('arn:aws:ecs:us-east-1:123456789012:service/default/web');
    expect(created.service?.status?.statusCode).toBe('ACTIVE');
    expect(created.service?.createdAt?.toISOString()).toBe('2026-01-05T09:00:00.000Z');

    const { service } = await t.ecs.send(new DescribeExpressGatewayServiceCommand({ serviceArn }));
    const [configuration] = service!.activeConfigurations!;
    expect(configuration).toMatchObject({
      cpu: '1024',
      memory: '2048',
      healthCheckPath: '/ping',
      primaryContainer: { image: 'public.ecr.aws/nginx/nginx:1.27', containerPort: 8080 },
      scalingTarget: { minTaskCount: 2, maxTaskCount: 4, autoScalingMetric: 'AVERAGE_CPU', autoScalingTargetValue: 60 },
    });
    expect(configuration.ingressPaths?.[0]).toMatchObject({ accessType: 'PUBLIC', endpoint: expect.stringMatching(/^we-[0-9a-f]{32}\.ecs\.us-east-1\.on\.aws$/) });
    const { services } = await t.ecs.send(new DescribeServicesCommand({ services: ['web'] }));
    expect(services?.[0]).toMatchObject({ desiredCount: 2, launchType: 'FARGATE', deploymentConfiguration: { strategy: 'CANARY' } });

    const updated = await t.ecs.send(new UpdateExpressGatewayServiceCommand({ serviceArn, primaryContainer: { image: 'public.ecr.aws/nginx/nginx:1.28' } }));
    expect(updated.service?.targetConfiguration?.taskDefinitionArn).toBe('arn:aws:ecs:us-east-1:123456789012:task-definition/web:2');

    const deleted = await t.ecs.send(new DeleteExpressGatewayServiceCommand({ serviceArn }));
    expect(deleted.service?.status?.statusCode).toBe('DRAINING');
  });

  it('answers ResourceNotFoundException, as the SDK names it, for a service it does not know', async () => {
    const error = await t.ecs.send(new DescribeExpressGatewayServiceCommand({ serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/default/nope' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResourceNotFoundException);
  });
});
