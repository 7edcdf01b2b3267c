import { ECSClient } from '@aws-sdk/client-ecs';
import { startEcsServer, type EcsServer, type EcsServerOptions } from '../../core/shell/server/start-server.js';

/** A server of its own on a free loopback port, an SDK client for it, and a helper for the /_sim routes. */
export interface TestServer {
  server: EcsServer;
  ecs: ECSClient;
  sim: (route: string, body?: unknown, query?: string) => Promise<{ status: number; body: Record<string, unknown> }>;
  close: () => Promise<void>;
}

export const DUMMY_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

/** An SDK client of `server`; another access key id than `test` is another account (see accounts.ts). */
export function clientFor(server: EcsServer, region = 'us-east-1', accessKeyId = DUMMY_CREDENTIALS.accessKeyId): ECSClient {
  // maxAttempts 1: a test must see the first answer, not a retried one.
  return new ECSClient({ endpoint: server.url, region, credentials: { ...DUMMY_CREDENTIALS, accessKeyId }, maxAttempts: 1 });
}

export async function startTestServer(options: EcsServerOptions = {}): Promise<TestServer> {
  const server = await startEcsServer({ port: 0, clock: 'manual', ...options });
  const ecs = clientFor(server);
  const sim = async (route: string, body?: unknown, query = '') => {
    const response = await fetch(`${server.url}/_sim/${route}${query}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  return {
    server,
    ecs,
    sim,
    close: async () => {
      ecs.destroy();
      await server.close();
    },
  };
}

/** A raw AWS JSON 1.1 call, for what the SDK would never send (bad JSON, unknown targets). */
export async function rawCall(server: EcsServer, target: string, body: string) {
  const response = await fetch(`${server.url}/`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': target },
    body,
  });
  return { status: response.status, contentType: response.headers.get('content-type'), headers: response.headers, body: (await response.json()) as { __type: string; message: string } };
}

/** How an SDK call failed (the exception's name and message); `undefined` when it was answered. */
export const sdkFailure = (call: Promise<unknown>) => call.then(() => undefined, (error: Error) => ({ name: error.name, message: error.message }));
