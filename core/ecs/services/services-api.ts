import type { CreateServiceRequest, Deployment, Service, TaskDefinition, UpdateServiceRequest } from '../model/types.js';
import { freshSchedulerState } from './scheduler-state.js';
import { EcsError, invalidParameter } from '../../kernel/errors.js';
import { copyJson } from '../../kernel/copy-json.js';
import { resolveCluster, resolveService, resolveTaskDefinition, serviceNameIn } from '../model/resolve.js';
import { resolveLaunchTarget } from '../capacity/launch-target.js';
import { arns } from '../../kernel/arns.js';
import { epochSeconds, type SimContext } from '../../kernel/context.js';
import type { ServiceRecord } from '../model/state.js';
import { listedDeployments, newDeployment, startDeployment } from './deployments.js';
import { findTaskDefinition } from '../model/task-definition-lookup.js';
import { validatePlacementConstraints } from '../placement/validate-placement-constraints.js';
import { validatePlacementStrategy } from '../placement/validate-placement-strategy.js';
import { checkLaunchTypeTakesLoadBalancers, validateServiceLoadBalancers } from './validate-service-load-balancers.js';
import { applyRoutingUpdate, validateRoutingUpdate } from './validate-service-routing-update.js';
import { checkStrategyFits, validateDeploymentStrategy } from './validate-deployment-strategy.js';
import { newTaskSet, taskSetView } from './task-sets.js';
import { liveTaskCounts } from './service-deployment-view.js';
import { givenServiceConnect, serviceConnectNamespace, validateServiceConnect, validateServiceRegistries } from './validate-service-discovery.js';
import { stoppedReasons } from '../model/service-messages.js';
import { stopTask } from '../tasks/task-transitions.js';
import { optionalArray, optionalBoolean, optionalEnum, optionalInteger, optionalStringList, requireName, requireObject, validateTags } from '../../kernel/fields.js';


/** ECS's own words (it ends without a full stop). */
const DAEMON_DESIRED_COUNT = 'The daemon scheduling strategy does not support a desired count for services. Remove the desired count value and try again';

/** Defaults for REPLICA services: 100 % healthy, 200 % maximum. */
export const DEFAULT_DEPLOYMENT_CONFIGURATION = { minimumHealthyPercent: 100, maximumPercent: 200 } as const;
/** DAEMON services: one task per instance, so at most 100 %; the API's default minimum is 0 %. */
export const DEFAULT_DAEMON_DEPLOYMENT_CONFIGURATION = { minimumHealthyPercent: 0, maximumPercent: 100 } as const;

function validateDeploymentController(input: unknown, schedulingStrategy: string, loadBalancerCount: number): ServiceRecord['deploymentController'] {
  if (input === undefined) return 'ECS';
  const raw = requireObject(input, 'deploymentController');
  const type = optionalEnum(raw.type, 'deploymentController.type', ['ECS', 'CODE_DEPLOY', 'EXTERNAL'] as const) ?? 'ECS';
  if (type !== 'ECS' && schedulingStrategy === 'DAEMON') {
    throw invalidParameter('The DAEMON scheduling strategy is supported only with the ECS deployment controller.', 'deploymentController.type');
  }
  if (type === 'CODE_DEPLOY' && loadBalancerCount !== 1) {
    throw invalidParameter('A service with the CODE_DEPLOY deployment controller needs exactly one load balancer target group.', 'loadBalancers');
  }
  return type;
}

function checkDaemonRules(request: Record<string, unknown>, launchType: string, configuration: ServiceRecord['deploymentConfiguration']): void {
  if (launchType === 'FARGATE') throw invalidParameter('The DAEMON scheduling strategy is supported only on the EC2 and EXTERNAL launch types.', 'schedulingStrategy');
  if (request.desiredCount !== undefined) throw invalidParameter(DAEMON_DESIRED_COUNT, 'desiredCount');
  if (request.placementStrategy !== undefined) throw invalidParameter('Placement strategies are not supported for a DAEMON service.', 'placementStrategy');
  if (configuration.maximumPercent !== 100) throw invalidParameter('maximumPercent must be 100 for a DAEMON service.', 'deploymentConfiguration.maximumPercent');
}

function validateDeploymentConfiguration(
  input: unknown,
  base: ServiceRecord['deploymentConfiguration'],
): ServiceRecord['deploymentConfiguration'] {
  if (input === undefined) return { ...base };
  const raw = requireObject(input, 'deploymentConfiguration');
  const min = optionalInteger(raw.minimumHealthyPercent, 'deploymentConfiguration.minimumHealthyPercent', { min: 0, max: 100 });
  const max = optionalInteger(raw.maximumPercent, 'deploymentConfiguration.maximumPercent', { min: 100, max: 2000 });
  const merged: ServiceRecord['deploymentConfiguration'] = {
    ...base,
    ...(min !== undefined ? { minimumHealthyPercent: min } : {}),
    ...(max !== undefined ? { maximumPercent: max } : {}),
  };
  if (raw.deploymentCircuitBreaker !== undefined) {
    const breaker = requireObject(raw.deploymentCircuitBreaker, 'deploymentConfiguration.deploymentCircuitBreaker');
    const enable = optionalBoolean(breaker.enable, 'deploymentConfiguration.deploymentCircuitBreaker.enable');
    const rollback = optionalBoolean(breaker.rollback, 'deploymentConfiguration.deploymentCircuitBreaker.rollback');
    if (enable === undefined || rollback === undefined) {
      throw invalidParameter('deploymentConfiguration.deploymentCircuitBreaker needs both enable and rollback (true or false).', 'deploymentConfiguration.deploymentCircuitBreaker');
    }
    merged.deploymentCircuitBreaker = { enable, rollback };
  }
  if (raw.alarms !== undefined) {
    const alarms = requireObject(raw.alarms, 'deploymentConfiguration.alarms');
    const names = (optionalArray(alarms.alarmNames, 'deploymentConfiguration.alarms.alarmNames', 10) ?? []).map((n, i) =>
      requireName(n, `deploymentConfiguration.alarms.alarmNames[${i}]`),
    );
    const enable = optionalBoolean(alarms.enable, 'deploymentConfiguration.alarms.enable');
    const rollback = optionalBoolean(alarms.rollback, 'deploymentConfiguration.alarms.rollback');
    if (enable === undefined || rollback === undefined || names.length === 0) {
      throw invalidParameter('deploymentConfiguration.alarms needs alarmNames (at least one), enable and rollback.', 'deploymentConfiguration.alarms');
    }
    merged.alarms = { alarmNames: names, enable, rollback };
  }
  const { strategy, bakeTimeInMinutes, linearConfiguration, canaryConfiguration, lifecycleHooks, ...rest } = merged;
  return { ...rest, ...validateDeploymentStrategy(raw, { strategy, bakeTimeInMinutes, linearConfiguration, canaryConfiguration, lifecycleHooks }) };
}

/** CreateService takes the role's name or ARN; the service shows the ARN. */
const roleArnOf = (ctx: SimContext, role: string) => (role.startsWith('arn:') ? role : `arn:aws:iam::${ctx.accountId}:role/${role}`);

export function serviceView(ctx: SimContext, service: ServiceRecord): Service {
  const cluster = ctx.state.clusters.get(service.clusterName)!;
  const counts = liveTaskCounts(service);
  // Waiters count on exactly one deployment once a replaced one has no task left.
  const deployments: Deployment[] = listedDeployments(service).map((d) => ({
    id: d.id,
    status: d.status,
    taskDefinition: d.taskDefinitionArn,
    desiredCount: d.status === 'PRIMARY' ? service.desiredCount : 0,
    pendingCount: counts.get(d.id)?.pending ?? 0,
    runningCount: counts.get(d.id)?.running ?? 0,
    failedTasks: d.failedTasks,
    createdAt: epochSeconds(ctx, d.createdAt),
    updatedAt: epochSeconds(ctx, d.updatedAt),
    ...(service.capacityProviderStrategy.length > 0
      ? { capacityProviderStrategy: service.capacityProviderStrategy.map((s) => ({ ...s })) }
      : { launchType: service.launchType }),
    rolloutState: d.rolloutState,
    rolloutStateReason: d.rolloutStateReason,
    // The revision's Service Connect configuration, as given; ECS's serviceConnectResources (the Cloud Map
    // services it creates per discovery name) are not modelled, so they are not shown.
    ...(d.history?.serviceConnectConfiguration ? { serviceConnectConfiguration: copyJson(d.history.serviceConnectConfiguration) } : {}),
  }));
  let running = 0;
  let pending = 0;
  for (const c of counts.values()) {
    running += c.running;
    pending += c.pending;
  }
  return {
    serviceArn: service.arn,
    serviceName: service.name,
    clusterArn: cluster.arn,
    status: service.status,
    desiredCount: service.desiredCount,
    runningCount: running,
    pendingCount: pending,
    ...(service.capacityProviderStrategy.length > 0
      ? { capacityProviderStrategy: service.capacityProviderStrategy.map((s) => ({ ...s })) }
      : { launchType: service.launchType }),
    ...(service.networkConfiguration ? { networkConfiguration: copyJson(service.networkConfiguration) } : {}),
    ...(service.launchType === 'FARGATE' ? { platformVersion: 'LATEST' } : {}),
    ...(service.taskDefinitionArn ? { taskDefinition: service.taskDefinitionArn } : {}),
    deploymentConfiguration: copyJson(service.deploymentConfiguration),
    deployments,
    events: service.events.map((e) => ({ ...e })),
    healthCheckGracePeriodSeconds: service.healthCheckGracePeriodSeconds,
    createdAt: epochSeconds(ctx, service.createdAt),
    placementConstraints: service.placementConstraints.map((c) => ({ ...c })),
    loadBalancers: copyJson(service.loadBalancers),
    // As given; an empty list for a service without any, as ECS shows it.
    serviceRegistries: copyJson(service.serviceRegistries),
    placementStrategy: service.placementStrategy.map((s) => ({ ...s })),
    schedulingStrategy: service.schedulingStrategy,
    deploymentController: { type: service.deploymentController },
    ...(service.roleArn ? { roleArn: service.roleArn } : {}),
    // ECS lists the task sets of a CODE_DEPLOY or EXTERNAL service, none yet included.
    ...(service.deploymentController !== 'ECS' ? { taskSets: service.taskSets.map((s) => taskSetView(ctx, service, s)) } : {}),
    createdBy: `arn:aws:iam::${ctx.accountId}:user/learner`,
    tags: service.tags.map((t) => ({ ...t })),
    ...(service.resourceManagementType ? { resourceManagementType: service.resourceManagementType } : {}),
  };
}

export function createService(ctx: SimContext, input: CreateServiceRequest) {
  const request = requireObject(input, 'request');
  const cluster = resolveCluster(ctx, request.cluster);
  const name = requireName(request.serviceName, 'serviceName');
  // An EXTERNAL service may start without a task definition: its task sets (CreateTaskSet) bring theirs.
  const external = (request.deploymentController as { type?: unknown } | undefined)?.type === 'EXTERNAL';
  const taskDefinition = external && request.taskDefinition === undefined ? undefined : resolveTaskDefinition(ctx, request.taskDefinition);
  if (taskDefinition && taskDefinition.status !== 'ACTIVE') {
    throw invalidParameter(`TaskDefinition is inactive: ${taskDefinition.family}:${taskDefinition.revision}`, 'taskDefinition');
  }
  const desiredCount = optionalInteger(request.desiredCount, 'desiredCount', { min: 0, max: 5000 });
  const schedulingStrategy = optionalEnum(request.schedulingStrategy, 'schedulingStrategy', ['REPLICA', 'DAEMON'] as const) ?? 'REPLICA';
  if (schedulingStrategy === 'REPLICA' && desiredCount === undefined) {
    throw invalidParameter('desiredCount is required for a REPLICA service.', 'desiredCount');
  }
  const target = resolveLaunchTarget(ctx, request, cluster, taskDefinition);
  const deploymentConfiguration = validateDeploymentConfiguration(
    request.deploymentConfiguration,
    schedulingStrategy === 'DAEMON' ? { ...DEFAULT_DAEMON_DEPLOYMENT_CONFIGURATION } : { ...DEFAULT_DEPLOYMENT_CONFIGURATION },
  );
  if (schedulingStrategy === 'DAEMON') checkDaemonRules(request, target.launchType, deploymentConfiguration);
  const healthCheckGracePeriodSeconds = optionalInteger(request.healthCheckGracePeriodSeconds, 'healthCheckGracePeriodSeconds', { min: 0, max: 2147483647 });
  const tags = validateTags(request.tags);
  if (!taskDefinition && request.loadBalancers !== undefined) {
    throw invalidParameter('loadBalancers need the task definition whose container they send traffic to: give taskDefinition, or give the load balancers to CreateTaskSet.', 'loadBalancers');
  }
  const loadBalancers = taskDefinition ? validateServiceLoadBalancers(ctx, request.loadBalancers, taskDefinition) : [];
  checkLaunchTypeTakesLoadBalancers(target.launchType, loadBalancers);
  const deploymentController = validateDeploymentController(request.deploymentController, schedulingStrategy, loadBalancers.length);
  checkStrategyFits(deploymentConfiguration.strategy, { deploymentController, schedulingStrategy, loadBalancers });
  const serviceRegistries = validateServiceRegistries(ctx, request.serviceRegistries);
  const serviceConnectAliases = validateServiceConnect(ctx, request.serviceConnectConfiguration);
  const placementStrategy = validatePlacementStrategy(request.placementStrategy, 'placementStrategy');
  const placementConstraints = validatePlacementConstraints(request.placementConstraints, 'placementConstraints', taskDefinition?.placementConstraints.length ?? 0);
  const existing = cluster.services.get(name);
  if (existing && existing.status !== 'INACTIVE') throw invalidParameter('Creation of service was not idempotent.', 'serviceName');

  const service: ServiceRecord = {
    arn: arns.service(ctx, cluster.name, name),
    name,
    clusterName: cluster.name,
    status: 'ACTIVE',
    schedulingStrategy,
    desiredCount: desiredCount ?? 0,
    ...(taskDefinition ? { taskDefinitionArn: taskDefinition.taskDefinitionArn } : {}),
    launchType: target.launchType,
    capacityProviderStrategy: target.capacityProviderStrategy,
    ...(target.networkConfiguration ? { networkConfiguration: target.networkConfiguration } : {}),
    deploymentConfiguration,
    healthCheckGracePeriodSeconds: healthCheckGracePeriodSeconds ?? 0,
    placementStrategy,
    placementConstraints,
    loadBalancers,
    deploymentController,
    ...(request.role !== undefined ? { roleArn: roleArnOf(ctx, request.role as string) } : {}),
    ...(request.enableExecuteCommand !== undefined ? { enableExecuteCommand: request.enableExecuteCommand as boolean } : {}),
    taskSets: [],
    serviceRegistries,
    serviceConnectAliases,
    ...(request.serviceConnectConfiguration !== undefined
      ? {
          serviceConnectNamespaceArn: serviceConnectNamespace(ctx, request.serviceConnectConfiguration)?.arn,
          serviceConnectConfiguration: givenServiceConnect(request.serviceConnectConfiguration),
        }
      : {}),
    createdAt: ctx.clock.now,
    tags,
    ...freshSchedulerState(),
  };
  cluster.services.set(name, service);
  if (taskDefinition && deploymentController === 'ECS') startDeployment(ctx, service, newDeployment(ctx, taskDefinition.taskDefinitionArn));
  // CodeDeploy services start with one task set holding the whole service on the first target group.
  if (taskDefinition && deploymentController === 'CODE_DEPLOY') service.taskSets.push(newTaskSet(ctx, service, taskDefinition.taskDefinitionArn, loadBalancers, 100, 'PRIMARY'));
  ctx.requestServicePass(service);
  return { service: serviceView(ctx, service) };
}

/** The task definition UpdateService deploys: the one given, else the service's (none for an EXTERNAL service without one). */
const definitionDeployed = (ctx: SimContext, given: TaskDefinition | undefined, service: ServiceRecord) =>
  given ?? (service.taskDefinitionArn ? findTaskDefinition(ctx, service.taskDefinitionArn) : undefined);

export function updateService(ctx: SimContext, input: UpdateServiceRequest) {
  const request = requireObject(input, 'request');
  const cluster = resolveCluster(ctx, request.cluster);
  const service = resolveService(cluster, request.service);
  // Validate everything before changing anything: a rejected call leaves the service as it was.
  const taskDefinition = request.taskDefinition === undefined ? undefined : resolveTaskDefinition(ctx, request.taskDefinition);
  if (taskDefinition && taskDefinition.status !== 'ACTIVE') {
    throw invalidParameter(`TaskDefinition is inactive: ${taskDefinition.family}:${taskDefinition.revision}`, 'taskDefinition');
  }
  // Load balancers (new ones, or else the service's) must fit the task definition the update deploys.
  const routing = validateRoutingUpdate(ctx, request, service, definitionDeployed(ctx, taskDefinition, service), taskDefinition);
  const desiredCount = optionalInteger(request.desiredCount, 'desiredCount', { min: 0, max: 5000 });
  if (desiredCount !== undefined && service.schedulingStrategy === 'DAEMON') {
    throw invalidParameter(DAEMON_DESIRED_COUNT, 'desiredCount');
  }
  const deploymentConfiguration = validateDeploymentConfiguration(request.deploymentConfiguration, service.deploymentConfiguration);
  // A service switching to BLUE_GREEN, LINEAR or CANARY brings its advancedConfiguration in the same call.
  checkStrategyFits(deploymentConfiguration.strategy, { ...service, loadBalancers: routing.loadBalancers ?? service.loadBalancers });
  if (service.schedulingStrategy === 'DAEMON' && deploymentConfiguration.maximumPercent !== 100) {
    throw invalidParameter('maximumPercent must be 100 for a DAEMON service.', 'deploymentConfiguration.maximumPercent');
  }
  const force = optionalBoolean(request.forceNewDeployment, 'forceNewDeployment') ?? false;
  const placementStrategy = request.placementStrategy === undefined ? undefined : validatePlacementStrategy(request.placementStrategy, 'placementStrategy');
  const placementConstraints =
    request.placementConstraints === undefined
      ? undefined
      : validatePlacementConstraints(request.placementConstraints, 'placementConstraints', definitionDeployed(ctx, taskDefinition, service)?.placementConstraints.length ?? 0);
  const healthCheckGracePeriodSeconds = optionalInteger(request.healthCheckGracePeriodSeconds, 'healthCheckGracePeriodSeconds', { min: 0, max: 2147483647 });
  const newDefinition = taskDefinition && taskDefinition.taskDefinitionArn !== service.taskDefinitionArn;
  if ((newDefinition || force) && service.deploymentController !== 'ECS') {
    throw invalidParameter(
      service.deploymentController === 'CODE_DEPLOY'
        ? 'Unable to update task definition on services with a CODE_DEPLOY deployment controller. Use AWS CodeDeploy to trigger a new deployment.'
        : 'Unable to update task definition on services with an EXTERNAL deployment controller. Use CreateTaskSet.',
      'taskDefinition',
    );
  }

  if (desiredCount !== undefined && desiredCount !== service.desiredCount) {
    service.desiredCount = desiredCount;
    service.steady = false;
  }
  service.deploymentConfiguration = deploymentConfiguration;
  if (request.enableExecuteCommand !== undefined) service.enableExecuteCommand = request.enableExecuteCommand as boolean;
  if (healthCheckGracePeriodSeconds !== undefined) service.healthCheckGracePeriodSeconds = healthCheckGracePeriodSeconds;
  if (placementStrategy) service.placementStrategy = placementStrategy;
  if (placementConstraints) service.placementConstraints = placementConstraints;
  const rewired = applyRoutingUpdate(service, routing);
  const deployed = taskDefinition?.taskDefinitionArn ?? service.taskDefinitionArn;
  if ((newDefinition || force || rewired) && deployed) startDeployment(ctx, service, newDeployment(ctx, deployed));
  ctx.requestServicePass(service);
  return { service: serviceView(ctx, service) };
}

export function describeServices(ctx: SimContext, input: { cluster?: string; services: string[] }) {
  const request = requireObject(input, 'request');
  const cluster = resolveCluster(ctx, request.cluster);
  const refs = optionalStringList(request.services, 'services', 10);
  if (!refs || refs.length === 0) throw invalidParameter('services should not be null or empty.', 'services');
  const services: Service[] = [];
  const failures: Array<{ arn: string; reason: string }> = [];
  for (const ref of refs) {
    const name = serviceNameIn(cluster, ref, 'services');
    const record = cluster.services.get(name);
    if (record) services.push(serviceView(ctx, record));
    // ECS names a service it did not find by the short ARN, without the cluster.
    else failures.push({ arn: typeof ref === 'string' && ref.startsWith('arn:') ? ref : `arn:aws:ecs:${ctx.region}:${ctx.accountId}:service/${ref}`, reason: 'MISSING' });
  }
  return { services, failures };
}

/** ListServices: the cluster's ACTIVE services; resourceManagementType ECS lists those ECS manages (Express Mode's), CUSTOMER the others. */
export function listServices(ctx: SimContext, input: { cluster?: string; resourceManagementType?: 'CUSTOMER' | 'ECS' } = {}) {
  const request = requireObject(input ?? {}, 'request');
  const cluster = resolveCluster(ctx, request.cluster);
  const managedBy = optionalEnum(request.resourceManagementType, 'resourceManagementType', ['CUSTOMER', 'ECS'] as const);
  const listed = [...cluster.services.values()].filter((s) => s.status === 'ACTIVE' && (!managedBy || (s.resourceManagementType ?? 'CUSTOMER') === managedBy));
  return { serviceArns: listed.map((s) => s.arn) };
}

/**
 * DeleteService: the service goes DRAINING, its tasks stop, and once none is left it is INACTIVE.
 * A REPLICA service still scaled above 0 needs `force`.
 */
export function deleteService(ctx: SimContext, input: { cluster?: string; service: string; force?: boolean }) {
  const request = requireObject(input, 'request');
  const cluster = resolveCluster(ctx, request.cluster);
  const service = resolveService(cluster, request.service);
  const force = optionalBoolean(request.force, 'force') ?? false;
  if (service.schedulingStrategy === 'REPLICA' && service.desiredCount > 0 && !force) {
    throw new EcsError('InvalidParameterException', 'The service cannot be stopped while it is scaled above 0.', 'force');
  }
  service.status = 'DRAINING';
  service.desiredCount = 0;
  for (const task of service.tasks.values()) {
    if (task.desiredStatus === 'RUNNING') stopTask(ctx, task, 'ServiceSchedulerInitiated', stoppedReasons.scalingActivity(task.deploymentId ?? ''));
  }
  ctx.requestServicePass(service);
  return { service: serviceView(ctx, service) };
}
