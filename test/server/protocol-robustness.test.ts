import { ListTaskDefinitionsCommand, RegisterTaskDefinitionCommand, paginateListTaskDefinitions } from '@aws-sdk/client-ecs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEcsServer } from '../../core/shell/server/start-server.js';
import { rawCall, startTestServer, type TestServer } from './test-server.js';

const TARGET = 'AmazonEC2ContainerServiceV20141113';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('the AWS JSON 1.1 protocol edge', () => {
  it('answers malformed JSON with 400 SerializationException in the ECS error shape', async () => {
    const answer = await rawCall(t.server, `${TARGET}.ListClusters`, '{"clusterName": ');
    expect(answer.status).toBe(400);
    expect(answer.contentType).toBe('application/x-amz-json-1.1');
    expect(answer.body.__type).toBe('SerializationException');
    expect(answer.body.message).toMatch(/not valid JSON/);
  });

  it('answers an action ECS does not have with 400 UnknownOperationException', async () => {
    const answer = await rawCall(t.server, `${TARGET}.LaunchRockets`, '{}');
    expect(answer).toMatchObject({ status: 400, body: { __type: 'UnknownOperationException', message: 'LaunchRockets is not an Amazon ECS operation.' } });
  });

  it('never lets a target reach a private helper of the simulator', async () => {
    const answer = await rawCall(t.server, `${TARGET}.Call`, '{}');
    expect(answer.body.__type).toBe('UnknownOperationException');
  });

  it('checks an ECS action\'s request against the model before anything else', async () => {
    const answer = await rawCall(t.server, `${TARGET}.ExecuteCommand`, '{}');
    expect(answer.body).toEqual({ __type: 'InvalidParameterException', message: 'command should not be null or empty.' });
  });

  it('answers a target of another service with UnknownOperationException', async () => {
    const answer = await rawCall(t.server, 'DynamoDB_20120810.ListTables', '{}');
    expect(answer.status).toBe(400);
    expect(answer.body.__type).toBe('UnknownOperationException');
  });

  it('refuses a body over 1 MiB with 413 and a JSON error', async () => {
    const answer = await rawCall(t.server, `${TARGET}.ListClusters`, ' '.repeat(1024 * 1024 + 1));
    expect(answer.status).toBe(413);
    expect(answer.body.__type).toBe('RequestEntityTooLargeException');
    // The server is still there afterwards.
    expect((await rawCall(t.server, `${TARGET}.ListClusters`, '{}')).status).toBe(200);
  });

  it('rejects maxResults outside 1..100 on a paged list', async () => {
    const answer = await rawCall(t.server, `${TARGET}.ListClusters`, '{"maxResults": 0}');
    expect(answer.body).toMatchObject({ __type: 'InvalidParameterException' });
  });
});

describe('concurrency', () => {
  it('registers 300 revisions sent at once with no revision lost or repeated, while the clock ticks', async () => {
    const fast = await startEcsServer({ port: 0, speed: 1000 });
    const { ECSClient } = await import('@aws-sdk/client-ecs');
    const ecs = new ECSClient({ endpoint: fast.url, region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, maxAttempts: 1 });
    try {
      const registered = await Promise.all(
        Array.from({ length: 300 }, () =>
          ecs.send(new RegisterTaskDefinitionCommand({ family: 'load', containerDefinitions: [{ name: 'app', image: 'app:1', memory: 64 }] })),
        ),
      );
      const revisions = registered.map((r) => r.taskDefinition?.revision).sort((a, b) => a! - b!);
      expect(revisions).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
      const pages: number[] = [];
      for await (const page of paginateListTaskDefinitions({ client: ecs }, { familyPrefix: 'load' })) pages.push(page.taskDefinitionArns!.length);
      expect(pages).toEqual([100, 100, 100]);
      expect((await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: 'load', maxResults: 5 }))).nextToken).toBeDefined();
    } finally {
      ecs.destroy();
      await fast.close();
    }
  });
});

describe('binding', () => {
  let blocker: Server;
  beforeAll(async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => blocker.close(() => resolve())));

  it('fails with EADDRINUSE when the port is taken, and binds loopback by default', async () => {
    const { port } = blocker.address() as AddressInfo;
    await expect(startEcsServer({ port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    const server = await startEcsServer({ port: 0 });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await server.close();
  });
});
