import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { startProcess, type Started } from '../process-group.js';

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

/** Asks until the server answers; fails as soon as it exits instead. */
async function waitUntilServing(url: string, preview: Started): Promise<void> {
  for (;;) {
    if (preview.child.exitCode !== null) {
      const { stdout, stderr } = preview.output();
      throw new Error(`vitepress preview exited (${preview.child.exitCode}):\n${stdout}${stderr}`);
    }
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Serves the built site (`vitepress preview`) on a free local port, in a process group of its own. */
export async function startPreviewServer(): Promise<PreviewServer> {
  ensureBuilt();
  const port = await freePort();
  const preview = startProcess(VITEPRESS, ['preview', 'docs', '--port', String(port), '--host', '127.0.0.1', '--strictPort']);
  const url = `http://127.0.0.1:${port}`;
  await waitUntilServing(`${url}/`, preview);
  return { url, stop: async () => void (await preview.stop()) };
}
