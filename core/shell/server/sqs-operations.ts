import { facadeOperations, type JsonServedApi, type QueryServedApi } from './served-api.js';
import { sqsJsonInput, sqsResultXml } from './sqs-query-protocol.js';

const OPERATIONS = facadeOperations((s) => s.sqs, ['CreateQueue', 'GetQueueUrl', 'SendMessage', 'ReceiveMessage', 'DeleteMessage', 'GetQueueAttributes', 'SetQueueAttributes']);
const TITLE = 'Amazon SQS';

/**
 * SQS's AWS Query error codes, where they are not the engine's exception name (SQS's Query model: a missing
 * queue is AWS.SimpleQueueService.NonExistentQueue).
 */
const QUERY_ERROR_CODES = {
  QueueDoesNotExist: 'AWS.SimpleQueueService.NonExistentQueue',
  QueueNameExists: 'QueueAlreadyExists',
  InvalidParameterException: 'InvalidParameterValue',
  ServerException: 'InternalError',
};

/**
 * Amazon SQS, in AWS JSON 1.0 (`X-Amz-Target: AmazonSQS.SendMessage`), as newer SDKs and CLI v1.45 send
 * it. The engine's names are the JSON protocol's `__type` (QueueDoesNotExist...); as real SQS, every error
 * also carries its Query code in x-amzn-query-error (`AWS.SimpleQueueService.NonExistentQueue;Sender`),
 * which botocore and the JS SDK report as the error's code.
 */
export const sqsJsonApi: JsonServedApi = {
  title: TITLE,
  actionPrefix: 'sqs',
  targetPrefix: 'AmazonSQS',
  jsonVersion: '1.0',
  operations: OPERATIONS,
  errorCodes: { InvalidParameterException: 'InvalidParameterValue', ServerException: 'InternalError' },
  queryErrorCodes: QUERY_ERROR_CODES,
};

/** Amazon SQS in the AWS Query protocol, as AWS CLI v2.9 sends it, with its flattened lists and its own error codes. */
export const sqsQueryApi: QueryServedApi = {
  title: TITLE,
  actionPrefix: 'sqs',
  signingName: 'sqs',
  apiVersion: '2012-11-05',
  xmlNamespace: 'http://queue.amazonaws.com/doc/2012-11-05/',
  numberMembers: new Set(['MaxNumberOfMessages', 'VisibilityTimeout', 'WaitTimeSeconds', 'DelaySeconds']),
  booleanMembers: new Set(),
  operations: Object.fromEntries(Object.entries(OPERATIONS).map(([name, run]) => [name, (simulator, input) => run(simulator, sqsJsonInput(input))])),
  resultXml: sqsResultXml,
  errorCodes: QUERY_ERROR_CODES,
};
