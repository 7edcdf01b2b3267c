import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';

/**
 * Synchronous round trips to an endpoint, for a step library that is synchronous: a worker thread does the
 * asynchronous call while this thread sleeps in Atomics.wait, then the answer is taken off a message port
 * (the technique of the `synckit` package, in the few lines it needs here).
 */

export interface ChannelOptions {
  endpoint: string;
  region: string;
  /** Absent: the SDK's usual provider chain (environment, profile...). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  maxAttempts: number;
}

export type WireRequest =
  | { kind: 'ecs'; operation: string; input: unknown; pagedMember?: string }
  | { kind: 'http'; url: string; body: string };

export interface WireFailure {
  name: string;
  message: string;
  status?: number;
  fault?: 'client' | 'server';
  /** A system error code: ECONNREFUSED, ENOTFOUND... */
  code?: string;
  cause?: string;
}

export type WireReply = { value: unknown; error?: undefined } | { error: WireFailure };

/** Long enough for a month of virtual time simulated in one call on a slow machine. */
const REPLY_TIMEOUT_MS = 10 * 60 * 1000;

export class SyncChannel {
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  private readonly worker: Worker;
  private readonly replies: MessagePort;
  /** Set after a reply came too late: it could otherwise be read as the answer to the next request. */
  private broken?: WireFailure;

  constructor(readonly options: ChannelOptions) {
    const { port1, port2 } = new MessageChannel();
    this.replies = port1;
    this.worker = new Worker(new URL('./wire-worker.js', import.meta.url), {
      workerData: { ...options, signal: this.signal, port: port2 },
      transferList: [port2],
    });
    // The worker only ever works while this thread waits for it: it must not keep the process alive.
    this.worker.unref();
  }

  request(request: WireRequest): WireReply {
    if (this.broken) return { error: this.broken };
    Atomics.store(this.signal, 0, 0);
    this.worker.postMessage(request);
    if (Atomics.wait(this.signal, 0, 0, REPLY_TIMEOUT_MS) === 'timed-out') {
      this.broken = { name: 'TimeoutError', message: `${this.options.endpoint} did not answer within ${REPLY_TIMEOUT_MS / 60_000} minutes.` };
      return { error: this.broken };
    }
    const received = receiveMessageOnPort(this.replies);
    if (!received) return { error: { name: 'Error', message: 'The network worker stopped without an answer.' } };
    return received.message as WireReply;
  }

  close(): Promise<number> {
    this.replies.close();
    return this.worker.terminate();
  }
}
