import { facadeOperations, type JsonServedApi } from './served-api.js';

/** Amazon CloudWatch Logs: the log groups the awslogs driver writes to, and reading a container's lines back. */
export const logsApi: JsonServedApi = {
  title: 'Amazon CloudWatch Logs',
  actionPrefix: 'logs',
  targetPrefix: 'Logs_20140328',
  operations: facadeOperations((s) => s.logs, [
    'CreateLogGroup', 'DeleteLogGroup', 'PutRetentionPolicy', 'DescribeLogGroups', 'DescribeLogStreams', 'GetLogEvents', 'FilterLogEvents',
  ]),
  // The engine already answers in CloudWatch Logs' names (InvalidParameterException, ResourceNotFoundException...).
  errorCodes: { ServerException: 'ServiceUnavailableException' },
};
