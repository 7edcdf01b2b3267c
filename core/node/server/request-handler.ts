import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EcsError } from '../../index.js';
import { ProtocolError, operationFromTarget, parseJsonObject, regionFromAuthorization, statusOfException } from './aws-json-protocol.js';
import { handleControl, type ControlContext } from './control-routes.js';
import { openEventStream } from './event-stream.js';
import { invokeAction } from './invoke-action.js';
import { readBody } from './read-body.js';
import { sendError, sendJson } from './send.js';

/** One line per answered request, for the terminal the server runs in. */
export interface RequestRecord {
  /** The ECS action, or the control route ("POST /_sim/advance"). */
  name: string;
  region: string;
  status: number;
  errorType?: string;
}

export interface HandlerContext extends ControlContext {
  /** Brings virtual time up to the wall clock (`--speed`) before a request looks at it. */
  catchUp: () => void;
  bodyLimitBytes: number;
  /** Streams to end when the server closes. */
  streams: Set<() => void>;
  onRequest?: (record: RequestRecord) => void;
}

// No build step and nothing fetched from elsewhere: the page is one file, its script and style inline.
const DASHBOARD_HTML = readFileSync(new URL('./dashboard.html', import.meta.url), 'utf8');
const DASHBOARD_POLICY = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src data:";

function errorOf(error: unknown): { type: string; message: string; status: number } {
  if (error instanceof ProtocolError) return { type: error.type, message: error.message, status: error.status };
  if (error instanceof EcsError) return { type: error.name, message: error.message, status: statusOfException(error.name) };
  return { type: 'ServerException', message: `Internal server error: ${error instanceof Error ? error.message : String(error)}`, status: 500 };
}

async function answer(context: HandlerContext, request: IncomingMessage, response: ServerResponse, url: URL): Promise<RequestRecord> {
  const region = url.searchParams.get('region') ?? context.simulators.defaultRegion;
  const record = (name: string, status: number): RequestRecord => ({ name, region, status });
  if (url.pathname.startsWith('/_sim/')) {
    const route = url.pathname.slice('/_sim/'.length);
    const name = `${request.method} /_sim/${route}`;
    if (request.method === 'GET' && route === 'stream') {
      context.catchUp();
      const close = openEventStream(response, context.simulators, url.searchParams.get('region') ?? undefined);
      context.streams.add(close);
      response.on('close', () => context.streams.delete(close));
      return record(name, 200);
    }
    const body = request.method === 'POST' ? parseJsonObject(await readBody(request, context.bodyLimitBytes)) : {};
    // Synchronous from here to the answer: no other request or tick can run in between.
    context.catchUp();
    const result = handleControl(context, { method: request.method ?? 'GET', route, query: url.searchParams, body });
    context.simulators.version++;
    sendJson(response, 200, result, 'application/json');
    return record(name, 200);
  }
  if (request.method === 'GET' && url.pathname === '/') {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': DASHBOARD_POLICY });
    response.end(DASHBOARD_HTML);
    return record('GET /', 200);
  }
  if (request.method !== 'POST') {
    throw new ProtocolError('UnknownOperationException', `${request.method} ${url.pathname}: ECS requests are POST with an X-Amz-Target header; the dashboard is GET /.`, 404);
  }
  const operation = operationFromTarget(request.headers['x-amz-target'] as string | undefined);
  const input = parseJsonObject(await readBody(request, context.bodyLimitBytes));
  const signedRegion = regionFromAuthorization(request.headers.authorization) ?? context.simulators.defaultRegion;
  context.catchUp();
  try {
    const result = invokeAction(context.simulators.get(signedRegion), operation, input);
    sendJson(response, 200, result);
    return { name: operation, region: signedRegion, status: 200 };
  } finally {
    context.simulators.version++;
  }
}

/** The server's single request listener: the ECS API, the /_sim controls and the dashboard. */
export function createRequestHandler(context: HandlerContext) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    // An absolute-form request target may not parse as a URL; it is read as `/` rather than crash the server.
    const target = request.url ?? '/';
    const url = new URL(URL.canParse(target, 'http://localhost') ? target : '/', 'http://localhost');
    const control = url.pathname.startsWith('/_sim/');
    answer(context, request, response, url).then(context.onRequest, (error: unknown) => {
      const { type, message, status } = errorOf(error);
      const operation = typeof request.headers['x-amz-target'] === 'string' ? request.headers['x-amz-target'].split('.')[1] : undefined;
      if (!response.headersSent) sendError(response, status, type, message, control ? 'application/json' : undefined);
      context.onRequest?.({
        name: control ? `${request.method} ${url.pathname}` : (operation ?? `${request.method} ${url.pathname}`),
        region: regionFromAuthorization(request.headers.authorization) ?? context.simulators.defaultRegion,
        status,
        errorType: type,
      });
    });
  };
}
