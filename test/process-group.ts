import { spawn, type ChildProcess } from 'node:child_process';

/**
 * A process a test starts (a CLI, a server, npm), in a process group of its own: when it ends, or when the
 * test's process exits whatever the outcome, the whole group is ended, with whatever it started in turn (npm's
 * shell and node, a server's children). No test waits on a clock: each waits for the process to answer or exit.
 */
export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Started {
  child: ChildProcess;
  /** What it has printed so far. */
  output: () => { stdout: string; stderr: string };
  /** Resolves once it has exited and its output is read to the end. */
  finished: Promise<Finished>;
  /** Sends `signal` (by default SIGTERM) to it alone, so it can stop cleanly; its group ends once it has. */
  stop: (signal?: NodeJS.Signals) => Promise<Finished>;
}

const live = new Set<ChildProcess>();
const endGroup = (child: ChildProcess) => {
  live.delete(child);
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // The group has already gone.
  }
};
process.on('exit', () => live.forEach(endGroup));

export interface ProcessOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Its standard input stays open for the test to write to; otherwise it is empty. */
  stdin?: 'open';
}

export function startProcess(command: string, args: string[], options: ProcessOptions = {}): Started {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, detached: true, stdio: [options.stdin === 'open' ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
  live.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk));
  const finished = new Promise<Finished>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', () => endGroup(child));
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return {
    child,
    output: () => ({ stdout, stderr }),
    finished,
    stop: (signal = 'SIGTERM') => {
      child.kill(signal);
      return finished;
    },
  };
}

/** The first match of `pattern` in what it prints on its standard output; an error if it exits first. */
export function whenPrinted({ child, output, finished }: Started, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const look = () => {
      const found = output().stdout.match(pattern);
      if (found) resolve(found);
    };
    child.stdout!.on('data', look);
    look();
    finished.then(({ code, stdout, stderr }) => reject(new Error(`exited (code ${code}) before printing ${pattern}:\n${stdout}${stderr}`)), reject);
  });
}

export function runProcess(command: string, args: string[], options: ProcessOptions = {}): Promise<Finished> {
  return startProcess(command, args, options).finished;
}
