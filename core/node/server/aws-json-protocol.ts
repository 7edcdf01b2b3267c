import { TARGET_PREFIX } from './ecs-operations.js';

/**
 * The AWS JSON 1.1 wire rules the endpoint follows (see /work/shared/reference/wire-protocol.md):
 * route on X-Amz-Target, read the region from the SigV4 credential scope, answer errors as a non-2xx
 * status with `__type` and `message` in the body.
 */

export const JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';

/** An error of the protocol itself, before any ECS action runs (bad JSON, unknown target, body too big). */
export class ProtocolError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export function operationFromTarget(target: string | undefined): string {
  if (!target) throw new ProtocolError('UnknownOperationException', 'Missing X-Amz-Target header: ECS requests name their action there.');
  const [prefix, operation] = target.split('.');
  if (prefix !== TARGET_PREFIX || !operation) {
    throw new ProtocolError('UnknownOperationException', `Unknown target ${target}: expected ${TARGET_PREFIX}.<Action>.`);
  }
  return operation;
}

/** `Credential=AKID/20261122/eu-west-1/ecs/aws4_request` -> `eu-west-1`; the signature itself is never checked. */
export function regionFromAuthorization(authorization: string | undefined): string | undefined {
  return authorization?.match(/Credential=[^/,\s]+\/\d{8}\/([a-z0-9-]+)\/ecs\/aws4_request/)?.[1];
}

export function parseJsonObject(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ProtocolError('SerializationException', `The request body is not valid JSON: ${(error as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ProtocolError('SerializationException', 'The request body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}

/** 500 only for ServerException: clients retry 5xx, and a client error retried three times helps no one. */
export function statusOfException(type: string): number {
  return type === 'ServerException' ? 500 : 400;
}

export function errorBody(type: string, message: string): { __type: string; message: string } {
  return { __type: type, message };
}
