import { whenPrinted } from '../process-group.js';
import { startEcsLab } from './ecs-lab-cli.js';

/**
 * `ecs-lab serve --clock manual` in a process of its own, on a free port. A remote simulator waits for its
 * answers with the thread blocked, so the server cannot live in the test's own thread.
 */
export interface ServeProcess {
  url: string;
  stop: () => Promise<void>;
}

export async function startServeProcess(): Promise<ServeProcess> {
  const serve = startEcsLab(['serve', '--port', '0', '--clock', 'manual', '--quiet']);
  const [, url] = await whenPrinted(serve, /at (http:\/\/127\.0\.0\.1:\d+)/);
  return { url, stop: async () => void (await serve.stop()) };
}
