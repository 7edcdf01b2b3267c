import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runProcess, startProcess, whenPrinted } from '../process-group.js';

/** The real command line in a process group of its own: what a learner's shell sees. */
const ecsLab = (args: string[], env: NodeJS.ProcessEnv = {}) => runProcess(process.execPath, ['core/shell/bin.js', ...args], { env: { ...process.env, ...env } });
const ESCAPE = '\u001b[';

describe('ecs-lab follows the conventions of command-line tools', { timeout: 60_000 }, () => {
  it('prints its version with --version', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(await ecsLab(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('answers every kind of mistake in the call with the error and one usage line, exit code 2', async () => {
    const calls: Array<[string[], string]> = [
      [['lab', 'chek'], 'Usage: npx ecs-lab lab [options] [command]'],
      [['serve', '--port', 'x'], 'Usage: npx ecs-lab serve [options]'],
      [['lab', 'check', 'rolling-updates'], 'Usage: npx ecs-lab lab check [options] [id]'],
      [['steps', '--jsn'], 'Usage: npx ecs-lab steps [options]'],
    ];
    for (const [args, usage] of calls) {
      const { code, stdout, stderr } = await ecsLab(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      const lines = stderr.trim().split('\n');
      expect(lines[0]).toMatch(/^error: /);
      expect(lines.at(-1)).toBe(`${usage}   (add --help for more)`);
      expect(stderr).not.toContain('Options:');
    }
  });

  it('documents its exit codes in --help', async () => {
    const { stdout } = await ecsLab(['--help']);
    expect(stdout).toContain('Exit codes: 0 success, 1 a check or scenario failed');
  });

  it('prints no colour with NO_COLOR, even where colour is forced, and takes --no-color on every command', async () => {
    const coloured = await ecsLab(['lab', 'hint', 'rolling-update'], { FORCE_COLOR: '1' });
    expect(coloured.stdout).toContain(ESCAPE);
    for (const args of [['lab', 'hint', 'rolling-update'], ['lab', 'list'], ['steps']]) {
      const plain = await ecsLab(args, { FORCE_COLOR: '1', NO_COLOR: '1' });
      expect(plain.code, args.join(' ')).toBe(0);
      expect(plain.stdout).not.toContain(ESCAPE);
      const flagged = await ecsLab([...args, '--no-color']);
      expect(flagged.code, `${args.join(' ')} --no-color`).toBe(0);
      expect(flagged.stdout).not.toContain(ESCAPE);
    }
  });
});

describe('ecs-lab serve for a class', { timeout: 60_000 }, () => {
  it('makes up a control token when it listens beyond this machine, prints it, and needs it on /_sim/', async () => {
    const serve = startProcess(process.execPath, ['core/shell/bin.js', 'serve', '--host', '0.0.0.0', '--port', '0', '--clock', 'manual', '--quiet', '--no-color']);
    try {
      const [, port, token] = await whenPrinted(serve, /at http:\/\/0\.0\.0\.0:(\d+)[\s\S]*\n {2}token {6}(\S+)/);
      const url = `http://127.0.0.1:${port}`;
      expect(serve.output().stdout).toContain(`dashboard  http://0.0.0.0:${port}/?token=${token}`);
      expect((await fetch(`${url}/_sim/state`)).status).toBe(403);
      expect((await fetch(`${url}/_sim/state`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
    } finally {
      expect((await serve.stop()).code).toBe(0);
    }
  });
});
