import { facadeOperations, pagedList, type JsonServedApi } from './served-api.js';

/** EventBridge's list actions page with Limit and NextToken (up to 100 a page), where others say MaxResults. */
const LIMIT_PAGE_FIELDS = { maxResults: 'Limit', nextToken: 'NextToken' } as const;

/** Amazon EventBridge: rules on a schedule or an event pattern whose targets run ECS tasks, and custom events. */
export const eventBridgeApi: JsonServedApi = {
  title: 'Amazon EventBridge',
  actionPrefix: 'events',
  targetPrefix: 'AWSEvents',
  operations: {
    ...facadeOperations((s) => s.eventBridge, ['PutRule', 'PutTargets', 'PutEvents', 'DescribeRule', 'RemoveTargets', 'DeleteRule']),
    ListRules: pagedList('Rules', 100, (s) => s.eventBridge.listRules, LIMIT_PAGE_FIELDS),
    ListTargetsByRule: pagedList('Targets', 100, (s) => s.eventBridge.listTargetsByRule, LIMIT_PAGE_FIELDS),
  },
  // EventBridge answers malformed input with the generic ValidationException, which its model does not list.
  errorCodes: { InvalidParameterException: 'ValidationException', ServerException: 'InternalException' },
};
