import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

const VITEPRESS = 'node_modules/.bin/vitepress';

export interface PreviewServer {
  url: string;
  stop(): Promise<void>;
}

/** `npm test` builds the site before the browser tests; a browser test run on its own builds it here. */
function ensureBuilt(): void {
  if (existsSync('docs/.vitepress/dist/index.html')) return;
  const build = spawnSync(VITEPRESS, ['build', 'docs'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`vitepress build docs failed (exit ${build.status})`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilServing(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vitepress preview exited (${child.exitCode}):\n${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vitepress preview did not answer on ${url} within 30 s:\n${output()}`);
}

/** Serves the built site (`vitepress preview`) on a free local port. */
export async function startPreviewServer(): Promise<PreviewServer> {
  ensureBuilt();
  const port = await freePort();
  const child = spawn(VITEPRESS, ['preview', 'docs', '--port', String(port), '--host', '127.0.0.1', '--strictPort'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilServing(`${url}/`, child, () => log);
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
