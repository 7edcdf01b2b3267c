import type { EcsSimulator } from '../../index.js';
import { pageAnswer } from './paginate.js';
import { facadeOperations, type JsonServedApi, type ServedOperation } from './served-api.js';

/** EventBridge's list actions page with Limit and NextToken (up to 100 a page), where others say MaxResults. */
const limitPaged =
  (member: string, method: (simulator: EcsSimulator) => (request: never) => unknown): ServedOperation =>
  (simulator, { Limit, NextToken, ...rest }) =>
    pageAnswer(method(simulator)(rest as never) as Record<string, unknown>, member, { maxResults: Limit, nextToken: NextToken }, 100, { maxResults: 'Limit', nextToken: 'NextToken' });

/** Amazon EventBridge: rules on a schedule or an event pattern whose targets run ECS tasks, and custom events. */
export const eventBridgeApi: JsonServedApi = {
  title: 'Amazon EventBridge',
  actionPrefix: 'events',
  targetPrefix: 'AWSEvents',
  operations: {
    ...facadeOperations((s) => s.eventBridge, ['PutRule', 'PutTargets', 'PutEvents', 'DescribeRule', 'RemoveTargets', 'DeleteRule']),
    ListRules: limitPaged('Rules', (s) => s.eventBridge.listRules),
    ListTargetsByRule: limitPaged('Targets', (s) => s.eventBridge.listTargetsByRule),
  },
  // EventBridge answers malformed input with the generic ValidationException, which its model does not list.
  errorCodes: { InvalidParameterException: 'ValidationException', ServerException: 'InternalException' },
};
