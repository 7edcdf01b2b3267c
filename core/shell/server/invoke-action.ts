import { ProtocolError } from './aws-json-protocol.js';
import { ECS_OPERATIONS, facadeMethodName } from './ecs-operations.js';
import { PAGED_LISTS, pageAnswer } from './paginate.js';
import type { EcsSimulator } from '../../sim/simulator.js';

type FacadeMethod = (request: Record<string, unknown>) => unknown;

/**
 * Runs one ECS action on the facade: the method named after the action gets the request body as it is.
 * Synchronous on purpose: nothing else (another request, the clock ticker) can run in the middle of it.
 */
export function invokeAction(simulator: EcsSimulator, operation: string, input: Record<string, unknown>): unknown {
  if (!ECS_OPERATIONS.has(operation)) throw new ProtocolError('UnknownOperationException', `${operation} is not an Amazon ECS operation.`);
  const method = (simulator as unknown as Record<string, FacadeMethod>)[facadeMethodName(operation)];
  const paged = PAGED_LISTS[operation];
  if (!paged) return method.call(simulator, input);
  const { maxResults, nextToken, ...rest } = input;
  const full = method.call(simulator, rest) as Record<string, unknown>;
  return pageAnswer(full, paged.member, { maxResults, nextToken }, paged.maxPage);
}
