import { EcsError, type EcsSimulator } from '../../core/index.js';
import { ECS_OPERATIONS } from '../../core/sim/ecs-operations.js';
import { clusterFrame } from './cluster-frame.js';
import { runUntilReadsChange, type ReadsChangeRequest } from './reads-change.js';
import { CONTROL_METHODS, CONTROL_PROPERTIES, FRAME, NEIGHBOURS, RUN_UNTIL_READS_CHANGE, isNeighbour, operationName, type WireCall } from './wire-call.js';

const invalid = (message: string, field: string) => new EcsError('InvalidParameterException', message, field);

type Method = (...args: unknown[]) => unknown;

/**
 * The one place where a port's call reaches the engine: the in-process port runs every call a step makes
 * here, and the endpoint's `POST /_sim/control` runs here what the remote port sends it (ECS requests reach
 * the same facade methods through the endpoint's AWS JSON route, core/shell/server/invoke-action.ts). An ECS
 * operation is one of the operation table (core/sim/ecs-operations.ts), run by the facade method of its name
 * (`describeServices`); a neighbour's, its facade's method.
 */
export function callSimulator(simulator: EcsSimulator, call: WireCall): unknown {
  const { target, method, args, role } = call;
  if (target === 'control') return callControl(simulator, method, args);
  if (target === 'ecs') {
    if (!Object.hasOwn(ECS_OPERATIONS, operationName(method))) throw invalid(`${operationName(method)} is not an ECS operation ecs-lab simulates.`, 'method');
    return methodOf(role === undefined ? simulator : simulator.asRole(role), method)(...args);
  }
  if (!isNeighbour(target)) throw invalid(`target must be one of control, ecs, ${NEIGHBOURS.join(', ')}; got ${JSON.stringify(target)}.`, 'target');
  // hasOwn: a crafted name such as "toString" must not reach Object.prototype.
  const facade = simulator[target] as unknown as Record<string, Method>;
  if (!Object.hasOwn(facade, method)) throw invalid(`${target} has no method ${method}; it has ${Object.keys(facade).join(', ')}.`, 'method');
  return facade[method](...args);
}

const CONTROLS: ReadonlySet<string> = new Set(CONTROL_METHODS);

function callControl(simulator: EcsSimulator, method: string, args: unknown[]): unknown {
  if (method === RUN_UNTIL_READS_CHANGE) return runUntilReadsChange(simulator, args[0] as ReadsChangeRequest, (read) => callSimulator(simulator, read));
  if (method === FRAME) return clusterFrame(simulator);
  if ((CONTROL_PROPERTIES as readonly string[]).includes(method)) return simulator.control[method as (typeof CONTROL_PROPERTIES)[number]];
  if (!CONTROLS.has(method)) {
    const known = [...CONTROL_METHODS, ...CONTROL_PROPERTIES, RUN_UNTIL_READS_CHANGE, FRAME].join(', ');
    throw invalid(`${method} is not a simulation control a port offers; the controls are ${known}.`, 'method');
  }
  return methodOf(simulator.control, method)(...args);
}

function methodOf(owner: object, name: string): Method {
  const method = (owner as Record<string, unknown>)[name];
  if (typeof method !== 'function') throw invalid(`${name} is not a method.`, 'method');
  return method.bind(owner) as Method;
}
