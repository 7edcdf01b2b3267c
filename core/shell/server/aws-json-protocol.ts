/**
 * The AWS JSON 1.1 wire rules the endpoint follows (as the AWS CLI and SDKs send and accept them):
 * route on X-Amz-Target, read the region from the SigV4 credential scope, answer errors as a non-2xx
 * status with `__type` and `message` in the body.
 */

export type JsonVersion = '1.0' | '1.1';

/** The Content-Type of an AWS JSON answer: SDKs of a JSON 1.0 service (SQS, CloudWatch) expect 1.0. */
export const jsonContentType = (version: JsonVersion): string => `application/x-amz-json-${version}`;

export const JSON_CONTENT_TYPE = jsonContentType('1.1');

/**
 * An error answered with exactly this type and status: one of the protocol itself, before any action runs
 * (bad JSON, unknown target, body too big), or an engine error in a neighbour service's own spelling.
 */
export class ProtocolError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
    /** The x-amzn-query-error header, `<Query code>;Sender|Receiver`: see JsonServedApi.queryErrorCodes. */
    readonly queryError?: string,
  ) {
    super(message);
  }
}

/**
 * `Credential=AKID/20261122/eu-west-1/ecs/aws4_request` -> `{ accessKeyId: 'AKID', region: 'eu-west-1', service:
 * 'ecs' }`: the only place a client names its region, how Query requests say which service they are for,
 * and who is calling (a key mapped to an IAM role with /_sim/principals). The signature is never checked.
 */
export function credentialScope(authorization: string | undefined): { accessKeyId: string; region: string; service: string } | undefined {
  const match = authorization?.match(/Credential=([^/,\s]+)\/\d{8}\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request/);
  return match ? { accessKeyId: match[1], region: match[2], service: match[3] } : undefined;
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

/** Whose fault an error was, as the Query protocol's Type and the x-amzn-query-error header say it. */
export function faultOf(status: number): 'Sender' | 'Receiver' {
  return status >= 500 ? 'Receiver' : 'Sender';
}

export function errorBody(type: string, message: string): { __type: string; message: string } {
  return { __type: type, message };
}
