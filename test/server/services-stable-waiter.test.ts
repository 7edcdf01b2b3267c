import { CreateClusterCommand, CreateServiceCommand, RegisterTaskDefinitionCommand, waitUntilServicesStable } from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import { startTestServer } from './test-server.js';

// The manual clock, every other waiter and the AWS CLI's are in ecs-waiters.test.ts.
describe('waitUntilServicesStable', () => {
  it('with --speed 100, succeeds on its own as virtual time runs', async () => {
    const t = await startTestServer({ clock: 'real', speed: 100 });
    try {
      await t.ecs.send(new CreateClusterCommand({ clusterName: 'demo' }));
      await t.sim('instances', { cluster: 'demo', instanceType: 'm5.large', count: 2 });
      await t.ecs.send(new RegisterTaskDefinitionCommand({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 256 }] }));
      await t.ecs.send(new CreateServiceCommand({ cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 2 }));
      const result = await waitUntilServicesStable({ client: t.ecs, minDelay: 1, maxDelay: 1, maxWaitTime: 20 }, { cluster: 'demo', services: ['web'] });
      expect(result.state).toBe('SUCCESS');
    } finally {
      await t.close();
    }
  });
});
