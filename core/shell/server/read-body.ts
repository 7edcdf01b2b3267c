import type { IncomingMessage } from 'node:http';
import { ProtocolError } from './aws-json-protocol.js';

/** 1 MiB: far above any ECS request (a task definition is at most 64 KiB), far below a memory problem. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * The request body as text; a body over the limit is a 413 ProtocolError (the rest is drained unread). Read with
 * 'data' and 'end' listeners, not an async iterator: every request reads one, and the iterator costs more than
 * the few bytes it reads.
 */
export function readBody(request: IncomingMessage, limit = BODY_LIMIT_BYTES): Promise<string> {
  const tooLarge = () => new ProtocolError('RequestEntityTooLargeException', `The request body is larger than ${limit} bytes.`, 413);
  if (Number(request.headers['content-length'] ?? 0) > limit) {
    request.resume();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      request.off('data', onData).off('end', onEnd).off('error', settle).off('close', onClose);
      if (error) reject(error);
      else resolve(chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8'));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        settle(tooLarge());
        request.resume();
      } else chunks.push(chunk);
    };
    const onEnd = () => settle();
    // Closed before its end: the client went away mid-body.
    const onClose = () => settle(Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' }));
    request.on('data', onData).on('end', onEnd).on('error', settle).on('close', onClose);
  });
}
