import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Command, type CommanderError } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerServeCommand } from '../../core/shell/commands/serve-command.js';
import { banner } from '../../core/shell/commands/serve-endpoint.js';
import { ecsLab, startEcsLab } from '../cli/ecs-lab-cli.js';
import { whenPrinted } from '../process-group.js';

const plain = { ...process.env, FORCE_COLOR: '0' };

describe('ecs-lab serve as a process', () => {
  let blocker: Server;
  beforeAll(async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => blocker.close(() => resolve())));

  it('says in one line that the port is taken and exits 1', async () => {
    const { port } = blocker.address() as AddressInfo;
    const { code, stderr } = await ecsLab(['serve', '--port', String(port)], plain);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([`ecs-lab serve: port ${port} on 127.0.0.1 is already in use; stop what uses it or pick another with --port.`]);
  });

  it('serves ECS until SIGTERM, then stops cleanly with exit code 0', async () => {
    const serve = startEcsLab(['serve', '--port', '0', '--quiet'], plain);
    const [, url] = await whenPrinted(serve, /simulated Amazon ECS at (http:\/\/127\.0\.0\.1:\d+)/);
    const answered = await fetch(`${url}/`, {
      method: 'POST',
      headers: { 'X-Amz-Target': 'AmazonEC2ContainerServiceV20141113.ListClusters' },
      body: '{}',
    });
    expect(answered.status).toBe(200);
    const result = await serve.stop('SIGTERM');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('dashboard');
  });
});

/** The command line as parsed in this process: what commander prints and refuses, without a child process. */
async function parse(args: string[]): Promise<{ out: string; err: string; exitCode?: number }> {
  let out = '';
  let err = '';
  const program = new Command().exitOverride().configureOutput({ writeOut: (text) => (out += text), writeErr: (text) => (err += text) });
  registerServeCommand(program);
  try {
    await program.parseAsync(['serve', ...args], { from: 'user' });
    return { out, err };
  } catch (error) {
    return { out, err, exitCode: (error as CommanderError).exitCode };
  }
}

describe('ecs-lab serve options', () => {
  it('documents the controls and clock options in --help', async () => {
    const { out, exitCode } = await parse(['--help']);
    expect(exitCode).toBe(0);
    for (const text of ['--speed <x>', '--clock <mode>', '--account-id <id>', 'POST /_sim/advance', 'POST /_sim/faults', 'GET  /_sim/events?since=N']) {
      expect(out).toContain(text);
    }
  });

  it('refuses --speed together with --clock manual', async () => {
    const { err, exitCode } = await parse(['--speed', '10', '--clock', 'manual']);
    expect(exitCode).toBeGreaterThan(0);
    expect(err).toMatch(/cannot be used with option '--clock/);
  });

  it('names in its banner the neighbour services answered on the same port', () => {
    const text = banner('http://127.0.0.1:4566', { port: 4566, host: '127.0.0.1', accountId: '123456789012', region: 'us-east-1' });
    for (const service of ['Elastic Load Balancing', 'AWS Cloud Map', 'Application Auto Scaling', 'Amazon EventBridge', 'Amazon SQS', 'Amazon CloudWatch Logs']) {
      expect(text).toContain(service);
    }
  });

  it('refuses a port that is not one', async () => {
    const { err } = await parse(['--port', '70000']);
    expect(err).toContain('the port must be a whole number from 0 to 65535');
  });
});
