import { EcsError } from '../../index.js';
import type { EcsSimulator } from '../../sim/simulator.js';
import { secondsNotPast } from '../remote/seconds-not-past.js';
import {
  CONTROL_METHODS,
  CONTROL_PROPERTIES,
  RUN_UNTIL_READS_CHANGE,
  facadeTargets,
  isRead,
  operationName,
  type WireCall,
} from '../remote/wire-calls.js';

/**
 * `POST /_sim/control {"target", "method", "args"}`: one call on the simulation control or a neighbour
 * facade, so the step library can run over the wire (`ecs-lab run --endpoint`). Only allow-listed methods
 * that exist on the facade can be reached.
 */

const invalid = (message: string, field: string) => new EcsError('InvalidParameterException', message, field);

/** No control method takes more; a longer list is a mistake, not a call. */
const MAX_ARGS = 3;
/** A runUntil condition reads a handful of things; more is not a condition. */
const MAX_WATCHED = 50;

/** The call a request body asks for; `targets` are the names it may address. */
export function parseWireCall(body: Record<string, unknown>, targets: readonly string[]): WireCall {
  const { target, method, args = [], role } = body;
  if (typeof target !== 'string' || !targets.includes(target)) {
    throw invalid(`target must be one of ${targets.join(', ')}; got ${JSON.stringify(target ?? null)}.`, 'target');
  }
  if (typeof method !== 'string' || method === '') throw invalid('method must be the name of a method of the target.', 'method');
  if (!Array.isArray(args) || args.length > MAX_ARGS) throw invalid(`args must be a list of at most ${MAX_ARGS} arguments.`, 'args');
  if (role !== undefined && (typeof role !== 'string' || target !== 'ecs')) throw invalid('role must be the name of an IAM role, and goes with target "ecs".', 'role');
  // JSON has no undefined: a null argument stands for one left out, so a default applies as in-process.
  return { target, method, args: args.map((arg) => arg ?? undefined), ...(role === undefined ? {} : { role }) };
}

/** Runs one wire call on the simulator and returns its result (undefined for a method that returns nothing). */
export function callOverWire(simulator: EcsSimulator, call: WireCall): unknown {
  if (call.target === 'control') {
    if (call.method === RUN_UNTIL_READS_CHANGE) return runUntilReadsChange(simulator, call.args[0]);
    if (CONTROL_PROPERTIES.has(call.method)) return simulator.control[call.method as 'now' | 'nowEpochSeconds'];
    if (!CONTROL_METHODS.has(call.method)) {
      throw invalid(`${call.method} is not a simulation control over the wire; the controls are ${[...CONTROL_METHODS, ...CONTROL_PROPERTIES, RUN_UNTIL_READS_CHANGE].join(', ')}.`, 'method');
    }
    return methodOf(simulator.control, call.method)(...call.args);
  }
  if (call.role !== undefined) {
    const client = methodOf(simulator, 'asRole')(call.role) as Record<string, unknown>;
    if (!Object.hasOwn(client, call.method)) throw invalid(`${operationName(call.method)} is not an ECS action a role can make.`, 'method');
    return methodOf(client, call.method)(...call.args);
  }
  if (call.target === 'ecs') {
    // Only the reads a runUntil watches: ECS changes travel as ECS requests.
    if (!isRead(call)) throw invalid(`${operationName(call.method)} is not an ECS read action runUntil can watch.`, 'method');
    return methodOf(simulator, call.method)(...call.args);
  }
  const facade = (simulator as unknown as Record<string, Record<string, unknown>>)[call.target];
  if (!Object.hasOwn(facade, call.method)) {
    throw invalid(`${call.target} has no method ${call.method}; it has ${Object.keys(facade).join(', ')}.`, 'method');
  }
  return methodOf(facade, call.method)(...call.args);
}

/** What `target` may name: the control, the simulator's facades, and ECS (its reads, and any action as a role). */
export function wireTargets(simulator: EcsSimulator): string[] {
  return ['control', 'ecs', ...facadeTargets(simulator)];
}

function methodOf(owner: object, name: string): (...args: unknown[]) => unknown {
  const method = (owner as Record<string, unknown>)[name];
  if (typeof method !== 'function') throw invalid(`${name} is not a method.`, 'method');
  return method.bind(owner) as (...args: unknown[]) => unknown;
}

export interface ReadsChangeRequest {
  /** The calls the client's condition made, or null: stop after the next engine step. */
  watch: WireCall[] | null;
  /** Virtual ms at which the client's runUntil began (absent on its first round). */
  startedAtMs?: number;
  maxSeconds: number;
}

export interface ReadsChangeResult {
  /** The watched reads answer differently now (or an engine step ran, with watch null). */
  changed: boolean;
  startedAtMs: number;
  /** Time reached the runUntil's limit: the condition gets its last look. */
  deadlineReached: boolean;
}

/**
 * What lets a runUntil whose condition is a function in the client run here exactly as in-process: the engine
 * checks the condition after every step, and a condition made of reads can only change its answer after a
 * step that changed one of its reads. So the server runs until the reads change, and the client looks again.
 */
export function runUntilReadsChange(simulator: EcsSimulator, raw: unknown): ReadsChangeResult {
  const request = parseReadsChange(simulator, raw);
  const { control } = simulator;
  const nowMs = control.now * 1000;
  const startedAtMs = request.startedAtMs ?? nowMs;
  // The same sum as SimulationControl.runUntil, so the limit is the very millisecond it would be in-process.
  const deadlineMs = startedAtMs + request.maxSeconds * 1000;
  const { watch } = request;
  const fingerprint = () => JSON.stringify(watch!.map((call) => readOutcome(simulator, call)));
  let steps = 0;
  const baseline = watch ? fingerprint() : '';
  const changed = watch ? () => fingerprint() !== baseline : () => steps++ > 0;
  const seconds = request.startedAtMs === undefined ? request.maxSeconds : secondsNotPast(nowMs, deadlineMs);
  let result = control.runUntil(changed, seconds);
  // Time may have stopped a hair short of the limit (no double lands on it): finish the instant.
  if (!result && control.now * 1000 < deadlineMs && Number.isInteger(deadlineMs)) {
    control.advanceTo(deadlineMs);
    result = changed();
  }
  return { changed: result, startedAtMs, deadlineReached: control.now * 1000 >= deadlineMs };
}

function parseReadsChange(simulator: EcsSimulator, raw: unknown): ReadsChangeRequest {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw invalid(`${RUN_UNTIL_READS_CHANGE} takes one object: {watch, maxSeconds, startedAtMs?}.`, 'args');
  const { watch, startedAtMs, maxSeconds } = raw as Record<string, unknown>;
  if (typeof maxSeconds !== 'number') throw invalid('maxSeconds must be a number of seconds.', 'maxSeconds');
  if (startedAtMs !== undefined && (typeof startedAtMs !== 'number' || !Number.isFinite(startedAtMs) || startedAtMs < 0)) {
    throw invalid('startedAtMs must be the virtual ms the runUntil began at.', 'startedAtMs');
  }
  if (watch === null) return { watch: null, startedAtMs, maxSeconds };
  if (!Array.isArray(watch) || watch.length > MAX_WATCHED) throw invalid(`watch must be a list of at most ${MAX_WATCHED} read calls, or null.`, 'watch');
  const calls = watch.map((call) => parseWireCall(call as Record<string, unknown>, wireTargets(simulator)));
  const notRead = calls.find((call) => !isRead(call));
  if (notRead) throw invalid(`${notRead.target}.${notRead.method} changes things: runUntil can watch only reads.`, 'watch');
  return { watch: calls, startedAtMs, maxSeconds };
}

/** A read's answer, or its error: both are what the condition saw. */
function readOutcome(simulator: EcsSimulator, call: WireCall): unknown {
  try {
    return callOverWire(simulator, call);
  } catch (error) {
    return { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}
