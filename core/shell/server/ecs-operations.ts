/**
 * Every operation of the ECS API (AmazonEC2ContainerServiceV20141113), as @aws-sdk/client-ecs 3.1164.0 lists
 * them. Only these names can reach the simulator: the facade also has private helpers, which JavaScript
 * would let a crafted X-Amz-Target call.
 */
export const ECS_OPERATIONS: ReadonlySet<string> = new Set([
  'AssociateGatewayWithCluster', 'ContinueServiceDeployment', 'CreateCapacityProvider', 'CreateCluster',
  'CreateDaemon', 'CreateExpressGatewayService', 'CreateGateway', 'CreateService', 'CreateTaskSet',
  'DeleteAccountSetting', 'DeleteAttributes', 'DeleteCapacityProvider', 'DeleteCluster', 'DeleteDaemon',
  'DeleteDaemonTaskDefinition', 'DeleteExpressGatewayService', 'DeleteGateway', 'DeleteService',
  'DeleteTaskDefinitions', 'DeleteTaskSet', 'DeregisterContainerInstance', 'DeregisterTaskDefinition',
  'DescribeCapacityProviders', 'DescribeClusters', 'DescribeContainerInstances', 'DescribeDaemon',
  'DescribeDaemonDeployments', 'DescribeDaemonRevisions', 'DescribeDaemonTaskDefinition',
  'DescribeExpressGatewayService', 'DescribeGateway', 'DescribeGatewayResources', 'DescribeGatewayRoute',
  'DescribeServiceDeployments', 'DescribeServiceRevisions', 'DescribeServices', 'DescribeTaskDefinition',
  'DescribeTaskSets', 'DescribeTasks', 'DisassociateGatewayFromCluster', 'DiscoverPollEndpoint',
  'ExecuteCommand', 'GetTaskProtection', 'ListAccountSettings', 'ListAttributes', 'ListClusters',
  'ListContainerInstances', 'ListDaemonDeployments', 'ListDaemonTaskDefinitions', 'ListDaemons',
  'ListGatewayClusterAssociations', 'ListGatewayRoutes', 'ListGateways', 'ListServiceDeployments',
  'ListServicesByNamespace', 'ListServices', 'ListTagsForResource', 'ListTaskDefinitionFamilies',
  'ListTaskDefinitions', 'ListTasks', 'PutAccountSetting', 'PutAccountSettingDefault', 'PutAttributes',
  'PutClusterCapacityProviders', 'RegisterContainerInstance', 'RegisterDaemonTaskDefinition',
  'RegisterTaskDefinition', 'RunTask', 'StartTask', 'StopServiceDeployment', 'StopTask',
  'SubmitAttachmentStateChanges', 'SubmitContainerStateChange', 'SubmitTaskStateChange', 'TagResource',
  'UntagResource', 'UpdateCapacityProvider', 'UpdateCluster', 'UpdateClusterSettings', 'UpdateContainerAgent',
  'UpdateContainerInstancesState', 'UpdateDaemon', 'UpdateExpressGatewayService', 'UpdateGateway',
  'UpdateService', 'UpdateServicePrimaryTaskSet', 'UpdateTaskProtection', 'UpdateTaskSet'
]);

export const TARGET_PREFIX = 'AmazonEC2ContainerServiceV20141113';

/** `DescribeServices` -> `describeServices`: the facade names its methods after the actions. */
export function facadeMethodName(operation: string): string {
  return operation.charAt(0).toLowerCase() + operation.slice(1);
}
