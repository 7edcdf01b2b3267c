import { readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateClusterCommand, ECSClient, ListClustersCommand } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ecsLab as run } from './ecs-lab-cli.js';
import { startServeProcess, type ServeProcess } from './serve-process.js';

const FEATURES = readdirSync('scenarios/features')
  .filter((f) => f.endsWith('.feature'))
  .map((f) => `scenarios/features/${f}`);

const ecsLab = (...args: string[]) => run(args);
/** A short feature over the wire: one scenario of ten steps. */
const SCENARIO = 'scenarios/features/rolling-update.feature:33';

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
const scenariosLine = (stdout: string) => stdout.split('\n').find((line) => /^\d+ scenarios? \(/.test(line));
/** The real time a run took is the one thing two runs do not share. */
const withoutRealTime = (stdout: string) => stdout.replace(/"realMs":\d+/, '"realMs":0');

/** A learner on a shared server, with the AWS SDK and an access key id of their own (their own account). */
const learner = (url: string) => new ECSClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'alice', secretAccessKey: 'x' }, maxAttempts: 1 });
const clustersOf = async (client: ECSClient) => (await client.send(new ListClustersCommand({}))).clusterArns?.map((arn) => arn.split('/')[1]);

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
    expect(withoutRealTime(overTheWire.stdout)).toBe(withoutRealTime(inProcess.stdout));
  });

  it('fails a step that needs the simulation control, with a clear message and exit code 1, against an endpoint without /_sim', async () => {
    const stub = await startPlainEcsStub();
    try {
      const { code, stdout, stderr } = await ecsLab('run', '--no-color', '--endpoint', urlOf(stub), 'scenarios/features/rolling-update.feature');
      expect(code).toBe(1);
      expect(stdout).toContain('✘ Given a cluster "demo" with 2 m5.large instances across 2 zones');
      expect(stdout).toContain(`This step needs ecs-lab's simulation control (/_sim, addInstances), which ${urlOf(stub)} does not offer`);
      expect(scenariosLine(stdout)).toBe('5 scenarios (5 failed)');
      expect(stderr).not.toMatch(/\n\s+at /);
    } finally {
      stub.close();
    }
  });

  it('says an endpoint cannot be reached, before running anything, without a stack trace (exit code 2)', async () => {
    const stub = await startPlainEcsStub();
    const url = urlOf(stub);
    await new Promise((resolve) => stub.close(resolve));
    const { code, stdout, stderr } = await ecsLab('run', '--endpoint', url, 'scenarios/features/rolling-update.feature');
    expect(code).toBe(2);
    expect(stdout).toBe('');
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

describe('ecs-lab run --endpoint on a server that holds state', { timeout: 120_000 }, () => {
  it("leaves a learner's cluster alone: refuses without --reset, exit code 2, saying what is there and how to go on", async () => {
    const shared = await startServeProcess();
    const alice = learner(shared.url);
    try {
      await alice.send(new CreateClusterCommand({ clusterName: 'lab' }));
      const { code, stdout, stderr } = await ecsLab('run', '--no-color', '--endpoint', shared.url, SCENARIO);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(`ecs-lab run: ${shared.url} holds what a run would delete: a run resets the whole server (every account and region) before each scenario.`);
      expect(stderr).toMatch(/\n {2}account \d{12} \(key alice\), us-east-1: cluster lab; 1 change\n/);
      expect(stderr).toContain('run against a server of your own');
      expect(stderr).toContain('To delete all of it, add --reset.');
      expect(await clustersOf(alice)).toEqual(['lab']);
    } finally {
      alice.destroy();
      await shared.stop();
    }
  });

  it('resets it with --reset, and says so before the first scenario', async () => {
    const shared = await startServeProcess();
    const alice = learner(shared.url);
    try {
      await alice.send(new CreateClusterCommand({ clusterName: 'lab' }));
      const { code, stdout, stderr } = await ecsLab('run', '--no-color', '--reset', '--endpoint', shared.url, SCENARIO);
      expect(code).toBe(0);
      expect(stderr).toMatch(new RegExp(`^ecs-lab run: --reset: ${shared.url} is reset before each scenario \\(every account and region\\)\\. What it holds now is deleted:\n {2}account \\d{12} \\(key alice\\), us-east-1: cluster lab; 1 change\n`));
      expect(scenariosLine(stdout)).toBe('1 scenario (1 passed)');
      expect(await clustersOf(alice)).toEqual([]);
    } finally {
      alice.destroy();
      await shared.stop();
    }
  });

  it("needs the instructor's token where the server does: refused without it (exit code 2), played with --control-token or ECS_LAB_CONTROL_TOKEN", async () => {
    const token = 'instructor-only';
    const classServer = await startServeProcess(['--control-token', token]);
    try {
      const refused = await ecsLab('run', '--no-color', '--endpoint', classServer.url, SCENARIO);
      expect(refused.code).toBe(2);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toContain(`${classServer.url} lets only its instructor reset it or move its time: give the control token`);
      const wrong = await ecsLab('run', '--no-color', '--endpoint', classServer.url, '--control-token', 'not-the-token', SCENARIO);
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toContain('refused the control token given');
      const given = await ecsLab('run', '--no-color', '--endpoint', classServer.url, '--control-token', token, SCENARIO);
      expect(given.code).toBe(0);
      expect(scenariosLine(given.stdout)).toBe('1 scenario (1 passed)');
      // The run left its scenario's cluster: the next run needs --reset, and the token from the environment does.
      const fromEnvironment = await run(['run', '--no-color', '--endpoint', classServer.url, '--reset', SCENARIO], { ...process.env, ECS_LAB_CONTROL_TOKEN: token });
      expect(fromEnvironment.code).toBe(0);
    } finally {
      await classServer.stop();
    }
  });

  it('takes --reset and --control-token only with --endpoint', async () => {
    for (const option of [['--reset'], ['--control-token', 'instructor-only']]) {
      const { code, stderr } = await ecsLab('run', ...option, SCENARIO);
      expect(code).toBe(2);
      expect(stderr).toContain(`error: ${option[0]} goes with --endpoint`);
    }
  });
});
