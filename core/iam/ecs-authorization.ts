import { EcsError } from '../kernel/errors.js';
import { arns, resourceId } from '../kernel/arns.js';
import type { SimContext } from '../kernel/context.js';
import { evaluate } from './policy-evaluation.js';
import { policiesOf } from './iam-api.js';

/**
 * What IAM checks when a principal calls an ECS action (the Service Authorization Reference for ECS, in
 * small): the resource the action is on, and the `ecs:cluster` condition key where ECS sets it. Actions
 * on no particular resource are checked against "*".
 */
type ResourceKind = 'none' | 'cluster' | 'clusters' | 'service' | 'serviceArn' | 'services' | 'task' | 'tasks' | 'taskDefinition' | 'containerInstances' | 'resourceArn' | 'newCluster';

export const ECS_ACTION_RESOURCES = {
  putAccountSetting: 'none',
  listAccountSettings: 'none',
  createCapacityProvider: 'none',
  describeCapacityProviders: 'none',
  createCluster: 'newCluster',
  describeClusters: 'clusters',
  listClusters: 'none',
  putClusterCapacityProviders: 'cluster',
  updateClusterSettings: 'cluster',
  deleteCluster: 'cluster',
  registerTaskDefinition: 'none',
  describeTaskDefinition: 'none',
  deregisterTaskDefinition: 'none',
  listTaskDefinitionFamilies: 'none',
  deleteTaskDefinitions: 'none',
  listTaskDefinitions: 'none',
  createService: 'service',
  updateService: 'service',
  deleteService: 'service',
  createTaskSet: 'service',
  updateTaskSet: 'service',
  updateServicePrimaryTaskSet: 'service',
  deleteTaskSet: 'service',
  describeTaskSets: 'service',
  describeServices: 'services',
  listServices: 'cluster',
  runTask: 'taskDefinition',
  startTask: 'taskDefinition',
  stopTask: 'task',
  describeTasks: 'tasks',
  listTasks: 'cluster',
  describeContainerInstances: 'containerInstances',
  listContainerInstances: 'cluster',
  updateContainerInstancesState: 'containerInstances',
  deregisterContainerInstance: 'containerInstances',
  tagResource: 'resourceArn',
  untagResource: 'resourceArn',
  listTagsForResource: 'resourceArn',
  listServiceDeployments: 'service',
  describeServiceDeployments: 'none',
  describeServiceRevisions: 'none',
  getTaskProtection: 'tasks',
  updateTaskProtection: 'tasks',
  putAccountSettingDefault: 'none',
  deleteAccountSetting: 'none',
  updateCapacityProvider: 'none',
  deleteCapacityProvider: 'none',
  updateCluster: 'cluster',
  stopServiceDeployment: 'none',
  continueServiceDeployment: 'none',
  listServicesByNamespace: 'none',
  executeCommand: 'task',
  putAttributes: 'cluster',
  deleteAttributes: 'cluster',
  listAttributes: 'cluster',
  registerContainerInstance: 'cluster',
  submitTaskStateChange: 'cluster',
  submitContainerStateChange: 'cluster',
  submitAttachmentStateChanges: 'cluster',
  discoverPollEndpoint: 'none',
  updateContainerAgent: 'containerInstances',
  // An Express service is an ECS service: created by name in its cluster, then named by its ARN.
  createExpressGatewayService: 'service',
  describeExpressGatewayService: 'serviceArn',
  updateExpressGatewayService: 'serviceArn',
  deleteExpressGatewayService: 'serviceArn',
  // Daemons and gateways: checked against "*" until they are simulated.
  registerDaemonTaskDefinition: 'none',
  describeDaemonTaskDefinition: 'none',
  listDaemonTaskDefinitions: 'none',
  deleteDaemonTaskDefinition: 'none',
  createDaemon: 'none',
  updateDaemon: 'none',
  deleteDaemon: 'none',
  describeDaemon: 'none',
  listDaemons: 'none',
  listDaemonDeployments: 'none',
  describeDaemonDeployments: 'none',
  describeDaemonRevisions: 'none',
  createGateway: 'none',
  describeGateway: 'none',
  updateGateway: 'none',
  deleteGateway: 'none',
  listGateways: 'none',
  associateGatewayWithCluster: 'none',
  disassociateGatewayFromCluster: 'none',
  listGatewayClusterAssociations: 'none',
  listGatewayRoutes: 'none',
  describeGatewayRoute: 'none',
  describeGatewayResources: 'none',
} as const satisfies Record<string, ResourceKind>;

export type EcsActionName = keyof typeof ECS_ACTION_RESOURCES;

const text = (value: unknown, fallback: string) => (typeof value === 'string' && value !== '' ? value : fallback);
const texts = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** "ecs:UpdateService" from "updateService". */
export const iamActionOf = (action: EcsActionName) => `ecs:${action[0].toUpperCase()}${action.slice(1)}`;

/** The resources (one check each) an ECS call touches, and the cluster it happens in. Pure; never validates. */
export function resourcesOf(ctx: Pick<SimContext, 'region' | 'accountId'>, action: EcsActionName, input: unknown): { resources: string[]; cluster?: string } {
  const request = (input !== null && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const clusterName = resourceId(text(request.cluster, 'default'));
  const cluster = arns.cluster(ctx, clusterName);
  switch (ECS_ACTION_RESOURCES[action] as ResourceKind) {
    case 'none':
      return { resources: ['*'] };
    case 'newCluster':
      return { resources: [arns.cluster(ctx, text(request.clusterName, 'default'))] };
    case 'cluster':
      return { resources: [cluster], cluster };
    case 'clusters': {
      const names = texts(request.clusters);
      return { resources: (names.length ? names : ['default']).map((c) => arns.cluster(ctx, resourceId(c))) };
    }
    case 'service':
      return { resources: [arns.service(ctx, clusterName, resourceId(text(request.service ?? request.serviceName, '*')))], cluster };
    case 'serviceArn': {
      // arn:aws:ecs:REGION:ACCOUNT:service/CLUSTER/NAME: the cluster is in the ARN.
      const arn = text(request.serviceArn, '*');
      const path = /:service\/([^/]+)\/[^/]+$/.exec(arn);
      return { resources: [arn], ...(path ? { cluster: arns.cluster(ctx, path[1]) } : {}) };
    }
    case 'services':
      return { resources: texts(request.services).map((s) => arns.service(ctx, clusterName, resourceId(s))), cluster };
    case 'task':
      return { resources: [arns.task(ctx, clusterName, resourceId(text(request.task, '*')))], cluster };
    case 'tasks':
      return { resources: texts(request.tasks).map((t) => arns.task(ctx, clusterName, resourceId(t))), cluster };
    case 'taskDefinition': {
      const ref = resourceId(text(request.taskDefinition, '*'));
      return { resources: [`arn:aws:ecs:${ctx.region}:${ctx.accountId}:task-definition/${ref.includes(':') ? ref : `${ref}:*`}`], cluster };
    }
    case 'containerInstances': {
      const refs = [...texts(request.containerInstances), ...texts([request.containerInstance])];
      return { resources: refs.map((r) => arns.containerInstance(ctx, clusterName, resourceId(r))), cluster };
    }
    case 'resourceArn':
      return { resources: [text(request.resourceArn, '*')] };
  }
}

/**
 * The role's policies decide; the first resource refused raises ECS's AccessDeniedException with IAM's
 * wording, before the action looks at its input (AWS authorises first).
 */
export function authorizeEcsCall(ctx: SimContext, roleArn: string, action: EcsActionName, input: unknown): void {
  const iamAction = iamActionOf(action);
  const { resources, cluster } = resourcesOf(ctx, action, input);
  const policies = policiesOf(ctx, roleArn);
  for (const resource of resources.length ? resources : ['*']) {
    const decision = evaluate(policies, iamAction, resource, cluster ? { 'ecs:cluster': cluster } : {});
    if (decision === 'allowed') continue;
    const roleName = roleArn.slice(roleArn.lastIndexOf('/') + 1);
    const why = decision === 'explicitly denied' ? 'with an explicit deny in an identity-based policy' : `because no identity-based policy allows the ${iamAction} action`;
    throw new EcsError(
      'AccessDeniedException',
      `User: arn:aws:sts::${ctx.accountId}:assumed-role/${roleName}/ecs-lab is not authorized to perform: ${iamAction} on resource: ${resource} ${why}`,
    );
  }
}
