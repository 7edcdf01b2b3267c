import { facadeOperations, type QueryServedApi } from './served-api.js';

/** AWS Identity and Access Management: the task and execution roles task definitions name. */
export const iamApi: QueryServedApi = {
  title: 'AWS Identity and Access Management',
  actionPrefix: 'iam',
  signingName: 'iam',
  apiVersion: '2010-05-08',
  xmlNamespace: 'https://iam.amazonaws.com/doc/2010-05-08/',
  numberMembers: new Set(),
  booleanMembers: new Set(),
  operations: facadeOperations((s) => s.iam, ['CreateRole', 'PutRolePolicy', 'AttachRolePolicy']),
  // The engine answers IAM's wire codes already (NoSuchEntity, EntityAlreadyExists, MalformedPolicyDocument).
  errorCodes: { InvalidParameterException: 'ValidationError', ServerException: 'ServiceFailure' },
};
