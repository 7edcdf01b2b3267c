import { EcsError } from '../../index.js';
import type { ReadsChangeRequest } from '../../../scenarios/port/reads-change.js';
import { NEIGHBOURS, RUN_UNTIL_READS_CHANGE, isRead, operationName, type WireCall } from '../../../scenarios/port/wire-call.js';

/**
 * `POST /_sim/control {"target", "method", "args", "role"?}`: what the remote simulator port sends besides ECS
 * requests (core/shell/remote/http-port.ts). The body is checked here, then run by the port's own dispatch
 * (scenarios/port/call-simulator.ts), which reaches only the controls and facade methods a port offers.
 */

const invalid = (message: string, field: string) => new EcsError('InvalidParameterException', message, field);

/** What `target` may name: the control, ECS (its reads, and any operation as a role), the neighbour facades. */
const TARGETS: readonly string[] = ['control', 'ecs', ...NEIGHBOURS];
/** No control method takes more; a longer list is a mistake, not a call. */
const MAX_ARGS = 3;
/** A runUntil condition reads a handful of things; more is not a condition. */
const MAX_WATCHED = 50;

/** The call a request body asks for, checked as the endpoint allows it. */
export function parseWireCall(body: Record<string, unknown>): WireCall {
  const { target, method, args = [], role } = body;
  if (typeof target !== 'string' || !TARGETS.includes(target)) {
    throw invalid(`target must be one of ${TARGETS.join(', ')}; got ${JSON.stringify(target ?? null)}.`, 'target');
  }
  if (typeof method !== 'string' || method === '') throw invalid('method must be the name of a method of the target.', 'method');
  if (!Array.isArray(args) || args.length > MAX_ARGS) throw invalid(`args must be a list of at most ${MAX_ARGS} arguments.`, 'args');
  if (role !== undefined && (typeof role !== 'string' || target !== 'ecs')) throw invalid('role must be the name of an IAM role, and goes with target "ecs".', 'role');
  // JSON has no undefined: a null argument stands for one left out, so a default applies as in-process.
  const call: WireCall = { target, method, args: args.map((arg) => arg ?? undefined), ...(role === undefined ? {} : { role }) };
  // ECS changes travel as ECS requests: here only the reads a runUntil watches, and operations made as a role.
  if (target === 'ecs' && role === undefined && !isRead(call)) throw invalid(`${operationName(method)} is not an ECS read action runUntil can watch.`, 'method');
  if (target === 'control' && method === RUN_UNTIL_READS_CHANGE) call.args = [parseReadsChange(call.args[0])];
  return call;
}

function parseReadsChange(raw: unknown): ReadsChangeRequest {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw invalid(`${RUN_UNTIL_READS_CHANGE} takes one object: {watch, maxSeconds, startedAtMs?}.`, 'args');
  const { watch, startedAtMs, maxSeconds } = raw as Record<string, unknown>;
  if (typeof maxSeconds !== 'number') throw invalid('maxSeconds must be a number of seconds.', 'maxSeconds');
  if (startedAtMs !== undefined && (typeof startedAtMs !== 'number' || !Number.isFinite(startedAtMs) || startedAtMs < 0)) {
    throw invalid('startedAtMs must be the virtual ms the runUntil began at.', 'startedAtMs');
  }
  if (watch === null) return { watch: null, startedAtMs, maxSeconds };
  if (!Array.isArray(watch) || watch.length > MAX_WATCHED) throw invalid(`watch must be a list of at most ${MAX_WATCHED} read calls, or null.`, 'watch');
  const calls = watch.map((raw) => {
    const { target, method } = (raw ?? {}) as Record<string, unknown>;
    if (typeof target === 'string' && typeof method === 'string' && !isRead({ target, method })) {
      throw invalid(`${target}.${method} changes things: runUntil can watch only reads.`, 'watch');
    }
    return parseWireCall(raw as Record<string, unknown>);
  });
  return { watch: calls, startedAtMs, maxSeconds };
}
