/**
 * How a simulated container image behaves. Real ECS runs real images; here each image declares what it
 * does, so a scenario can say "version 2 of the image crashes after 5 seconds".
 */
export interface ImageBehaviour {
  /** Seconds to pull the image (task stays PENDING). Default 5. */
  pullSeconds?: number;
  /** Seconds from pulled to running (ACTIVATING). Default 2. */
  startSeconds?: number;
  /** When set, the pull fails with this text after pullSeconds: the task stops with TaskFailedToStart. */
  pullError?: string;
  /** When set, the main process exits this many seconds after the container starts. */
  crashAfterSeconds?: number;
  /** Exit code of that exit. Default 1. */
  exitCode?: number;
  /** Seconds the process takes to exit after SIGTERM. Default 1; more than stopTimeout means SIGKILL (137). */
  stopSeconds?: number;
  /**
   * The container's health check command starts failing this many seconds after the container starts
   * (0: it never passes). Unset: it always passes.
   */
  unhealthyAfterSeconds?: number;
  /** The health check command fails until the application has warmed up this long (what startPeriod is for). */
  warmUpSeconds?: number;
  /** Memory the process uses at start (MiB). Default 0. */
  baseMemoryMiB?: number;
  /** A leak: memory grows by this much every minute; past the container's hard limit the kernel kills it. */
  memoryGrowthMiBPerMinute?: number;
  /**
   * Memory held per request per second the task serves (connections, buffers), MiB: with the base and the
   * leak, what it reports, capped at the hard limit. Only the leak leads to an OOM kill. Default 0.
   */
  memoryPerRequestPerSecondMiB?: number;
  /** Requests per second one task serves before requests queue and time out. Default 200. */
  capacityRps?: number;
  /** Time to answer one request on an idle task, in ms. Default 20. */
  latencyMs?: number;
  /** A bug: this share of the requests it serves (0-100 %) gets an HTTP 5xx answer from the application. Default 0. */
  errorPercent?: number;
  /** CPU the task uses with no traffic, in percent of its reservation. Default 5. */
  idleCpuPercent?: number;
  /** A counter file the application adds one to every minute it runs (to show what storage keeps). */
  countsMinutesIn?: string;
  /** AWS calls the application makes at start with its task role (s3:PutObject on a bucket ARN, ...). */
  calls?: Array<{ action: string; resource: string }>;
  /** What the process prints to stdout, which a log driver (awslogs) ships to CloudWatch Logs. */
  logs?: ImageLogLines;
  /** The image is an X-Ray daemon: it receives the trace segments of the task's other containers (UDP 2000). */
  tracesDaemon?: boolean;
  /**
   * A queue worker: while RUNNING it takes one message at a time from the SQS queue, each taking this long;
   * on a message whose body contains `crashesOnBody` (a poison message) its process exits with code 1.
   */
  worker?: { queue: string; secondsPerMessage: number; crashesOnBody?: string };
}

export interface ImageLogLines {
  /** Printed as the process starts. */
  atStart?: string[];
  /** Printed every `seconds` while it runs; `{memoryMiB}` becomes the memory it uses by then. */
  every?: { seconds: number; line: string };
  /** The last words of a process that ends by itself (a crash). */
  atExit?: string;
  /** Printed when it receives SIGTERM. */
  onStop?: string;
}

export const DEFAULT_IMAGE_BEHAVIOUR: Required<
  Omit<ImageBehaviour, 'pullError' | 'crashAfterSeconds' | 'unhealthyAfterSeconds' | 'memoryGrowthMiBPerMinute' | 'calls' | 'countsMinutesIn' | 'logs' | 'tracesDaemon' | 'worker'>
> = {
  pullSeconds: 5,
  warmUpSeconds: 0,
  startSeconds: 2,
  exitCode: 1,
  stopSeconds: 1,
  baseMemoryMiB: 0,
  capacityRps: 200,
  latencyMs: 20,
  errorPercent: 0,
  idleCpuPercent: 5,
  memoryPerRequestPerSecondMiB: 0,
};

/** `nginx` and `nginx:latest` are the same image, as in Docker. */
export function normaliseImage(image: string): string {
  if (image.includes('@')) return image;
  const lastSlash = image.lastIndexOf('/');
  return image.slice(lastSlash + 1).includes(':') ? image : `${image}:latest`;
}

/** Well-known public images: what they are (an X-Ray daemon); registerImage adds to it or overrides it. */
const XRAY_DAEMON: ImageBehaviour = {
  tracesDaemon: true,
  logs: { atStart: ['[Info] Initializing AWS X-Ray daemon 3.3.13', '[Info] Starting proxy http server on 127.0.0.1:2000'], onStop: '[Info] Shutting down X-Ray daemon' },
};
const BUILT_IN = new Map<string, ImageBehaviour>([
  ['public.ecr.aws/xray/aws-xray-daemon:latest', XRAY_DAEMON],
  ['amazon/aws-xray-daemon:latest', XRAY_DAEMON],
]);

export type ResolvedImageBehaviour = Readonly<ImageBehaviour & typeof DEFAULT_IMAGE_BEHAVIOUR>;

export class ImageCatalogue {
  private behaviours = new Map<string, ImageBehaviour>();
  /**
   * Each image's behaviour with the defaults filled in, by the name as asked for: every task step asks, and
   * the answer changes only when an image is registered. The same object until then (read-only).
   */
  private resolved = new Map<string, ResolvedImageBehaviour>();

  register(image: string, behaviour: ImageBehaviour): void {
    this.behaviours.set(normaliseImage(image), { ...behaviour });
    this.resolved.clear();
  }

  behaviourOf(image: string): ResolvedImageBehaviour {
    let behaviour = this.resolved.get(image);
    if (!behaviour) {
      const name = normaliseImage(image);
      behaviour = { ...DEFAULT_IMAGE_BEHAVIOUR, ...BUILT_IN.get(name), ...this.behaviours.get(name) };
      this.resolved.set(image, behaviour);
    }
    return behaviour;
  }
}
