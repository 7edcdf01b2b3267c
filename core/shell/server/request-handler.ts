import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EcsError } from '../../index.js';
import { ProtocolError, credentialScope, parseJsonObject, statusOfException } from './aws-json-protocol.js';
import { controlAccount, handleControl, type ControlContext } from './control-routes.js';
import { requireControlToken } from './control-token.js';
import { openEventStream } from './event-stream.js';
import { isQueryRequest, queryErrorXml, queryInput, queryResultXml } from './query-protocol.js';
import { readBody } from './read-body.js';
import type { QueryServedApi } from './served-api.js';
import { jsonRoute, queryApi, queryRoute } from './service-routes.js';
import { sendError, sendJson, sendXml } from './send.js';

/** One line per answered request, for the terminal the server runs in. */
export interface RequestRecord {
  /** The ECS action, a neighbour's IAM action ("events:PutRule"), or the control route ("POST /_sim/advance"). */
  name: string;
  region: string;
  /** The account the request acted in (see accounts.ts). */
  accountId: string;
  status: number;
  errorType?: string;
}

export interface HandlerContext extends ControlContext {
  /** Brings virtual time up to the wall clock (`--speed`) before a request looks at it. */
  catchUp: () => void;
  bodyLimitBytes: number;
  /** Streams to end when the server closes. */
  streams: Set<() => void>;
  /** Set: every /_sim/ request must carry it (see control-token.ts). */
  controlToken?: string;
  onRequest?: (record: RequestRecord) => void;
}

// No build step and nothing fetched from elsewhere: the page is one file, its script and style inline.
const DASHBOARD_HTML = readFileSync(new URL('./dashboard.html', import.meta.url), 'utf8');
const DASHBOARD_POLICY = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src data:";

function errorOf(error: unknown): { type: string; message: string; status: number; queryError?: string } {
  if (error instanceof ProtocolError) return { type: error.type, message: error.message, status: error.status, queryError: error.queryError };
  if (error instanceof EcsError) return { type: error.name, message: error.message, status: statusOfException(error.name) };
  return { type: 'ServerException', message: `Internal server error: ${error instanceof Error ? error.message : String(error)}`, status: 500 };
}

/** What is known of a request so far: if it fails part-way, its error is answered and logged from this. */
interface Call {
  name?: string;
  region: string;
  accountId: string;
  /** Set once the request is known to speak AWS Query: its errors are XML, in the service's namespace. */
  query?: { api?: QueryServedApi };
  /** Set once an AWS JSON request's service is known: its errors go in that service's JSON version. */
  contentType?: string;
}

/**
 * Reads an AWS API request, in AWS JSON (an X-Amz-Target header) or AWS Query (a form-encoded body), and
 * returns how to answer it, to run once the clock has caught up.
 */
async function readApiCall(context: HandlerContext, request: IncomingMessage, response: ServerResponse, call: Call): Promise<() => void> {
  const scope = credentialScope(request.headers.authorization);
  call.region = scope?.region ?? context.simulators.defaultRegion;
  call.accountId = context.simulators.accountOf(scope?.accessKeyId);
  const target = request.headers['x-amz-target'] as string | undefined;
  if (target === undefined && isQueryRequest(request.headers['content-type'])) {
    call.query = {};
    const params = new URLSearchParams(await readBody(request, context.bodyLimitBytes));
    const api = queryApi(scope?.service, params.get('Version'));
    call.query.api = api;
    const action = params.get('Action');
    const route = queryRoute(api, action);
    call.name = route.name;
    const input = queryInput(params, api);
    return () => {
      const result = route.run(context.simulators.get(call.region, call.accountId), input);
      sendXml(response, 200, (requestId) => queryResultXml(api, action!, result, requestId));
    };
  }
  const route = jsonRoute(target);
  call.name = route.name;
  call.contentType = route.contentType;
  const input = parseJsonObject(await readBody(request, context.bodyLimitBytes));
  const role = scope ? context.simulators.principals.get(scope.accessKeyId)?.roleName : undefined;
  return () => sendJson(response, 200, route.run(context.simulators.get(call.region, call.accountId), input, role), route.contentType);
}

async function answer(context: HandlerContext, request: IncomingMessage, response: ServerResponse, url: URL, call: Call): Promise<RequestRecord> {
  const record = (status: number): RequestRecord => ({ name: call.name!, region: call.region, accountId: call.accountId, status });
  if (url.pathname.startsWith('/_sim/')) {
    const route = url.pathname.slice('/_sim/'.length);
    call.name = `${request.method} /_sim/${route}`;
    // Before the body is read: a refused caller gets nothing from the server but the refusal.
    if (context.controlToken !== undefined) requireControlToken(request, url.searchParams, context.controlToken);
    call.accountId = controlAccount(context.simulators, url.searchParams);
    if (request.method === 'GET' && route === 'stream') {
      context.catchUp();
      const close = openEventStream(response, context.simulators, url.searchParams.get('region') ?? undefined, call.accountId);
      context.streams.add(close);
      response.on('close', () => context.streams.delete(close));
      return record(200);
    }
    const body = request.method === 'POST' ? parseJsonObject(await readBody(request, context.bodyLimitBytes)) : {};
    // Synchronous from here to the answer: no other request or tick can run in between.
    context.catchUp();
    const result = handleControl(context, { method: request.method ?? 'GET', route, query: url.searchParams, body, accountId: call.accountId });
    context.simulators.version++;
    sendJson(response, 200, result, 'application/json');
    return record(200);
  }
  if (request.method === 'GET' && url.pathname === '/') {
    call.name = 'GET /';
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': DASHBOARD_POLICY });
    response.end(DASHBOARD_HTML);
    return record(200);
  }
  if (request.method !== 'POST') {
    throw new ProtocolError('UnknownOperationException', `${request.method} ${url.pathname}: AWS requests are POST (with an X-Amz-Target header for ECS); the dashboard is GET /.`, 404);
  }
  const run = await readApiCall(context, request, response, call);
  // Synchronous from here to the answer, as for the controls.
  context.catchUp();
  try {
    run();
    return record(200);
  } finally {
    context.simulators.version++;
  }
}

/** The server's single request listener: ECS and its neighbour services, the /_sim controls and the dashboard. */
export function createRequestHandler(context: HandlerContext) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    // An absolute-form request target may not parse as a URL; it is read as `/` rather than crash the server.
    const target = request.url ?? '/';
    const url = new URL(URL.canParse(target, 'http://localhost') ? target : '/', 'http://localhost');
    const call: Call = { region: url.searchParams.get('region') ?? context.simulators.defaultRegion, accountId: context.simulators.defaultAccountId };
    answer(context, request, response, url, call).then(context.onRequest, (error: unknown) => {
      const { type, message, status, queryError } = errorOf(error);
      if (!response.headersSent) {
        const { query } = call;
        if (query) sendXml(response, status, (requestId) => queryErrorXml(type, message, status, requestId, query.api));
        else sendError(response, status, type, message, url.pathname.startsWith('/_sim/') ? 'application/json' : call.contentType, queryError);
      }
      context.onRequest?.({ name: call.name ?? `${request.method} ${url.pathname}`, region: call.region, accountId: call.accountId, status, errorType: type });
    });
  };
}
