import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EcsError, createSimulator } from '../../core/index.js';
import { HttpEndpoint } from '../../core/shell/remote/http-port.js';
import { inProcessPort } from '../../scenarios/port/in-process-port.js';
import type { SimulatorPort } from '../../scenarios/port/simulator-port.js';
import { startTestServer, type TestServer } from '../server/test-server.js';

// The port is asynchronous: the endpoint can live in the test's own process.
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

/** A port to a fresh in-process simulator and one to the endpoint's, reset, with the same seed. */
async function pair(seed = 1): Promise<{ local: SimulatorPort; remote: SimulatorPort }> {
  return { local: inProcessPort(createSimulator({ seed })), remote: await new HttpEndpoint(t.server.url).port(seed) };
}

async function deployWeb(port: SimulatorPort): Promise<void> {
  await port.call('ecs', 'createCluster', { clusterName: 'demo' });
  await port.control('addInstances', { cluster: 'demo', instanceType: 'm5.large', count: 2 });
  await port.call('ecs', 'registerTaskDefinition', { family: 'web', containerDefinitions: [{ name: 'web', image: 'web:1', cpu: 256, memory: 512, portMappings: [{ containerPort: 80 }] }] });
  await port.call('ecs', 'createService', { cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 2 });
}

const failureOf = (call: Promise<unknown>): Promise<Error> =>
  call.then(
    () => {
      throw new Error('the call did not fail');
    },
    (error: Error) => error,
  );

const runningCount = async (port: SimulatorPort) => (await port.call('ecs', 'describeServices', { cluster: 'demo', services: ['web'] })).services[0].runningCount;

describe('the simulator port over HTTP (ecs-lab run --endpoint)', () => {
  it('answers ECS reads exactly as the in-process port does, timestamps as epoch seconds', async () => {
    const answers = async (port: SimulatorPort) => {
      await deployWeb(port);
      await port.control('runUntilSteady', { cluster: 'demo', service: 'web' });
      const { taskArns } = await port.call('ecs', 'listTasks', { cluster: 'demo' });
      const { containerInstanceArns } = await port.call('ecs', 'listContainerInstances', { cluster: 'demo' });
      return {
        services: await port.call('ecs', 'describeServices', { cluster: 'demo', services: ['web'] }),
        tasks: await port.call('ecs', 'describeTasks', { cluster: 'demo', tasks: taskArns }),
        instances: await port.call('ecs', 'describeContainerInstances', { cluster: 'demo', containerInstances: containerInstanceArns }),
        taskDefinition: await port.call('ecs', 'describeTaskDefinition', { taskDefinition: 'web:1' }),
        frame: await port.frame(),
      };
    };
    const { local, remote } = await pair();
    const expected = await answers(local);
    const actual = await answers(remote);
    expect(JSON.parse(JSON.stringify(actual))).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(typeof actual.services.services[0].createdAt).toBe('number');
  });

  it('gives a list the endpoint pages whole, as the facade does', async () => {
    const { local, remote } = await pair();
    for (const port of [local, remote]) {
      await port.call('ecs', 'createCluster', { clusterName: 'big' });
      await port.control('addInstances', { cluster: 'big', instanceType: 't3.micro', count: 130 });
    }
    const arns = async (port: SimulatorPort) => (await port.call('ecs', 'listContainerInstances', { cluster: 'big' })).containerInstanceArns;
    expect(await arns(remote)).toHaveLength(130);
    expect(await arns(remote)).toEqual(await arns(local));
  });

  it('throws the same exception, name and message, as in-process: an ECS one and a neighbour service one', async () => {
    const { local, remote } = await pair();
    const create = (port: SimulatorPort) => port.call('ecs', 'createService', { cluster: 'nowhere', serviceName: 'web', taskDefinition: 'web', desiredCount: 1 });
    const twice = async (port: SimulatorPort) => {
      await port.call('iam', 'createRole', { RoleName: 'app' });
      await port.call('iam', 'createRole', { RoleName: 'app' });
    };
    for (const call of [create, twice]) {
      const expected = await failureOf(call(local));
      const actual = await failureOf(call(remote));
      expect(actual).toBeInstanceOf(EcsError);
      expect({ name: actual.name, message: actual.message }).toEqual({ name: expected.name, message: expected.message });
    }
  });

  it('stops a runUntil at the same virtual millisecond, and at the very limit when the condition never holds', async () => {
    const run = async (port: SimulatorPort) => {
      await deployWeb(port);
      const reached = await port.runUntil(async () => (await runningCount(port)) === 2, 600);
      const atRunning = await port.control('now');
      await port.call('ecs', 'updateService', { cluster: 'demo', service: 'web', desiredCount: 3 });
      await port.control('advance', 1.234);
      const never = await port.runUntil(async () => (await runningCount(port)) > 5, 61.5);
      return { reached, atRunning, never, end: await port.control('now'), events: (await port.control('eventsSince', 0)).length };
    };
    const { local, remote } = await pair();
    const expected = await run(local);
    expect(expected).toMatchObject({ reached: true, never: false });
    expect(await run(remote)).toEqual(expected);
  });

  it('keeps the marks a step takes for later calls (historyMark, then taskHistory from it)', async () => {
    const history = async (port: SimulatorPort) => {
      await deployWeb(port);
      await port.control('runUntilSteady', { cluster: 'demo', service: 'web' });
      const mark = await port.control('historyMark');
      await port.call('ecs', 'updateService', { cluster: 'demo', service: 'web', desiredCount: 4 });
      await port.control('runUntilSteady', { cluster: 'demo', service: 'web' });
      return port.control('taskHistory', 'web', 'demo', mark);
    };
    const { local, remote } = await pair();
    const expected = await history(local);
    expect(expected.length).toBeGreaterThan(1);
    expect(await history(remote)).toEqual(expected);
  });

  it('signs its ECS requests for the region it is given, which the endpoint reads from the signature', async () => {
    const port = await new HttpEndpoint(t.server.url, 'eu-west-1').port(1);
    const { cluster } = await port.call('ecs', 'createCluster', { clusterName: 'eu' });
    expect(cluster.clusterArn).toMatch(/^arn:aws:ecs:eu-west-1:/);
  });
});

describe('the simulator port over HTTP to an ECS endpoint without /_sim', () => {
  let stub: Server;
  let url: string;
  beforeAll(async () => {
    stub = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        if (request.url?.startsWith('/_sim')) return void response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not Found');
        response.writeHead(200, { 'Content-Type': 'application/x-amz-json-1.1' }).end(JSON.stringify({ clusterArns: ['arn:aws:ecs:us-east-1:123456789012:cluster/real'] }));
      });
    });
    await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => stub.close(() => resolve())));

  it('makes ECS calls, and fails what needs the simulation with a message saying so', async () => {
    const port = await new HttpEndpoint(url).port(1);
    expect(port.simulated).toBe(false);
    expect(await port.call('ecs', 'listClusters')).toEqual({ clusterArns: ['arn:aws:ecs:us-east-1:123456789012:cluster/real'] });
    const needs = `which ${url} does not offer: run it against \`ecs-lab serve\`.`;
    expect((await failureOf(port.control('advance', 60))).message).toBe(`This step needs ecs-lab's simulation control (/_sim, advance), ${needs}`);
    expect((await failureOf(port.call('iam', 'createRole', { RoleName: 'app' }))).message).toBe(`This step needs ecs-lab's simulated iam (/_sim, createRole), ${needs}`);
    expect((await failureOf(port.callAs('dev', 'listClusters'))).message).toBe(`This step needs ecs-lab's simulated IAM roles (/_sim, listClusters), ${needs}`);
  });

  it('says which endpoint cannot be reached, and why', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const gone = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect((await failureOf(new HttpEndpoint(gone).port(1))).message).toMatch(new RegExp(`^Cannot reach ${gone}: connect ECONNREFUSED`));
  });
});
