import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { JSON_CONTENT_TYPE, errorBody } from './aws-json-protocol.js';
import { XML_CONTENT_TYPE } from './query-protocol.js';

function sendText(response: ServerResponse, status: number, text: string, contentType: string, requestId: string): void {
  response.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(text),
    // The SDKs put this in $metadata.requestId, and it helps match a CLI --debug log to a server line.
    'x-amzn-RequestId': requestId,
  });
  response.end(text);
}

export function sendJson(response: ServerResponse, status: number, body: unknown, contentType = JSON_CONTENT_TYPE): void {
  sendText(response, status, JSON.stringify(body ?? {}), contentType, randomUUID());
}

/**
 * Errors carry `__type` in the body (botocore reads only that) and in X-Amzn-ErrorType (the JS SDK honours it);
 * a service that keeps its Query codes over JSON adds them in x-amzn-query-error, which the SDKs prefer.
 */
export function sendError(response: ServerResponse, status: number, type: string, message: string, contentType?: string, queryError?: string): void {
  response.setHeader('X-Amzn-ErrorType', type);
  if (queryError !== undefined) response.setHeader('x-amzn-query-error', queryError);
  sendJson(response, status, errorBody(type, message), contentType);
}

/** A Query protocol answer, whose XML carries the request id as well as the header. */
export function sendXml(response: ServerResponse, status: number, render: (requestId: string) => string): void {
  const requestId = randomUUID();
  sendText(response, status, render(requestId), XML_CONTENT_TYPE, requestId);
}
