import { EcsError } from '../kernel/errors.js';
import type { SimContext } from '../kernel/context.js';
import { requireObject, requireString } from '../kernel/fields.js';
import type { ExpressServiceRecord } from './express-state.js';
import { expressStatus } from './express-view.js';

/**
 * The Express service a request's `serviceArn` names. Describe answers ResourceNotFoundException for one it
 * does not know; Update and Delete answer ServiceNotFoundException, and ServiceNotActiveException once it
 * is draining or gone (the exceptions each operation lists in ECS's API model).
 */
export function findExpressService(ctx: SimContext, input: unknown, active: boolean): { request: Record<string, unknown>; record: ExpressServiceRecord } {
  const request = requireObject(input, 'request');
  const arn = requireString(request.serviceArn, 'serviceArn');
  const record = ctx.state.express.services.get(arn);
  if (!record) {
    if (!active) throw new EcsError('ResourceNotFoundException', `The Express service ${arn} was not found.`, 'serviceArn');
    throw new EcsError('ServiceNotFoundException', 'Service not found.', 'serviceArn');
  }
  if (active && expressStatus(ctx, record) !== 'ACTIVE') throw new EcsError('ServiceNotActiveException', 'Service was not ACTIVE.', 'serviceArn');
  return { request, record };
}
