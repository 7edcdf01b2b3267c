import {
  CreateClusterCommand,
  CreateServiceCommand,
  DeleteServiceCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StopTaskCommand,
  UpdateServiceCommand,
  waitUntilServicesInactive,
  waitUntilServicesStable,
  waitUntilTasksRunning,
  waitUntilTasksStopped,
} from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsCli, cliPresent } from './aws-cli.js';
import { startTestServer, type TestServer } from './test-server.js';

/**
 * Every ECS waiter, in the JS SDK and in Debian's AWS CLI, against one `serve --clock manual`: a script moves
 * virtual time through /_sim, then waits, as a user's deploy script would. Each waiter must return on its first
 * poll: the CLI polls every 6 or 15 s of real time and has no flag to change that, so a waiter that does not
 * succeed at once shows as a test that runs out of time.
 */

let t: TestServer;
const services = { cluster: 'demo', services: ['web'] };
const sdkWaiter = () => ({ client: t.ecs, minDelay: 1, maxDelay: 1, maxWaitTime: 10 });
const cliWait = async (...args: string[]) => (cliPresent ? (await awsCli(t.server.url, ['ecs', 'wait', ...args])).code : 0);

/** The SDK's waiter and the CLI's `aws ecs wait` at once: both must succeed. */
async function bothSucceed(sdk: Promise<{ state: string }>, ...cli: string[]): Promise<void> {
  const [sdkResult, cliCode] = await Promise.all([sdk, cliWait(...cli)]);
  expect(sdkResult.state).toBe('SUCCESS');
  expect(cliCode).toBe(0);
}

const servicesStable = () => bothSucceed(waitUntilServicesStable(sdkWaiter(), services), 'services-stable', '--cluster', 'demo', '--services', 'web');
const settle = () => t.sim('run-until-steady', { cluster: 'demo', service: 'web' });

beforeAll(async () => {
  t = await startTestServer({ clock: 'manual' });
  await t.ecs.send(new CreateClusterCommand({ clusterName: 'demo' }));
  await t.sim('instances', { cluster: 'demo', instanceType: 'm5.large', count: 2 });
  await t.sim('images', { image: 'web:broken', behaviour: { pullError: 'CannotPullContainerError: web:broken: not found' } });
  for (const image of ['web:1', 'web:2', 'web:broken']) {
    await t.ecs.send(new RegisterTaskDefinitionCommand({ family: 'web', containerDefinitions: [{ name: 'web', image, memory: 256 }] }));
  }
});
afterAll(() => t.close());

describe('the ECS waiters against ecs-lab serve --clock manual', () => {
  it('services-stable: after create, once virtual time moves', async () => {
    await t.ecs.send(
      new CreateServiceCommand({
        ...{ cluster: 'demo', serviceName: 'web', taskDefinition: 'web:1', desiredCount: 2 },
        deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } },
      }),
    );
    const waiting = waitUntilServicesStable(sdkWaiter(), services);
    // The first poll sees nothing running: time stands still until the script moves it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await t.sim('advance', { seconds: 60 })).body).toEqual({ now: 60 });
    expect((await waiting).state).toBe('SUCCESS');
    expect(await cliWait('services-stable', '--cluster', 'demo', '--services', 'web')).toBe(0);
  });

  it('services-stable: after an update, scaling out and in, and a rollback, the replaced deployments are no longer listed', async () => {
    await t.ecs.send(new UpdateServiceCommand({ cluster: 'demo', service: 'web', taskDefinition: 'web:2' }));
    await settle();
    await servicesStable();
    await t.ecs.send(new UpdateServiceCommand({ cluster: 'demo', service: 'web', desiredCount: 4 }));
    await settle();
    await servicesStable();
    await t.ecs.send(new UpdateServiceCommand({ cluster: 'demo', service: 'web', desiredCount: 1 }));
    await settle();
    await servicesStable();
    // web:3 cannot be pulled: the circuit breaker fails the deployment and rolls back to web:2.
    await t.ecs.send(new UpdateServiceCommand({ cluster: 'demo', service: 'web', taskDefinition: 'web:3' }));
    await t.sim('advance', { seconds: 900 });
    await servicesStable();
  });

  it('tasks-running and tasks-stopped', async () => {
    const { tasks } = await t.ecs.send(new RunTaskCommand({ cluster: 'demo', taskDefinition: 'web:1' }));
    const task = tasks![0].taskArn!;
    await t.sim('advance', { seconds: 60 });
    await bothSucceed(waitUntilTasksRunning(sdkWaiter(), { cluster: 'demo', tasks: [task] }), 'tasks-running', '--cluster', 'demo', '--tasks', task);
    await t.ecs.send(new StopTaskCommand({ cluster: 'demo', task }));
    await t.sim('advance', { seconds: 60 });
    await bothSucceed(waitUntilTasksStopped(sdkWaiter(), { cluster: 'demo', tasks: [task] }), 'tasks-stopped', '--cluster', 'demo', '--tasks', task);
  });

  it('services-inactive: after delete, once its tasks have stopped', async () => {
    await t.ecs.send(new DeleteServiceCommand({ cluster: 'demo', service: 'web', force: true }));
    await t.sim('advance', { seconds: 120 });
    await bothSucceed(waitUntilServicesInactive(sdkWaiter(), services), 'services-inactive', '--cluster', 'demo', '--services', 'web');
  });

  it('services-stable fails at once for a service that does not exist', async () => {
    await expect(waitUntilServicesStable(sdkWaiter(), { cluster: 'demo', services: ['nope'] })).rejects.toThrow(/FAILURE/);
    expect(await cliWait('services-stable', '--cluster', 'demo', '--services', 'nope')).toBe(cliPresent ? 255 : 0);
  });
});
