import type { Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { startProcess, type Started } from '../process-group.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

interface Driver {
  run(args: string[], env: Record<string, string>): Promise<CliResult>;
}

const SCRIPT = fileURLToPath(new URL('./aws-cli-driver.py', import.meta.url));

let driver: Driver | undefined;

/**
 * The one AWS CLI process of this test file (aws-cli-driver.py under `python`), started at its first command.
 * Commands are answered in the order sent; between them it does not keep the test's process alive.
 */
export function awsCliDriver(python: string[]): Driver {
  driver ??= startDriver(python);
  return driver;
}

function startDriver([command, ...args]: string[]): Driver {
  const started: Started = startProcess(command, [...args, SCRIPT], { stdin: 'open' });
  const pending: ((result: CliResult) => void)[] = [];
  const handles = [started.child, started.child.stdin as Socket, started.child.stdout as Socket];
  const idle = (yes: boolean) => handles.forEach((handle) => (yes ? handle.unref() : handle.ref()));
  let buffer = '';
  started.child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk;
    for (let newline = buffer.indexOf('\n'); newline >= 0; newline = buffer.indexOf('\n')) {
      pending.shift()!(JSON.parse(buffer.slice(0, newline)) as CliResult);
      buffer = buffer.slice(newline + 1);
    }
    if (pending.length === 0) idle(true);
  });
  started.finished.then(({ code, stderr }) => {
    driver = undefined;
    for (const answer of pending.splice(0)) answer({ code: code ?? 1, stdout: '', stderr: `the AWS CLI driver exited (code ${code}): ${stderr}` });
  });
  idle(true);
  return {
    run(args, env) {
      idle(false);
      return new Promise((resolve) => {
        pending.push(resolve);
        started.child.stdin!.write(`${JSON.stringify({ args, env })}\n`);
      });
    },
  };
}
