import { facadeOperations, pagedList, type JsonServedApi } from './served-api.js';

/** Application Auto Scaling for ECS services: scalable targets, target tracking, scheduled scaling. */
export const applicationAutoScalingApi: JsonServedApi = {
  title: 'Application Auto Scaling',
  actionPrefix: 'application-autoscaling',
  targetPrefix: 'AnyScaleFrontendService',
  operations: {
    ...facadeOperations((s) => s.applicationAutoScaling, ['RegisterScalableTarget', 'PutScalingPolicy', 'PutScheduledAction', 'DeleteScalingPolicy', 'DeregisterScalableTarget']),
    DescribeScalingActivities: pagedList('ScalingActivities', 50, (s) => s.applicationAutoScaling.describeScalingActivities),
    DescribeScalableTargets: pagedList('ScalableTargets', 50, (s) => s.applicationAutoScaling.describeScalableTargets),
    DescribeScalingPolicies: pagedList('ScalingPolicies', 50, (s) => s.applicationAutoScaling.describeScalingPolicies),
  },
  errorCodes: { InvalidParameterException: 'ValidationException', ServerException: 'InternalServiceException' },
};
