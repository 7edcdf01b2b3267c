import type { IncomingMessage } from 'node:http';
import { ProtocolError } from './aws-json-protocol.js';

/** 1 MiB: far above any ECS request (a task definition is at most 64 KiB), far below a memory problem. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** The request body as text; a body over the limit is a 413 ProtocolError (the rest is drained unread). */
export async function readBody(request: IncomingMessage, limit = BODY_LIMIT_BYTES): Promise<string> {
  const tooLarge = () => new ProtocolError('RequestEntityTooLargeException', `The request body is larger than ${limit} bytes.`, 413);
  if (Number(request.headers['content-length'] ?? 0) > limit) {
    request.resume();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      request.resume();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
