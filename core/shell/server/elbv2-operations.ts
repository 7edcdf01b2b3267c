import { facadeOperations, pagedList, type QueryServedApi } from './served-api.js';

/** ELBv2's describe actions page with PageSize and Marker (up to 400 a page), and answer the next page's NextMarker. */
const MARKER_PAGE_FIELDS = { maxResults: 'PageSize', nextToken: 'Marker' } as const;

/** Elastic Load Balancing v2: the load balancers and target groups ECS services register their tasks with. */
export const elbv2Api: QueryServedApi = {
  title: 'Elastic Load Balancing',
  actionPrefix: 'elasticloadbalancing',
  signingName: 'elasticloadbalancing',
  apiVersion: '2015-12-01',
  xmlNamespace: 'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/',
  numberMembers: new Set(['Port', 'HealthCheckIntervalSeconds', 'HealthCheckTimeoutSeconds', 'HealthyThresholdCount', 'UnhealthyThresholdCount', 'Weight', 'PageSize', 'Priority']),
  booleanMembers: new Set(),
  operations: {
    ...facadeOperations((s) => s.elbv2, [
      'CreateLoadBalancer', 'CreateTargetGroup', 'CreateListener', 'ModifyListener', 'ModifyTargetGroup', 'ModifyTargetGroupAttributes', 'DeleteTargetGroup', 'DescribeListeners', 'DescribeTargetHealth',
      'DescribeTargetGroupAttributes', 'CreateRule', 'ModifyRule', 'DeleteRule', 'DescribeRules',
    ]),
    DescribeLoadBalancers: pagedList('LoadBalancers', 400, (s) => s.elbv2.describeLoadBalancers, MARKER_PAGE_FIELDS, 'NextMarker'),
    DescribeTargetGroups: (simulator, { LoadBalancerArn, ...request }) => {
      const { TargetGroups } = simulator.elbv2.describeTargetGroups(request);
      if (LoadBalancerArn === undefined) return { TargetGroups };
      // Asking the load balancer's listeners answers LoadBalancerNotFound for one that does not exist.
      simulator.elbv2.describeListeners({ LoadBalancerArn: LoadBalancerArn as string });
      return { TargetGroups: TargetGroups.filter((tg) => tg.LoadBalancerArns.includes(LoadBalancerArn as string)) };
    },
  },
  // ELBv2's wire codes drop the "Exception" of its shape names (TargetGroupNotFoundException -> TargetGroupNotFound).
  errorCodes: {
    TargetGroupNotFoundException: 'TargetGroupNotFound',
    LoadBalancerNotFoundException: 'LoadBalancerNotFound',
    ListenerNotFoundException: 'ListenerNotFound',
    DuplicateTargetGroupNameException: 'DuplicateTargetGroupName',
    DuplicateLoadBalancerNameException: 'DuplicateLoadBalancerName',
    DuplicateListenerException: 'DuplicateListener',
    RuleNotFoundException: 'RuleNotFound',
    PriorityInUseException: 'PriorityInUse',
    OperationNotPermittedException: 'OperationNotPermitted',
    ResourceInUseException: 'ResourceInUse',
    InvalidParameterException: 'ValidationError',
    ServerException: 'InternalFailure',
  },
};
