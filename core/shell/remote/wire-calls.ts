import type { EcsSimulator } from '../../sim/simulator.js';
import { ECS_API_MODEL } from '../../ecs/api-model/ecs-api-model.js';
import type { OperationModel } from '../../kernel/api-model.js';

/**
 * What `POST /_sim/control` may call, shared by the server that answers it and the remote simulator that
 * sends it. ECS actions themselves travel as ECS requests (through the SDK), never through this route.
 */

/**
 * The simulator's neighbour services (elbv2, iam, serviceDiscovery...), reached as `target`: the facade's own
 * members that are objects of functions. Read from the simulator, so a new facade needs no list kept here.
 */
export function facadeTargets(simulator: EcsSimulator): string[] {
  return Object.entries(simulator)
    .filter(([name, value]) => name !== 'control' && isFacade(value))
    .map(([name]) => name);
}

function isFacade(value: unknown): value is Record<string, (...args: unknown[]) => unknown> {
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  const members = Object.values(value);
  return members.length > 0 && members.every((member) => typeof member === 'function');
}

/**
 * SimulationControl methods whose arguments and results are JSON. Left out on purpose: runUntil (its
 * condition is a function, see runUntilReadsChange), subscribe and onStep (callbacks), events (eventsSince
 * serves it a piece at a time).
 */
export const CONTROL_METHODS: ReadonlySet<string> = new Set([
  'addExternalInstances', 'addInstances', 'advance', 'advanceTo', 'capacityProviderReservations',
  'containerInsightsMetric', 'costReport', 'createAutoScalingGroup', 'disconnectAgent', 'eventsSince',
  'explainPlacement', 'failInstance', 'failZone', 'historyMark', 'interruptFargateSpotTasks',
  'interruptSpotInstance', 'killTask', 'metricHistory', 'produceMessages', 'readFile', 'reconnectAgent',
  'registerImage', 'runUntilSteady', 'setAlarmState', 'setFargateCapacity', 'snapshot', 'startTraffic',
  'stopTraffic', 'taskHistory', 'traces', 'trafficClients', 'trafficHistory', 'view',
]);

/** SimulationControl getters, read rather than called. */
export const CONTROL_PROPERTIES: ReadonlySet<string> = new Set(['now', 'nowEpochSeconds']);

/** The one control the server adds for the wire: runs virtual time until given reads answer differently. */
export const RUN_UNTIL_READS_CHANGE = 'runUntilReadsChange';

/** Control methods that only look: the server may repeat them after every engine step. */
const CONTROL_READS: ReadonlySet<string> = new Set([
  'capacityProviderReservations', 'containerInsightsMetric', 'costReport', 'eventsSince', 'explainPlacement',
  'historyMark', 'metricHistory', 'readFile', 'snapshot', 'taskHistory', 'traces', 'trafficClients', 'trafficHistory', 'view',
  'now', 'nowEpochSeconds',
]);

/**
 * One call as it travels. `target` is `control` or a facade name; `ecs` stands for the ECS API itself (only
 * in the reads a runUntil watches).
 */
export interface WireCall {
  target: string;
  method: string;
  args: unknown[];
  /** An ECS action made as this IAM role (`asRole`): the endpoint cannot tell roles apart by credentials. */
  role?: string;
}

/** Whether repeating the call can change nothing: the reads a runUntil condition may be made of. */
export function isRead(call: Pick<WireCall, 'target' | 'method'>): boolean {
  if (call.target === 'control') return CONTROL_READS.has(call.method);
  // ECS says itself which of its operations only read; the neighbours' reads are named as AWS names reads.
  if (call.target === 'ecs') {
    const operations: Record<string, OperationModel> = ECS_API_MODEL.operations;
    const operation = operationName(call.method);
    return Object.hasOwn(operations, operation) && operations[operation].readonly;
  }
  return /^(describe|list|get|discover)[A-Z]/.test(call.method);
}

/** `describeServices` -> `DescribeServices`. */
export function operationName(method: string): string {
  return method.charAt(0).toUpperCase() + method.slice(1);
}
