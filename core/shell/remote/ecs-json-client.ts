import { EcsError, type EcsExceptionName } from '../../index.js';
import { operationName } from '../../../scenarios/port/wire-call.js';
import { JSON_CONTENT_TYPE } from '../server/aws-json-protocol.js';
import { TARGET_PREFIX } from '../server/ecs-operations.js';
import { PAGED_LISTS } from '../server/paginate.js';
import { signV4, type Credentials } from './sign-v4.js';

/**
 * ECS operations over the wire as the SDKs send them: AWS JSON 1.1, `POST /` with `X-Amz-Target`, signed with
 * Signature Version 4, answered with the operation's JSON or a 4xx/5xx with `__type` (see
 * ../shared/reference/wire-protocol.md). Plain fetch, one request at a time, never retried: a change repeated
 * would run twice. The target prefix and the lists the endpoint pages are the endpoint's, from the ECS model.
 */
export class EcsJsonClient {
  constructor(
    readonly endpoint: string,
    readonly region: string,
  ) {}

  /** One ECS operation, e.g. `describeServices`; a paged list comes back whole, as the facade gives it. */
  async call(method: string, input: unknown = {}): Promise<unknown> {
    const operation = operationName(method);
    const first = (await this.send(operation, input)) as Record<string, unknown>;
    const member = PAGED_LISTS[operation]?.member;
    if (!member) return first;
    const items = [...((first[member] as unknown[]) ?? [])];
    for (let token = first.nextToken; token; ) {
      const page = (await this.send(operation, { ...(input as object), nextToken: token })) as Record<string, unknown>;
      items.push(...((page[member] as unknown[]) ?? []));
      token = page.nextToken;
    }
    const { nextToken: _last, ...whole } = first;
    return { ...whole, [member]: items };
  }

  /** What requests are signed with: the dummy key for a server on this machine, else the environment's credentials. */
  credentials(): Credentials {
    return isLoopback(this.endpoint) ? LOOPBACK_CREDENTIALS : environmentCredentials();
  }

  private async send(operation: string, input: unknown): Promise<unknown> {
    const url = new URL(`${this.endpoint}/`);
    const body = JSON.stringify(input);
    const headers = signV4(
      { url, region: this.region, service: 'ecs', headers: { 'content-type': JSON_CONTENT_TYPE, 'x-amz-target': `${TARGET_PREFIX}.${operation}` }, body },
      this.credentials(),
      new Date(),
    );
    const response = await reach(this.endpoint, () => fetch(url, { method: 'POST', headers, body }));
    const text = await response.text();
    if (response.ok) return text.trim() === '' ? {} : JSON.parse(text);
    throw answerError(response, text) ?? new Error(`${this.endpoint} answered ${operation} with HTTP ${response.status}: ${text.slice(0, 200)}`);
  }
}

/** A fetch whose failure to connect says which endpoint could not be reached, and why (ECONNREFUSED...). */
export async function reach(endpoint: string, request: () => Promise<Response>): Promise<Response> {
  try {
    return await request();
  } catch (error) {
    // fetch hides the reason in `cause`.
    const cause = (error as { cause?: { message?: string } }).cause;
    throw new Error(`Cannot reach ${endpoint}: ${cause?.message ?? (error as Error).message}`);
  }
}

/**
 * The error of an AWS JSON answer, with the exception's name as the engine names it: `__type` in the body
 * (after any `namespace#`, before any `:`) or the X-Amzn-ErrorType header, and its message; undefined when the
 * answer says neither.
 */
export function answerError(response: Response, text: string): EcsError | undefined {
  let body: { __type?: unknown; code?: unknown; message?: unknown; Message?: unknown } = {};
  try {
    body = JSON.parse(text) ?? {};
  } catch {
    // Not JSON: only the header can name the error.
  }
  const type = [body.__type, body.code, response.headers.get('x-amzn-errortype')].find((t): t is string => typeof t === 'string' && t !== '');
  if (type === undefined) return undefined;
  const name = type.split('#').pop()!.split(':')[0];
  const message = [body.message, body.Message].find((m) => typeof m === 'string') ?? '';
  return new EcsError(name as EcsExceptionName, message as string);
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const isLoopback = (endpoint: string): boolean => LOOPBACK_HOSTS.has(new URL(endpoint).hostname);

/** A simulator on this machine reads the region from the signature and checks nothing else. */
const LOOPBACK_CREDENTIALS: Credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

/** Credentials for an endpoint that checks signatures (AWS itself): the environment's, as every SDK reads them. */
function environmentCredentials(): Credentials {
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = process.env;
  if (!accessKeyId || !secretAccessKey) throw new Error('An endpoint not on this machine checks signatures: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary credentials).');
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}
