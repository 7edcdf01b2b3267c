import { ECS_API_MODEL } from '../../core/ecs/api-model/ecs-api-model.js';
import type { OperationModel } from '../../core/kernel/api-model.js';

/**
 * The calls a SimulatorPort makes, as they travel: shared by both ports, the dispatch that runs them on a
 * simulator (call-simulator.ts) and the endpoint's `POST /_sim/control` route, which answers the remote port.
 */

/**
 * One call. `target` is `control`, `ecs`, or a neighbour service; `method` is the facade's spelling of the
 * operation (`describeServices`) or the control's name (`addInstances`).
 */
export interface WireCall {
  target: string;
  method: string;
  args: unknown[];
  /** An ECS operation made as this IAM role: an endpoint cannot tell roles apart by credentials. */
  role?: string;
}

/** The simulator's neighbour services, by the name of their facade on EcsSimulator (`simulator.elbv2`). */
export const NEIGHBOURS = [
  'elbv2', 'serviceDiscovery', 'applicationAutoScaling', 'codeDeploy', 'iam', 'secretsManager', 'eventBridge', 'logs', 'sqs',
  'cloudWatch', 'efs', 'ssm',
] as const;

export type Neighbour = (typeof NEIGHBOURS)[number];

export const isNeighbour = (target: string): target is Neighbour => (NEIGHBOURS as readonly string[]).includes(target);

/**
 * SimulationControl methods a port offers, all with JSON arguments and results. Left out on purpose: runUntil
 * (its condition is a function: the port's runUntil, see RUN_UNTIL_READS_CHANGE), subscribe and onStep
 * (callbacks), events (eventsSince serves it a piece at a time).
 */
export const CONTROL_METHODS = [
  'addExternalInstances', 'addInstances', 'advance', 'advanceTo', 'capacityProviderReservations',
  'configureSubnet', 'containerInsightsMetric', 'costReport', 'createAutoScalingGroup', 'createVpcEndpoint',
  'disconnectAgent', 'eventsSince', 'exitContainer',
  'explainPlacement', 'failInstance', 'failZone', 'historyMark', 'interruptFargateSpotTasks',
  'interruptSpotInstance', 'killTask', 'metricHistory', 'produceMessages', 'readFile', 'reconnectAgent',
  'registerImage', 'replaceManagedInstances', 'runUntilSteady', 'setAlarmState', 'setFargateCapacity', 'setLambdaAnswer', 'snapshot', 'startTraffic',
  'stopTraffic', 'taskHistory', 'traces', 'trafficClients', 'trafficHistory', 'view',
] as const;

/** SimulationControl getters, read rather than called. */
export const CONTROL_PROPERTIES = ['now', 'nowEpochSeconds'] as const;

export type ControlName = (typeof CONTROL_METHODS)[number] | (typeof CONTROL_PROPERTIES)[number];

/** The control a port adds for runUntil: runs virtual time until given reads answer differently (reads-change.ts). */
export const RUN_UNTIL_READS_CHANGE = 'runUntilReadsChange';

/** The control a port adds for the runner: the cluster's picture with its task counts and bounds (cluster-frame.ts). */
export const FRAME = 'frame';

/** Control methods that only look: they may be repeated after every engine step. */
const CONTROL_READS: ReadonlySet<string> = new Set([
  'capacityProviderReservations', 'containerInsightsMetric', 'costReport', 'eventsSince', 'explainPlacement',
  'historyMark', 'metricHistory', 'readFile', 'snapshot', 'taskHistory', 'traces', 'trafficClients', 'trafficHistory', 'view',
  ...CONTROL_PROPERTIES, FRAME,
]);

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

/** `describeServices` -> `DescribeServices`: the operation a facade method is named after. */
export const operationName = (method: string): string => method.charAt(0).toUpperCase() + method.slice(1);
