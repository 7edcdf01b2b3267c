import { facadeOperations, type JsonServedApi } from './served-api.js';

/** Amazon EventBridge: rules on a schedule or an event pattern whose targets run ECS tasks, and custom events. */
export const eventBridgeApi: JsonServedApi = {
  title: 'Amazon EventBridge',
  actionPrefix: 'events',
  targetPrefix: 'AWSEvents',
  operations: facadeOperations((s) => s.eventBridge, ['PutRule', 'PutTargets', 'PutEvents', 'DescribeRule']),
  // EventBridge answers malformed input with the generic ValidationException, which its model does not list.
  errorCodes: { InvalidParameterException: 'ValidationException', ServerException: 'InternalException' },
};
