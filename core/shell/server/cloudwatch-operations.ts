import { ProtocolError } from './aws-json-protocol.js';
import { facadeOperations, type JsonServedApi, type QueryServedApi } from './served-api.js';

/**
 * Amazon CloudWatch alarms: metric alarms on the simulator's metrics, and the state deployment alarms watch.
 * AWS CLI v2.9 speaks the Query protocol to it; newer SDKs (botocore 1.43, CLI v1.45) AWS JSON 1.0 with the
 * target prefix below, in "query compatible" mode, which reads the same error codes.
 */
export const cloudWatchApi: QueryServedApi & JsonServedApi = {
  title: 'Amazon CloudWatch',
  actionPrefix: 'cloudwatch',
  targetPrefix: 'GraniteServiceVersion20100801',
  jsonVersion: '1.0',
  signingName: 'monitoring',
  apiVersion: '2010-08-01',
  xmlNamespace: 'http://monitoring.amazonaws.com/doc/2010-08-01/',
  numberMembers: new Set(['Period', 'EvaluationPeriods', 'DatapointsToAlarm', 'Threshold']),
  booleanMembers: new Set(),
  operations: {
    ...facadeOperations((s) => s.cloudWatch, ['PutMetricAlarm', 'DescribeAlarms']),
    SetAlarmState: (simulator, { AlarmName, StateValue, StateReason }) => {
      if (typeof StateReason !== 'string' || StateReason === '') throw new ProtocolError('MissingParameter', 'The parameter StateReason is required.');
      simulator.control.setAlarmState({ alarmName: AlarmName as string, state: StateValue as 'OK' | 'ALARM' | 'INSUFFICIENT_DATA' });
      return {};
    },
  },
  errorCodes: { InvalidParameterException: 'InvalidParameterValue', ServerException: 'InternalServiceError' },
};
