import type { SimContext } from '../kernel/context.js';
import { optionalEnum, optionalStringList } from '../kernel/fields.js';
import { expressServiceView } from './express-view.js';
import { findExpressService } from './find-express-service.js';

/** DescribeExpressGatewayService: the service, its status and the configurations it runs; its tags only when `include` asks for TAGS. */
export function describeExpressGatewayService(ctx: SimContext, input: { serviceArn: string; include?: Array<'TAGS'> }) {
  const { request, record } = findExpressService(ctx, input, false);
  const include = optionalStringList(request.include, 'include')?.map((item, i) => optionalEnum(item, `include[${i}]`, ['TAGS'] as const));
  const { tags, ...service } = expressServiceView(ctx, record);
  return { service: { ...service, ...(include?.includes('TAGS') ? { tags } : {}) } };
}
