import { spawn, type ChildProcess } from 'node:child_process';

/**
 * `ecs-lab serve --clock manual` in a process of its own, on a free port. A remote simulator waits for its
 * answers with the thread blocked, so the server cannot live in the test's own thread.
 */
export interface ServeProcess {
  url: string;
  stop: () => Promise<void>;
}

export async function startServeProcess(): Promise<ServeProcess> {
  const child = spawn(process.execPath, ['core/shell/bin.js', 'serve', '--port', '0', '--clock', 'manual', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const found = output.match(/at (http:\/\/127\.0\.0\.1:\d+)/);
      if (found) resolve(found[1]);
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`ecs-lab serve exited with ${code}: ${output}`)));
  });
  return { url, stop: () => stop(child) };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill();
  });
}
