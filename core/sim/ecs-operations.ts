import type { SimContext } from '../kernel/context.js';
import type { EcsOperationName } from '../ecs/api-model/ecs-api-model.js';
import * as accountSettings from '../ecs/api/account-settings.js';
import * as clusters from '../ecs/api/clusters.js';
import * as tasks from '../ecs/api/tasks.js';
import * as keptResources from '../ecs/api/kept-resources.js';
import * as updateCluster from '../ecs/api/update-cluster.js';
import * as agent from '../ecs/capacity/agent-api.js';
import * as attributes from '../ecs/capacity/attributes-api.js';
import * as servicesByNamespace from '../ecs/services/services-by-namespace.js';
import * as executeCommand from '../ecs/tasks/execute-command.js';
import * as taskProtection from '../ecs/tasks/task-protection.js';
import * as capacityProviderKinds from '../ecs/capacity/capacity-provider-kinds.js';
import * as containerInstanceState from '../ecs/capacity/container-instance-state.js';
import * as containerInstances from '../ecs/capacity/container-instances-api.js';
import * as tags from '../ecs/model/tags.js';
import * as serviceDeployments from '../ecs/services/service-deployments-api.js';
import * as services from '../ecs/services/services-api.js';
import * as taskSets from '../ecs/services/task-set-api.js';
import * as daemons from '../ecs/services/daemons-api.js';
import * as daemonViews from '../ecs/services/daemon-views.js';
import * as daemonTaskDefinitions from '../ecs/task-definitions/daemon-task-definitions-api.js';
import * as taskDefinitions from '../ecs/task-definitions/task-definitions-api.js';
import * as createExpress from '../express-mode/create-express-service.js';
import * as describeExpress from '../express-mode/describe-express-service.js';
import * as updateExpress from '../express-mode/update-express-service.js';
import * as deleteExpress from '../express-mode/delete-express-service.js';

/**
 * The one table of ECS operations: the engine function that answers each, and the request members the
 * simulator acts on ("simulated"); the model's other members are validated, stored and given back, but change
 * nothing the simulator does ("stored only", docs/guide/api-fields.md). Which operations exist, their members,
 * and which only read come from AWS's model (ecs-api-model.ts). The facade, the HTTP endpoint, journal replay,
 * the remote simulator and the fuzzers all read this table.
 */
export interface EcsOperation {
  run: (ctx: SimContext, ...request: never[]) => unknown;
  simulated: readonly string[];
}

const operation = <A extends unknown[], T>(run: (ctx: SimContext, ...request: A) => T, simulated: readonly string[]) => ({ run, simulated });

const CLUSTER = ['cluster'];
/** What an Express service runs, which Create and Update both take. */
const EXPRESS_CONFIGURATION = [
  'executionRoleArn', 'taskRoleArn', 'healthCheckPath', 'primaryContainer', 'networkConfiguration', 'cpu', 'memory', 'cpuArchitecture', 'scalingTarget', 'taskDefinitionArn',
];

export const ECS_OPERATIONS = {
  PutAccountSetting: operation(accountSettings.putAccountSetting, ['name', 'value', 'principalArn']),
  PutAccountSettingDefault: operation(accountSettings.putAccountSettingDefault, ['name', 'value']),
  DeleteAccountSetting: operation(accountSettings.deleteAccountSetting, ['name', 'principalArn']),
  ListAccountSettings: operation(accountSettings.listAccountSettings, ['name', 'value', 'principalArn', 'effectiveSettings']),
  CreateCapacityProvider: operation(capacityProviderKinds.createAnyCapacityProvider, ['name', 'cluster', 'autoScalingGroupProvider', 'managedInstancesProvider', 'tags']),
  UpdateCapacityProvider: operation(capacityProviderKinds.updateAnyCapacityProvider, ['name', 'cluster', 'autoScalingGroupProvider', 'managedInstancesProvider']),
  DeleteCapacityProvider: operation(capacityProviderKinds.deleteAnyCapacityProvider, ['capacityProvider', 'cluster']),
  DescribeCapacityProviders: operation(capacityProviderKinds.describeAnyCapacityProviders, ['capacityProviders']),
  CreateCluster: operation(clusters.createCluster, ['clusterName', 'tags', 'settings', 'configuration', 'capacityProviders', 'defaultCapacityProviderStrategy']),
  DescribeClusters: operation(clusters.describeClusters, ['clusters', 'include']),
  ListClusters: operation(clusters.listClusters, []),
  UpdateClusterSettings: operation(clusters.updateClusterSettings, [...CLUSTER, 'settings']),
  PutClusterCapacityProviders: operation(clusters.putClusterCapacityProviders, [...CLUSTER, 'capacityProviders', 'defaultCapacityProviderStrategy']),
  UpdateCluster: operation(updateCluster.updateCluster, [...CLUSTER, 'settings']),
  DeleteCluster: operation(clusters.deleteCluster, CLUSTER),
  RegisterTaskDefinition: operation(taskDefinitions.registerTaskDefinition, [
    'family', 'containerDefinitions', 'taskRoleArn', 'executionRoleArn', 'networkMode', 'requiresCompatibilities',
    'cpu', 'memory', 'placementConstraints', 'tags', 'volumes', 'pidMode', 'ipcMode', 'runtimePlatform', 'ephemeralStorage',
  ]),
  DescribeTaskDefinition: operation(taskDefinitions.describeTaskDefinition, ['taskDefinition', 'include']),
  DeregisterTaskDefinition: operation(taskDefinitions.deregisterTaskDefinition, ['taskDefinition']),
  ListTaskDefinitionFamilies: operation(taskDefinitions.listTaskDefinitionFamilies, ['familyPrefix', 'status']),
  DeleteTaskDefinitions: operation(taskDefinitions.deleteTaskDefinitions, ['taskDefinitions']),
  ListTaskDefinitions: operation(taskDefinitions.listTaskDefinitions, ['familyPrefix', 'status', 'sort']),
  CreateService: operation(services.createService, [
    ...CLUSTER, 'serviceName', 'taskDefinition', 'desiredCount', 'launchType', 'capacityProviderStrategy', 'deploymentConfiguration',
    'placementConstraints', 'placementStrategy', 'schedulingStrategy', 'tags', 'networkConfiguration', 'loadBalancers',
    'deploymentController', 'serviceRegistries', 'serviceConnectConfiguration', 'healthCheckGracePeriodSeconds', 'role', 'enableExecuteCommand',
  ]),
  UpdateService: operation(services.updateService, [
    ...CLUSTER, 'service', 'taskDefinition', 'desiredCount', 'deploymentConfiguration', 'forceNewDeployment',
    'placementStrategy', 'placementConstraints', 'networkConfiguration', 'healthCheckGracePeriodSeconds', 'enableExecuteCommand',
    'loadBalancers', 'serviceRegistries', 'serviceConnectConfiguration',
  ]),
  DeleteService: operation(services.deleteService, [...CLUSTER, 'service', 'force']),
  DescribeServices: operation(services.describeServices, [...CLUSTER, 'services']),
  ListServices: operation(services.listServices, [...CLUSTER, 'resourceManagementType']),
  ListServiceDeployments: operation(serviceDeployments.listServiceDeployments, [...CLUSTER, 'service', 'status', 'createdAt']),
  DescribeServiceDeployments: operation(serviceDeployments.describeServiceDeployments, ['serviceDeploymentArns']),
  DescribeServiceRevisions: operation(serviceDeployments.describeServiceRevisions, ['serviceRevisionArns']),
  StopServiceDeployment: operation(serviceDeployments.stopServiceDeployment, ['serviceDeploymentArn', 'stopType']),
  ContinueServiceDeployment: operation(serviceDeployments.continueServiceDeployment, ['serviceDeploymentArn', 'hookId']),
  ListServicesByNamespace: operation(servicesByNamespace.listServicesByNamespace, ['namespace']),
  CreateTaskSet: operation(taskSets.createTaskSet, [...CLUSTER, 'service', 'taskDefinition', 'externalId', 'loadBalancers', 'scale', 'launchType', 'networkConfiguration']),
  UpdateTaskSet: operation(taskSets.updateTaskSet, [...CLUSTER, 'service', 'taskSet', 'scale']),
  UpdateServicePrimaryTaskSet: operation(taskSets.updateServicePrimaryTaskSet, [...CLUSTER, 'service', 'primaryTaskSet']),
  DeleteTaskSet: operation(taskSets.deleteTaskSet, [...CLUSTER, 'service', 'taskSet', 'force']),
  DescribeTaskSets: operation(taskSets.describeTaskSets, [...CLUSTER, 'service', 'taskSets']),
  RunTask: operation(tasks.runTask, [
    ...CLUSTER, 'taskDefinition', 'count', 'launchType', 'group', 'startedBy', 'placementConstraints', 'placementStrategy',
    'tags', 'networkConfiguration', 'capacityProviderStrategy', 'enableExecuteCommand',
  ]),
  StartTask: operation(tasks.startTask, [...CLUSTER, 'taskDefinition', 'containerInstances', 'group', 'startedBy', 'enableExecuteCommand']),
  StopTask: operation(tasks.stopTask, [...CLUSTER, 'task', 'reason']),
  DescribeTasks: operation(tasks.describeTasks, [...CLUSTER, 'tasks']),
  GetTaskProtection: operation(taskProtection.getTaskProtection, [...CLUSTER, 'tasks']),
  UpdateTaskProtection: operation(taskProtection.updateTaskProtection, [...CLUSTER, 'tasks', 'protectionEnabled', 'expiresInMinutes']),
  ExecuteCommand: operation(executeCommand.executeCommand, [...CLUSTER, 'task', 'container', 'command', 'interactive']),
  ListTasks: operation(tasks.listTasks, [...CLUSTER, 'serviceName', 'family', 'containerInstance', 'startedBy', 'desiredStatus', 'launchType', 'maxResults', 'nextToken']),
  DescribeContainerInstances: operation(containerInstances.describeContainerInstances, [...CLUSTER, 'containerInstances']),
  ListContainerInstances: operation(containerInstances.listContainerInstances, [...CLUSTER, 'status']),
  UpdateContainerInstancesState: operation(containerInstanceState.updateContainerInstancesState, [...CLUSTER, 'containerInstances', 'status']),
  DeregisterContainerInstance: operation(containerInstanceState.deregisterContainerInstance, [...CLUSTER, 'containerInstance', 'force']),
  PutAttributes: operation(attributes.putAttributes, [...CLUSTER, 'attributes']),
  DeleteAttributes: operation(attributes.deleteAttributes, [...CLUSTER, 'attributes']),
  ListAttributes: operation(attributes.listAttributes, [...CLUSTER, 'targetType', 'attributeName', 'attributeValue']),
  // What only the container agent calls.
  RegisterContainerInstance: operation(agent.registerContainerInstance, [...CLUSTER, 'instanceIdentityDocument', 'totalResources', 'containerInstanceArn']),
  SubmitTaskStateChange: operation(agent.submitTaskStateChange, [...CLUSTER, 'task']),
  SubmitContainerStateChange: operation(agent.submitContainerStateChange, [...CLUSTER, 'task']),
  SubmitAttachmentStateChanges: operation(agent.submitAttachmentStateChanges, CLUSTER),
  DiscoverPollEndpoint: operation(agent.discoverPollEndpoint, CLUSTER),
  UpdateContainerAgent: operation(agent.updateContainerAgent, [...CLUSTER, 'containerInstance']),
  TagResource: operation(tags.tagResource, ['resourceArn', 'tags']),
  UntagResource: operation(tags.untagResource, ['resourceArn', 'tagKeys']),
  ListTagsForResource: operation(tags.listTagsForResource, ['resourceArn']),
  // Express Mode (core/express-mode): composes ECS, ELB, Application Auto Scaling and CloudWatch Logs.
  CreateExpressGatewayService: operation(createExpress.createExpressGatewayService, [...EXPRESS_CONFIGURATION, 'infrastructureRoleArn', 'serviceName', 'cluster', 'tags']),
  DescribeExpressGatewayService: operation(describeExpress.describeExpressGatewayService, ['serviceArn', 'include']),
  UpdateExpressGatewayService: operation(updateExpress.updateExpressGatewayService, ['serviceArn', ...EXPRESS_CONFIGURATION]),
  DeleteExpressGatewayService: operation(deleteExpress.deleteExpressGatewayService, ['serviceArn']),
  RegisterDaemonTaskDefinition: operation(daemonTaskDefinitions.registerDaemonTaskDefinition, ['family', 'containerDefinitions', 'taskRoleArn', 'executionRoleArn', 'cpu', 'memory', 'volumes']),
  DescribeDaemonTaskDefinition: operation(daemonTaskDefinitions.describeDaemonTaskDefinition, ['daemonTaskDefinition']),
  ListDaemonTaskDefinitions: operation(daemonTaskDefinitions.listDaemonTaskDefinitions, ['familyPrefix', 'family', 'revision', 'status', 'sort']),
  DeleteDaemonTaskDefinition: operation(daemonTaskDefinitions.deleteDaemonTaskDefinition, ['daemonTaskDefinition']),
  CreateDaemon: operation(daemons.createDaemon, ['daemonName', 'daemonTaskDefinitionArn', 'capacityProviderArns', 'clusterArn', 'deploymentConfiguration', 'critical']),
  UpdateDaemon: operation(daemons.updateDaemon, ['daemonArn', 'daemonTaskDefinitionArn', 'capacityProviderArns', 'deploymentConfiguration', 'critical']),
  DeleteDaemon: operation(daemons.deleteDaemon, ['daemonArn']),
  DescribeDaemon: operation(daemonViews.describeDaemon, ['daemonArn']),
  ListDaemons: operation(daemonViews.listDaemons, ['clusterArn', 'capacityProviderArns']),
  ListDaemonDeployments: operation(daemonViews.listDaemonDeployments, ['daemonArn', 'status', 'createdAt', 'maxResults']),
  DescribeDaemonDeployments: operation(daemonViews.describeDaemonDeployments, ['daemonDeploymentArns']),
  DescribeDaemonRevisions: operation(daemonViews.describeDaemonRevisions, ['daemonRevisionArns']),
  // Kept and described, not run yet (api/kept-resources.ts): nothing of theirs is simulated.
  CreateGateway: operation(keptResources.createGateway, []),
  DescribeGateway: operation(keptResources.describeGateway, []),
  UpdateGateway: operation(keptResources.updateGateway, []),
  DeleteGateway: operation(keptResources.deleteGateway, []),
  ListGateways: operation(keptResources.listGateways, []),
  AssociateGatewayWithCluster: operation(keptResources.associateGatewayWithCluster, []),
  DisassociateGatewayFromCluster: operation(keptResources.disassociateGatewayFromCluster, []),
  ListGatewayClusterAssociations: operation(keptResources.listGatewayClusterAssociations, []),
  ListGatewayRoutes: operation(keptResources.listGatewayRoutes, []),
  DescribeGatewayRoute: operation(keptResources.describeGatewayRoute, []),
  DescribeGatewayResources: operation(keptResources.describeGatewayResources, []),
} satisfies Record<EcsOperationName, EcsOperation>;

export type EcsOperations = typeof ECS_OPERATIONS;
export type TabledOperation = keyof EcsOperations;

/** `DescribeServices` -> `describeServices`: the facade names its methods after the operations. */
export const methodName = <N extends string>(operation: N) => (operation.charAt(0).toLowerCase() + operation.slice(1)) as Uncapitalize<N>;

/** The facade's ECS methods, typed from the engine functions of the table. */
export type EcsActionMethods = {
  [N in TabledOperation as Uncapitalize<N>]: EcsOperations[N]['run'] extends (ctx: SimContext, ...request: infer A) => infer T ? (...request: A) => T : never;
};

export const ECS_OPERATION_NAMES = Object.keys(ECS_OPERATIONS) as TabledOperation[];
