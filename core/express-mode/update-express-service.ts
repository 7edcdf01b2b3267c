import { invalidParameter } from '../kernel/errors.js';
import { epochSeconds, type SimContext } from '../kernel/context.js';
import { updateService } from '../ecs/services/services-api.js';
import { modifyTargetGroup } from '../elb/elb-api.js';
import { resolveConfiguration, type ExpressConfigurationRequest } from './express-configuration.js';
import { checkRevision, deployRevision } from './express-revision.js';
import { applyScaling } from './express-scaling.js';
import type { ExpressConfiguration } from './express-state.js';
import { configurationView, ecsServiceOf, expressStatus } from './express-view.js';
import { findExpressService } from './find-express-service.js';

/**
 * UpdateExpressGatewayService: the members given replace the current revision's. A change to what the tasks
 * run (container, task definition, size, roles, architecture) registers a task definition and rolls a new
 * deployment: ECS's canary (5 % of production traffic for 3 minutes, then all of it, 3 minutes' bake). The
 * health check path and the scaling target change in place. The simulator keeps a service's subnets and its
 * container port: changing them would move it to another load balancer or target group.
 */
export interface UpdateExpressGatewayServiceRequest extends ExpressConfigurationRequest {
  serviceArn: string;
}

/** What the tasks run: a change to any of these is a new revision. */
const RUNS = ['executionRoleArn', 'taskRoleArn', 'cpu', 'memory', 'cpuArchitecture', 'primaryContainer', 'taskDefinitionArn'] as const;

export function updateExpressGatewayService(ctx: SimContext, input: UpdateExpressGatewayServiceRequest) {
  const { request, record } = findExpressService(ctx, input, true);
  const current = record.configurations[0];
  const requested = resolveConfiguration(request, current.asked, { logGroup: record.logGroupName, networkConfiguration: current.asked.networkConfiguration });
  const runsOtherwise = RUNS.some((member) => JSON.stringify(requested[member]) !== JSON.stringify(current.asked[member]));
  const revision = runsOtherwise ? checkRevision(ctx, record.serviceName, requested) : undefined;
  const currentPort = ecsServiceOf(ctx, record).loadBalancers[0].containerPort;
  if (revision && revision.containerPort !== currentPort) {
    throw invalidParameter(`The container port cannot change from ${currentPort} in the simulator: the service's target groups forward to it.`, request.taskDefinitionArn !== undefined ? 'taskDefinitionArn' : 'primaryContainer.containerPort');
  }

  // Checked: from here on, everything changes.
  const configuration: ExpressConfiguration = revision ? { ...requested, cpu: revision.cpu, memory: revision.memory } : requested;
  if (configuration.healthCheckPath !== current.asked.healthCheckPath) {
    for (const arn of record.targetGroupArns) modifyTargetGroup(ctx, { TargetGroupArn: arn, HealthCheckPath: configuration.healthCheckPath });
  }
  const service = ecsServiceOf(ctx, record);
  if (revision) {
    const taskDefinitionArn = deployRevision(ctx, revision);
    updateService(ctx, { cluster: record.clusterName, service: record.serviceName, taskDefinition: taskDefinitionArn });
    record.configurations.unshift({ asked: configuration, taskDefinitionArn, deploymentId: service.deployments[0].id, createdAt: ctx.clock.now });
  } else {
    record.configurations[0] = { ...current, asked: { ...current.asked, healthCheckPath: configuration.healthCheckPath, scalingTarget: configuration.scalingTarget } };
  }
  const { minTaskCount, maxTaskCount } = configuration.scalingTarget;
  const desiredCount = Math.min(maxTaskCount, Math.max(minTaskCount, service.desiredCount));
  if (desiredCount !== service.desiredCount) updateService(ctx, { cluster: record.clusterName, service: record.serviceName, desiredCount });
  // Production traffic ends on the target group the newest deployment registers in.
  record.scalingPolicyName = applyScaling(ctx, record, configuration.scalingTarget, record.targetGroupArns[service.deployments[0].onAlternate ? 1 : 0]);
  record.updatedAt = ctx.clock.now;
  return {
    service: {
      serviceArn: record.serviceArn,
      cluster: ctx.state.clusters.get(record.clusterName)!.arn,
      serviceName: record.serviceName,
      status: { statusCode: expressStatus(ctx, record) },
      targetConfiguration: configurationView(ctx, record, record.configurations[0]),
      createdAt: epochSeconds(ctx, record.createdAt),
      updatedAt: epochSeconds(ctx, record.updatedAt),
    },
  };
}
