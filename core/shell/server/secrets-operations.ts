import { facadeOperations, type JsonServedApi } from './served-api.js';

/** AWS Secrets Manager and SSM Parameter Store: the values a container definition's `secrets` reads. */
export const secretsManagerApi: JsonServedApi = {
  title: 'AWS Secrets Manager',
  actionPrefix: 'secretsmanager',
  targetPrefix: 'secretsmanager',
  operations: facadeOperations((s) => s.secretsManager, ['CreateSecret']),
  errorCodes: { ServerException: 'InternalServiceError' },
};

export const parameterStoreApi: JsonServedApi = {
  title: 'AWS Systems Manager Parameter Store',
  actionPrefix: 'ssm',
  targetPrefix: 'AmazonSSM',
  operations: facadeOperations((s) => s.ssm, ['PutParameter']),
  errorCodes: { InvalidParameterException: 'ValidationException', ServerException: 'InternalServerError' },
};
