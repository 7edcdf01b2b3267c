import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ProtocolError } from './aws-json-protocol.js';

/**
 * Who may use the /_sim/ controls (reset, time, faults, every account's state). On the loopback interface
 * only the machine's own user can reach the server, so the controls stay open unless a token is given; a
 * server reachable from a network (a class on `--host 0.0.0.0`) always needs the instructor's token: the one
 * given, or one made up at start and printed.
 */
export function controlTokenFor(host: string, given: string | undefined): string | undefined {
  if (given !== undefined) return given;
  return isLoopback(host) ? undefined : randomBytes(12).toString('base64url');
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * Refuses a control request without the token: `Authorization: Bearer <token>`, or `?token=<token>` for what
 * cannot send headers (the dashboard's EventSource, a link).
 */
export function requireControlToken(request: IncomingMessage, query: URLSearchParams, token: string): void {
  const header = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const sent = header ?? query.get('token');
  if (sent !== null && sameText(sent, token)) return;
  throw new ProtocolError(
    'AccessDeniedException',
    `The simulation controls (/_sim/) of this server need the instructor's control token, which \`npx ecs-lab serve\` printed when it started: send "Authorization: Bearer <token>", or add ?token=<token> to the URL.${sent === null ? '' : ' The token sent is not that one.'}`,
    403,
  );
}

function sameText(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}
