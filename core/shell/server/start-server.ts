import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { controlTokenFor } from './control-token.js';
import { RealTimeDriver } from './real-time-driver.js';
import { RegionalSimulators } from './regional-simulators.js';
import { BODY_LIMIT_BYTES } from './read-body.js';
import { createRequestHandler, type RequestRecord } from './request-handler.js';

export interface EcsServerOptions {
  /** 0 picks a free port. Default 4566. */
  port?: number;
  /** Default 127.0.0.1: a simulator has no business on the network unless asked. */
  host?: string;
  seed?: number;
  /** Virtual seconds per real second; ignored with `clock: 'manual'`. Default 1. */
  speed?: number;
  /** `manual`: time moves only through /_sim/advance and /_sim/run-until-steady. */
  clock?: 'real' | 'manual';
  /** The account of unsigned requests and of the access key id `test`; every other key has its own (accounts.ts). */
  accountId?: string;
  region?: string;
  /** Required on every /_sim/ request. Default: none on the loopback interface, a random one elsewhere (control-token.ts). */
  controlToken?: string;
  /** At most this many accounts × regions (see RegionalOptions). */
  maxSimulators?: number;
  bodyLimitBytes?: number;
  onRequest?: (record: RequestRecord) => void;
  /** An engine failure while the clock ticks (no request to answer it). Default: a line on stderr. */
  onEngineError?: (error: unknown) => void;
}

export interface EcsServer {
  /** `http://host:port`, the --endpoint-url to give clients. */
  url: string;
  port: number;
  /** The token /_sim/ requests must carry, if any: the instructor's, to print. */
  controlToken?: string;
  close: () => Promise<void>;
}

function reportEngineError(error: unknown): void {
  process.stderr.write(`ecs-lab serve: the simulator failed while time ran: ${error instanceof Error ? error.stack : String(error)}\n`);
}

/** Starts the ECS endpoint; rejects with the listen error (EADDRINUSE, EACCES) if it cannot bind. */
export async function startEcsServer(options: EcsServerOptions = {}): Promise<EcsServer> {
  const simulators = new RegionalSimulators({
    seed: options.seed ?? 1,
    accountId: options.accountId ?? '123456789012',
    defaultRegion: options.region ?? 'us-east-1',
    maxSimulators: options.maxSimulators,
  });
  const driver = options.clock === 'manual' ? undefined : new RealTimeDriver(simulators, options.speed ?? 1, options.onEngineError ?? reportEngineError);
  const streams = new Set<() => void>();
  const host = options.host ?? '127.0.0.1';
  const controlToken = controlTokenFor(host, options.controlToken);
  const server = createServer(
    createRequestHandler({
      simulators,
      timeJumped: () => driver?.rebase(),
      catchUp: () => driver?.sync(),
      bodyLimitBytes: options.bodyLimitBytes ?? BODY_LIMIT_BYTES,
      streams,
      controlToken,
      onRequest: options.onRequest,
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4566, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  driver?.start();
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    controlToken,
    close: () =>
      new Promise<void>((resolve, reject) => {
        driver?.stop();
        for (const end of streams) end();
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets of SDK clients would otherwise hold close() open.
        server.closeIdleConnections();
      }),
  };
}
