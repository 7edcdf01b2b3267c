import { EcsError, type EcsExceptionName } from '../../kernel/errors.js';
import type { WireFailure } from './sync-channel.js';

/**
 * What comes back over the wire, made to look as the in-process simulator answers: the steps must not be
 * able to tell the difference.
 */

/**
 * An SDK output as the engine returns it: the SDK turns epoch seconds into Date and adds `$metadata`; the
 * engine has numbers and no metadata. Members the SDK left undefined are dropped, as JSON would.
 */
export function engineValue(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(engineValue);
  if (value === null || typeof value !== 'object') return value;
  const plain: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    if (key !== '$metadata' && member !== undefined) plain[key] = engineValue(member);
  }
  return plain;
}

/**
 * The error a step sees: an answer of the service keeps its exception name and message (EcsError, as
 * in-process); anything else (no connection, no credentials) is a plain error naming what went wrong.
 */
export function wireError(failure: WireFailure, endpoint: string): Error {
  if (failure.fault) return new EcsError(failure.name as EcsExceptionName, failure.message);
  if (failure.code) return new Error(`Cannot reach ${endpoint}: ${failure.cause ?? failure.message}`);
  return new Error(`${endpoint}: ${failure.name}: ${failure.message}`);
}

/** The error of a /_sim answer that is not a success: the server's exception when it wrote one. */
export function controlError(status: number, text: string): EcsError | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  const { __type, message } = (body ?? {}) as { __type?: unknown; message?: unknown };
  if (status === 404 || typeof __type !== 'string' || typeof message !== 'string') return undefined;
  return new EcsError(__type as EcsExceptionName, message);
}
