import { CreateClusterCommand, CreateServiceCommand, RegisterTaskDefinitionCommand, waitUntilServicesStable } from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import type { EcsServerOptions } from '../../core/shell/server/start-server.js';
import { startTestServer, type TestServer } from './test-server.js';

async function serviceOfTwo(options: EcsServerOptions): Promise<TestServer> {
  const t = await startTestServer(options);
  await t.ecs.send(new CreateClusterCommand({ clusterName: 'demo' }));
  await t.sim('instances', { cluster: 'demo', instanceType: 'm5.large', count: 2 });
  await t.ecs.send(new RegisterTaskDefinitionCommand({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 256 }] }));
  await t.ecs.send(new CreateServiceCommand({ cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 2 }));
  return t;
}

const waiterConfig = (t: TestServer) => ({ client: t.ecs, minDelay: 1, maxDelay: 1, maxWaitTime: 20 });

describe('waitUntilServicesStable', () => {
  it('with --clock manual, succeeds once the class advances virtual time', async () => {
    const t = await serviceOfTwo({ clock: 'manual' });
    try {
      const waiting = waitUntilServicesStable(waiterConfig(t), { cluster: 'demo', services: ['web'] });
      // The first poll sees nothing running: time stands still until someone moves it.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await t.sim('advance', { seconds: 60 })).body).toEqual({ now: 60 });
      expect((await waiting).state).toBe('SUCCESS');
    } finally {
      await t.close();
    }
  });

  it('with --speed 100, succeeds on its own as virtual time runs', async () => {
    const t = await serviceOfTwo({ clock: 'real', speed: 100 });
    try {
      const result = await waitUntilServicesStable(waiterConfig(t), { cluster: 'demo', services: ['web'] });
      expect(result.state).toBe('SUCCESS');
    } finally {
      await t.close();
    }
  });

  it('fails at once for a service that does not exist', async () => {
    const t = await serviceOfTwo({ clock: 'manual' });
    try {
      await expect(waitUntilServicesStable(waiterConfig(t), { cluster: 'demo', services: ['nope'] })).rejects.toThrow(/FAILURE/);
    } finally {
      await t.close();
    }
  });
});
