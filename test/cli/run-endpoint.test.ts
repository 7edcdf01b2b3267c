import { readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ecsLab as run } from './ecs-lab-cli.js';
import { startServeProcess, type ServeProcess } from './serve-process.js';

const FEATURES = readdirSync('scenarios/features')
  .filter((f) => f.endsWith('.feature'))
  .map((f) => `scenarios/features/${f}`);

const ecsLab = (...args: string[]) => run(args);

/** An ECS endpoint that is not ecs-lab: it answers ECS calls, and 404 to anything under /_sim. */
function startPlainEcsStub(): Promise<Server> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      if (request.url?.startsWith('/_sim')) {
        response.writeHead(404, { 'Content-Type': 'text/plain' });
        response.end('Not Found');
        return;
      }
      const action = String(request.headers['x-amz-target'] ?? '').split('.')[1];
      response.writeHead(200, { 'Content-Type': 'application/x-amz-json-1.1' });
      response.end(action === 'CreateCluster' ? JSON.stringify({ cluster: { clusterName: 'demo', status: 'ACTIVE' } }) : '{}');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const urlOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const summaryOf = (stdout: string) => stdout.trimEnd().split('\n').slice(-2);

let serve: ServeProcess;
beforeAll(async () => {
  serve = await startServeProcess();
}, 60_000);
afterAll(() => serve?.stop());

// Every feature twice, in-process and over HTTP: a minute on a busy machine.
describe('ecs-lab run --endpoint', { timeout: 300_000 }, () => {
  it('plays every feature over the wire with the same event log, step outcomes, progress and exit code as in-process', async () => {
    const json = ['--json', '--seed', '7', ...FEATURES];
    const [inProcess, overTheWire] = await Promise.all([ecsLab('run', ...json), ecsLab('run', '--endpoint', serve.url, ...json)]);
    expect(FEATURES).toEqual(expect.arrayContaining(['scenarios/features/rolling-update.feature', 'scenarios/features/spot-reclamation.feature', 'scenarios/features/circuit-breaker.feature']));
    expect(inProcess.stdout.split('\n').filter((line) => line.startsWith('{"type":"step"')).length).toBeGreaterThan(100);
    expect(overTheWire.code).toBe(inProcess.code);
    expect(overTheWire.stderr).toBe(inProcess.stderr);
    expect(overTheWire.stderr).toContain(`[${FEATURES.length}/${FEATURES.length}] `);
    expect(overTheWire.stdout).toBe(inProcess.stdout);
  });

  it('fails a step that needs the simulation control, with a clear message and exit code 1, against an endpoint without /_sim', async () => {
    const stub = await startPlainEcsStub();
    try {
      const { code, stdout, stderr } = await ecsLab('run', '--no-color', '--endpoint', urlOf(stub), 'scenarios/features/rolling-update.feature');
      expect(code).toBe(1);
      expect(stdout).toContain('✘ Given a cluster "demo" with 2 m5.large instances across 2 zones');
      expect(stdout).toContain(`This step needs ecs-lab's simulation control (/_sim, addInstances), which ${urlOf(stub)} does not offer`);
      expect(summaryOf(stdout)[0]).toBe('5 scenarios (5 failed)');
      expect(stderr).not.toMatch(/\n\s+at /);
    } finally {
      stub.close();
    }
  });

  it('says an endpoint cannot be reached, without a stack trace', async () => {
    const stub = await startPlainEcsStub();
    const url = urlOf(stub);
    await new Promise((resolve) => stub.close(resolve));
    const { code, stderr } = await ecsLab('run', '--endpoint', url, 'scenarios/features/rolling-update.feature');
    expect(code).toBe(1);
    expect(stderr).toContain(`Cannot reach ${url}: connect ECONNREFUSED`);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects a malformed endpoint URL before running anything', async () => {
    const { code, stderr, stdout } = await ecsLab('run', '--endpoint', '127.0.0.1:4566', 'scenarios/features/rolling-update.feature');
    expect(code).toBe(2);
    expect(stderr).toContain('"127.0.0.1:4566" is not an endpoint URL: give http(s)://host[:port], e.g. http://127.0.0.1:4566.');
    expect(stdout).toBe('');
  });
});
