import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { JSON_CONTENT_TYPE, errorBody } from './aws-json-protocol.js';

export function sendJson(response: ServerResponse, status: number, body: unknown, contentType = JSON_CONTENT_TYPE): void {
  const text = JSON.stringify(body ?? {});
  response.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(text),
    // The SDKs put this in $metadata.requestId, and it helps match a CLI --debug log to a server line.
    'x-amzn-RequestId': randomUUID(),
  });
  response.end(text);
}

/** Errors carry `__type` in the body (botocore reads only that) and in X-Amzn-ErrorType (the JS SDK honours it). */
export function sendError(response: ServerResponse, status: number, type: string, message: string, contentType?: string): void {
  response.setHeader('X-Amzn-ErrorType', type);
  sendJson(response, status, errorBody(type, message), contentType);
}
