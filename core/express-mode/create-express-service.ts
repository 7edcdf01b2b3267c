import { EcsError, invalidParameter } from '../kernel/errors.js';
import type { SimContext } from '../kernel/context.js';
import { resourceId } from '../kernel/arns.js';
import { optionalString, requireName, requireObject, requireString, validateTags } from '../kernel/fields.js';
import { createCluster } from '../ecs/api/clusters.js';
import { createService } from '../ecs/services/services-api.js';
import { addLogGroup } from '../cloudwatch/logs-api.js';
import { createTargetGroup } from '../elb/elb-api.js';
import { createRule } from '../elb/listener-rules.js';
import { BAKE_MINUTES, CANARY_BAKE_MINUTES, CANARY_PERCENT, DEFAULT_CLUSTER, DEFAULT_SUBNETS, PRIMARY_CONTAINER_NAME } from './express-defaults.js';
import { resolveConfiguration, type ExpressConfigurationRequest } from './express-configuration.js';
import { checkRevision, deployRevision } from './express-revision.js';
import { applyScaling } from './express-scaling.js';
import type { ExpressConfiguration, ExpressServiceRecord } from './express-state.js';
import { expressServiceView } from './express-view.js';
import { sharedLoadBalancerFor } from './shared-load-balancer.js';

/**
 * CreateExpressGatewayService: from an image (or a task definition) and two roles, what Express Mode makes
 * ("Resources created by Amazon ECS Express Mode services"): the default cluster if it does not exist, a
 * task definition, a log group, two target groups and a host-header rule on a shared HTTPS load balancer,
 * a Fargate service deploying by canary with an alarm to roll back on, and target tracking auto scaling.
 * Everything is checked before anything is made, so a refused request leaves nothing behind.
 */
export interface CreateExpressGatewayServiceRequest extends ExpressConfigurationRequest {
  infrastructureRoleArn: string;
  serviceName?: string;
  cluster?: string;
  tags?: Array<{ key: string; value?: string }>;
}

const IAM_ROLE = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

export function createExpressGatewayService(ctx: SimContext, input: CreateExpressGatewayServiceRequest) {
  const request = requireObject(input, 'request');
  const infrastructureRoleArn = requireString(request.infrastructureRoleArn, 'infrastructureRoleArn');
  if (!IAM_ROLE.test(infrastructureRoleArn)) throw invalidParameter(`infrastructureRoleArn must be an IAM role ARN; got ${infrastructureRoleArn}.`, 'infrastructureRoleArn');
  const clusterName = request.cluster === undefined ? DEFAULT_CLUSTER : resourceId(requireString(request.cluster, 'cluster'));
  const cluster = ctx.state.clusters.get(clusterName);
  // Express Mode makes the default cluster; any other it is told to use must exist.
  if (clusterName !== DEFAULT_CLUSTER && cluster?.status !== 'ACTIVE') throw new EcsError('ClusterNotFoundException', 'Cluster not found.', 'cluster');
  const serviceName = requireName(optionalString(request.serviceName, 'serviceName') ?? nameFromRequest(request), 'serviceName');
  const existing = cluster?.services.get(serviceName);
  if (existing && existing.status !== 'INACTIVE') throw invalidParameter('Creation of service was not idempotent.', 'serviceName');
  const tags = validateTags(request.tags);
  const requested = resolveConfiguration(request, undefined, {
    logGroup: `/aws/ecs/${clusterName}/${serviceName}`,
    networkConfiguration: { subnets: DEFAULT_SUBNETS, securityGroups: [] },
  });
  const revision = checkRevision(ctx, serviceName, requested);

  // Checked: from here on, everything is made.
  if (!cluster || cluster.status !== 'ACTIVE') {
    createCluster(ctx, { clusterName: DEFAULT_CLUSTER, capacityProviders: ['FARGATE'] });
  }
  const securityGroups = requested.networkConfiguration.securityGroups.length > 0 ? requested.networkConfiguration.securityGroups : [`sg-${ctx.random.hex(17)}`];
  const configuration: ExpressConfiguration = { ...requested, cpu: revision.cpu, memory: revision.memory, networkConfiguration: { ...requested.networkConfiguration, securityGroups } };
  const logGroupName = configuration.primaryContainer?.awsLogsConfiguration.logGroup ?? `/aws/ecs/${clusterName}/${serviceName}`;
  const createdLogGroup = !ctx.state.observability.logGroups.has(logGroupName);
  if (createdLogGroup) addLogGroup(ctx, logGroupName);
  const taskDefinitionArn = deployRevision(ctx, revision);
  const endpoint = `${endpointPrefix(serviceName)}-${ctx.random.hex(32)}.ecs.${ctx.region}.on.aws`;
  const lb = sharedLoadBalancerFor(ctx, configuration.networkConfiguration.subnets);
  const targetGroupArns = [1, 2].map(
    () =>
      createTargetGroup(ctx, { Name: targetGroupName(serviceName, ctx.random.hex(8)), Protocol: 'HTTP', Port: revision.containerPort, TargetType: 'ip', HealthCheckPath: configuration.healthCheckPath })
        .TargetGroups[0].TargetGroupArn,
  ) as [string, string];
  const priority = Math.max(0, ...(ctx.state.elb.loadBalancers.get(lb.arn)!.listeners[0].rules ?? []).map((r) => r.priority)) + 1;
  const [rule] = createRule(ctx, {
    ListenerArn: lb.listenerArn,
    Priority: priority,
    Conditions: [{ Field: 'host-header', HostHeaderConfig: { Values: [endpoint] } }],
    Actions: [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: targetGroupArns[0], Weight: 1 }, { TargetGroupArn: targetGroupArns[1], Weight: 0 }] } }],
  }).Rules;
  const alarmName = `ecs-express-${clusterName}-${serviceName}-errors`.slice(0, 255);
  const { service } = createService(ctx, {
    cluster: clusterName,
    serviceName,
    taskDefinition: taskDefinitionArn,
    desiredCount: configuration.scalingTarget.minTaskCount,
    launchType: 'FARGATE',
    networkConfiguration: { awsvpcConfiguration: { subnets: [...configuration.networkConfiguration.subnets], securityGroups: [...securityGroups], assignPublicIp: request.networkConfiguration === undefined ? 'ENABLED' : 'DISABLED' } },
    loadBalancers: [
      {
        targetGroupArn: targetGroupArns[0],
        containerName: PRIMARY_CONTAINER_NAME,
        containerPort: revision.containerPort,
        advancedConfiguration: { alternateTargetGroupArn: targetGroupArns[1], productionListenerRule: rule.RuleArn, roleArn: infrastructureRoleArn },
      },
    ],
    deploymentConfiguration: {
      strategy: 'CANARY',
      canaryConfiguration: { canaryPercent: CANARY_PERCENT, canaryBakeTimeInMinutes: CANARY_BAKE_MINUTES },
      bakeTimeInMinutes: BAKE_MINUTES,
      alarms: { alarmNames: [alarmName], enable: true, rollback: true },
    },
    tags,
  });
  const record: ExpressServiceRecord = {
    serviceArn: service.serviceArn,
    clusterName,
    serviceName,
    infrastructureRoleArn,
    tags,
    endpoint,
    loadBalancerArn: lb.arn,
    ruleArn: rule.RuleArn,
    targetGroupArns,
    logGroupName,
    createdLogGroup,
    alarmName,
    scalingPolicyName: '',
    configurations: [],
    createdAt: ctx.clock.now,
    updatedAt: ctx.clock.now,
    removed: false,
  };
  record.scalingPolicyName = applyScaling(ctx, record, configuration.scalingTarget, targetGroupArns[0]);
  const ecsService = ctx.state.clusters.get(clusterName)!.services.get(serviceName)!;
  // ECS manages the service for you: the console and ListServices tell it apart by this.
  ecsService.resourceManagementType = 'ECS';
  const deploymentId = ecsService.deployments[0].id;
  record.configurations = [{ asked: configuration, taskDefinitionArn, deploymentId, createdAt: ctx.clock.now }];
  ctx.state.express.services.set(record.serviceArn, record);
  return { service: expressServiceView(ctx, record) };
}

/** Without a serviceName, the service is named after the image's repository (or the task definition's family). */
function nameFromRequest(request: Record<string, unknown>): string {
  const container = request.primaryContainer as { image?: unknown } | undefined;
  const source = typeof container?.image === 'string' ? container.image.split('/').pop()!.split(/[:@]/)[0] : resourceId(String(request.taskDefinitionArn ?? '')).split(':')[0];
  return source.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 255);
}

/** The endpoint's host starts with two letters or digits of the service's name, as AWS's do. */
function endpointPrefix(serviceName: string): string {
  return (serviceName.toLowerCase().replace(/[^a-z0-9]/g, '') + 'xx').slice(0, 2);
}

/** ELB names: up to 32 letters, digits and hyphens, not starting or ending with a hyphen. */
function targetGroupName(serviceName: string, suffix: string): string {
  const base = serviceName.replace(/[^A-Za-z0-9-]/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '').slice(0, 18).replace(/-$/, '');
  return `ecs-${base || 'express'}-${suffix}`;
}
