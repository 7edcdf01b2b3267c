import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContinueServiceDeploymentCommand, ListGatewaysCommand } from '@aws-sdk/client-ecs';
import { sdkFailure, startTestServer, type TestServer } from './test-server.js';

/** The SDK sends what its types allow and more; the endpoint checks the newer operations' enums as ECS does. */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('the operations newer than the Smithy model, over the wire', () => {
  it('refuse a value outside their enums with InvalidParameterException naming the member', async () => {
    const arn = 'arn:aws:ecs:us-east-1:123456789012:service-deployment/default/web/0123456789abcdef';
    expect(await sdkFailure(t.ecs.send(new ContinueServiceDeploymentCommand({ serviceDeploymentArn: arn, hookId: 'h', action: 'PAUSE' as never })))).toEqual({
      name: 'InvalidParameterException',
      message: 'action must be one of ROLLBACK, CONTINUE (got "PAUSE").',
    });
    expect((await sdkFailure(t.ecs.send(new ListGatewaysCommand({ status: ['GONE' as never] }))))?.message).toMatch(/^status\[0\] must be one of ACTIVE, /);
  });
});
