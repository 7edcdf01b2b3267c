import { epochSeconds, type SimContext } from '../kernel/context.js';
import type { ServiceRecord } from '../ecs/model/state.js';
import { serviceDeploymentArn, serviceDeploymentsOf, serviceRevisionArn } from '../ecs/services/service-deployment-view.js';
import { listedDeployments } from '../ecs/services/deployments.js';
import type { DeployedConfiguration, ExpressServiceRecord } from './express-state.js';

/**
 * ECSExpressGatewayService and ExpressGatewayServiceConfiguration as ECS answers them. The status follows
 * the ECS service: ACTIVE, DRAINING once deleted, INACTIVE once its tasks and resources are gone. The active
 * configurations are those of the revisions the service runs now: two during a canary deployment.
 */
export function ecsServiceOf(ctx: SimContext, record: Pick<ExpressServiceRecord, 'clusterName' | 'serviceName'>): ServiceRecord {
  return ctx.state.clusters.get(record.clusterName)!.services.get(record.serviceName)!;
}

export function expressStatus(ctx: SimContext, record: ExpressServiceRecord): 'ACTIVE' | 'DRAINING' | 'INACTIVE' {
  if (record.removed) return 'INACTIVE';
  return ecsServiceOf(ctx, record).status === 'ACTIVE' ? 'ACTIVE' : 'DRAINING';
}

export function configurationView(ctx: SimContext, record: ExpressServiceRecord, configuration: DeployedConfiguration) {
  const { taskDefinitionArn } = configuration;
  const { executionRoleArn, taskRoleArn, cpu, memory, cpuArchitecture, networkConfiguration, healthCheckPath, primaryContainer, scalingTarget } = configuration.asked;
  return {
    serviceRevisionArn: serviceRevisionArn(ctx, ecsServiceOf(ctx, record), configuration.deploymentId),
    ...(executionRoleArn !== undefined ? { executionRoleArn } : {}),
    ...(taskRoleArn !== undefined ? { taskRoleArn } : {}),
    taskDefinitionArn,
    cpu,
    memory,
    cpuArchitecture,
    networkConfiguration: structuredClone(networkConfiguration),
    healthCheckPath,
    ...(primaryContainer ? { primaryContainer: structuredClone(primaryContainer) } : {}),
    scalingTarget: { ...scalingTarget },
    ingressPaths: [{ accessType: 'PUBLIC' as const, endpoint: record.endpoint }],
    createdAt: epochSeconds(ctx, configuration.createdAt),
  };
}

/** The configurations of the deployments the service still runs, newest first (a rollback runs the revision it went back to). */
function activeConfigurations(ctx: SimContext, record: ExpressServiceRecord): DeployedConfiguration[] {
  if (record.removed) return [];
  const revisions = listedDeployments(ecsServiceOf(ctx, record)).map((d) => d.rollbackTo ?? d.id);
  return [...new Set(revisions)].flatMap((id) => record.configurations.filter((c) => c.deploymentId === id));
}

export function expressServiceView(ctx: SimContext, record: ExpressServiceRecord) {
  const service = ecsServiceOf(ctx, record);
  const current = serviceDeploymentsOf(service)[0];
  return {
    cluster: ctx.state.clusters.get(record.clusterName)!.arn,
    serviceName: record.serviceName,
    serviceArn: record.serviceArn,
    infrastructureRoleArn: record.infrastructureRoleArn,
    status: { statusCode: expressStatus(ctx, record) },
    ...(current && !record.removed ? { currentDeployment: serviceDeploymentArn(ctx, service, current) } : {}),
    activeConfigurations: activeConfigurations(ctx, record).map((c) => configurationView(ctx, record, c)),
    tags: record.tags.map((t) => ({ ...t })),
    createdAt: epochSeconds(ctx, record.createdAt),
    updatedAt: epochSeconds(ctx, record.updatedAt),
  };
}
