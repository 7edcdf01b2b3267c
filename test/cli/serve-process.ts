import { whenPrinted } from '../process-group.js';
import { startEcsLab } from './ecs-lab-cli.js';

/** `ecs-lab serve --clock manual` as a user starts it: in a process of its own, on a free port. */
export interface ServeProcess {
  url: string;
  stop: () => Promise<void>;
}

/** `options`: more of serve's options (`--control-token`...). */
export async function startServeProcess(options: string[] = []): Promise<ServeProcess> {
  const serve = startEcsLab(['serve', '--port', '0', '--clock', 'manual', '--quiet', ...options]);
  const [, url] = await whenPrinted(serve, /at (http:\/\/127\.0\.0\.1:\d+)/);
  return { url, stop: async () => void (await serve.stop()) };
}
