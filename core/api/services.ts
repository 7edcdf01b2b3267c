import type { CreateServiceRequest, Deployment, Service, UpdateServiceRequest } from './types.js';
import { EcsError, invalidParameter } from './errors.js';
import { resolveCluster, resolveService, resolveTaskDefinition } from './resolve.js';
import { resolveLaunchTarget } from './launch-target.js';
import { arns } from '../engine/arns.js';
import { epochSeconds, type SimContext } from '../engine/context.js';
import type { ServiceRecord } from '../model/state.js';
import { newDeployment, startDeployment } from '../scheduler/deployments.js';
import {
  optionalArray,
  optionalBoolean,
  optionalEnum,
  optionalInteger,
  rejectUnknownFields,
  requireName,
  requireObject,
} from '../validation/fields.js';

const CREATE_FIELDS = [
  'cluster', 'serviceName', 'taskDefinition', 'desiredCount', 'launchType', 'capacityProviderStrategy', 'deploymentConfiguration',
  'placementConstraints', 'placementStrategy', 'schedulingStrategy', 'tags', 'networkConfiguration',
  'loadBalancers', 'healthCheckGracePeriodSeconds', 'clientToken', 'platformVersion', 'propagateTags', 'enableECSManagedTags',
] as const;
const UPDATE_FIELDS = [
  'cluster', 'service', 'taskDefinition', 'desiredCount', 'deploymentConfiguration', 'forceNewDeployment',
  'placementStrategy', 'placementConstraints', 'networkConfiguration', 'healthCheckGracePeriodSeconds',
] as const;
const DEPLOYMENT_CONFIGURATION_FIELDS = ['maximumPercent', 'minimumHealthyPercent', 'deploymentCircuitBreaker', 'alarms'] as const;

/** Defaults for REPLICA services: 100 % healthy, 200 % maximum. */
export const DEFAULT_DEPLOYMENT_CONFIGURATION = { minimumHealthyPercent: 100, maximumPercent: 200 } as const;

function validateDeploymentConfiguration(
  input: unknown,
  base: ServiceRecord['deploymentConfiguration'],
): ServiceRecord['deploymentConfiguration'] {
  if (input === undefined) return { ...base };
  const raw = requireObject(input, 'deploymentConfiguration');
  rejectUnknownFields(raw, 'deploymentConfiguration', DEPLOYMENT_CONFIGURATION_FIELDS);
  const min = optionalInteger(raw.minimumHealthyPercent, 'deploymentConfiguration.minimumHealthyPercent', { min: 0, max: 100 });
  const max = optionalInteger(raw.maximumPercent, 'deploymentConfiguration.maximumPercent', { min: 100, max: 2000 });
  const merged: ServiceRecord['deploymentConfiguration'] = {
    ...base,
    ...(min !== undefined ? { minimumHealthyPercent: min } : {}),
    ...(max !== undefined ? { maximumPercent: max } : {}),
  };
  if (raw.deploymentCircuitBreaker !== undefined) {
    const breaker = requireObject(raw.deploymentCircuitBreaker, 'deploymentConfiguration.deploymentCircuitBreaker');
    rejectUnknownFields(breaker, 'deploymentConfiguration.deploymentCircuitBreaker', ['enable', 'rollback']);
    const enable = optionalBoolean(breaker.enable, 'deploymentConfiguration.deploymentCircuitBreaker.enable');
    const rollback = optionalBoolean(breaker.rollback, 'deploymentConfiguration.deploymentCircuitBreaker.rollback');
    if (enable === undefined || rollback === undefined) {
      throw invalidParameter('deploymentConfiguration.deploymentCircuitBreaker needs both enable and rollback (true or false).', 'deploymentConfiguration.deploymentCircuitBreaker');
    }
    merged.deploymentCircuitBreaker = { enable, rollback };
  }
  return merged;
}

export function serviceView(ctx: SimContext, service: ServiceRecord): Service {
  const cluster = ctx.state.clusters.get(service.clusterName)!;
  const counts = new Map<string, { running: number; pending: number }>();
  for (const arn of service.taskArns) {
    const task = cluster.tasks.get(arn);
    if (!task || task.desiredStatus !== 'RUNNING' || task.lastStatus === 'STOPPED') continue;
    const c = counts.get(task.deploymentId ?? '') ?? { running: 0, pending: 0 };
    if (task.lastStatus === 'RUNNING') c.running++;
    else c.pending++;
    counts.set(task.deploymentId ?? '', c);
  }
  const deployments: Deployment[] = service.deployments.map((d) => ({
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
    ...(service.networkConfiguration ? { networkConfiguration: structuredClone(service.networkConfiguration) } : {}),
    ...(service.launchType === 'FARGATE' ? { platformVersion: 'LATEST' } : {}),
    taskDefinition: service.taskDefinitionArn,
    deploymentConfiguration: { ...service.deploymentConfiguration },
    deployments,
    events: service.events.map((e) => ({ ...e })),
    healthCheckGracePeriodSeconds: service.healthCheckGracePeriodSeconds,
    createdAt: epochSeconds(ctx, service.createdAt),
    placementConstraints: service.placementConstraints.map((c) => ({ ...c })),
    placementStrategy: service.placementStrategy.map((s) => ({ ...s })),
    schedulingStrategy: 'REPLICA',
    deploymentController: { type: 'ECS' },
    createdBy: `arn:aws:iam::${ctx.accountId}:user/learner`,
    tags: service.tags.map((t) => ({ ...t })),
  };
}

export function createService(ctx: SimContext, input: CreateServiceRequest) {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', CREATE_FIELDS);
  const cluster = resolveCluster(ctx, request.cluster);
  const name = requireName(request.serviceName, 'serviceName');
  const taskDefinition = resolveTaskDefinition(ctx, request.taskDefinition);
  if (taskDefinition.status !== 'ACTIVE') {
    throw invalidParameter(`TaskDefinition is inactive: ${taskDefinition.family}:${taskDefinition.revision}`, 'taskDefinition');
  }
  const desiredCount = optionalInteger(request.desiredCount, 'desiredCount', { min: 0, max: 5000 });
  const schedulingStrategy = optionalEnum(request.schedulingStrategy, 'schedulingStrategy', ['REPLICA', 'DAEMON'] as const) ?? 'REPLICA';
  if (schedulingStrategy === 'REPLICA' && desiredCount === undefined) {
    throw invalidParameter('desiredCount is required for a REPLICA service.', 'desiredCount');
  }
  if (schedulingStrategy === 'DAEMON') {
    throw new EcsError('UnsupportedFeatureException', 'DAEMON services are not simulated yet; use REPLICA.', 'schedulingStrategy');
  }
  const target = resolveLaunchTarget(request, cluster, taskDefinition);
  const deploymentConfiguration = validateDeploymentConfiguration(request.deploymentConfiguration, { ...DEFAULT_DEPLOYMENT_CONFIGURATION });
  const healthCheckGracePeriodSeconds = optionalInteger(request.healthCheckGracePeriodSeconds, 'healthCheckGracePeriodSeconds', { min: 0, max: 2147483647 });
  const placementStrategy = (optionalArray(request.placementStrategy, 'placementStrategy', 5) ?? []).map((s, i) => {
    const raw = requireObject(s, `placementStrategy[${i}]`);
    const type = optionalEnum(raw.type, `placementStrategy[${i}].type`, ['random', 'spread', 'binpack'] as const);
    if (!type) throw invalidParameter(`placementStrategy[${i}].type should not be null or empty.`, `placementStrategy[${i}].type`);
    if (type === 'binpack' && raw.field !== 'cpu' && raw.field !== 'memory') {
      throw invalidParameter(`placementStrategy[${i}].field must be cpu or memory for binpack.`, `placementStrategy[${i}].field`);
    }
    return { type, ...(typeof raw.field === 'string' ? { field: raw.field } : {}) };
  });
  const existing = cluster.services.get(name);
  if (existing && existing.status !== 'INACTIVE') throw invalidParameter('Creation of service was not idempotent.', 'serviceName');

  const service: ServiceRecord = {
    arn: arns.service(ctx, cluster.name, name),
    name,
    clusterName: cluster.name,
    status: 'ACTIVE',
    desiredCount: desiredCount ?? 0,
    taskDefinitionArn: taskDefinition.taskDefinitionArn,
    launchType: target.launchType,
    capacityProviderStrategy: target.capacityProviderStrategy,
    ...(target.networkConfiguration ? { networkConfiguration: target.networkConfiguration } : {}),
    deploymentConfiguration,
    healthCheckGracePeriodSeconds: healthCheckGracePeriodSeconds ?? 0,
    placementStrategy,
    placementConstraints: [],
    deployments: [],
    events: [],
    createdAt: ctx.clock.now,
    tags: ((request.tags as Service['tags']) ?? []).map((t) => ({ ...t })),
    steady: false,
    passScheduled: false,
    openConditions: new Map(),
    taskArns: new Set(),
    startFailuresInARow: 0,
    nextLaunchAllowedAt: 0,
  };
  cluster.services.set(name, service);
  startDeployment(ctx, service, newDeployment(ctx, taskDefinition.taskDefinitionArn));
  ctx.requestServicePass(service);
  return { service: serviceView(ctx, service) };
}

export function updateService(ctx: SimContext, input: UpdateServiceRequest) {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', UPDATE_FIELDS);
  const cluster = resolveCluster(ctx, request.cluster);
  const service = resolveService(cluster, request.service);
  // Validate everything before changing anything: a rejected call leaves the service as it was.
  const taskDefinition = request.taskDefinition === undefined ? undefined : resolveTaskDefinition(ctx, request.taskDefinition);
  if (taskDefinition && taskDefinition.status !== 'ACTIVE') {
    throw invalidParameter(`TaskDefinition is inactive: ${taskDefinition.family}:${taskDefinition.revision}`, 'taskDefinition');
  }
  const desiredCount = optionalInteger(request.desiredCount, 'desiredCount', { min: 0, max: 5000 });
  const deploymentConfiguration = validateDeploymentConfiguration(request.deploymentConfiguration, service.deploymentConfiguration);
  const force = optionalBoolean(request.forceNewDeployment, 'forceNewDeployment') ?? false;
  const healthCheckGracePeriodSeconds = optionalInteger(request.healthCheckGracePeriodSeconds, 'healthCheckGracePeriodSeconds', { min: 0, max: 2147483647 });

  if (desiredCount !== undefined && desiredCount !== service.desiredCount) {
    service.desiredCount = desiredCount;
    service.steady = false;
  }
  service.deploymentConfiguration = deploymentConfiguration;
  if (healthCheckGracePeriodSeconds !== undefined) service.healthCheckGracePeriodSeconds = healthCheckGracePeriodSeconds;
  const newDefinition = taskDefinition && taskDefinition.taskDefinitionArn !== service.taskDefinitionArn;
  if (newDefinition || force) {
    startDeployment(ctx, service, newDeployment(ctx, taskDefinition?.taskDefinitionArn ?? service.taskDefinitionArn));
  }
  ctx.requestServicePass(service);
  return { service: serviceView(ctx, service) };
}

export function describeServices(ctx: SimContext, input: { cluster?: string; services: string[] }) {
  const request = requireObject(input, 'request');
  const cluster = resolveCluster(ctx, request.cluster);
  const refs = optionalArray(request.services, 'services', 10);
  if (!refs || refs.length === 0) throw invalidParameter('services should not be null or empty.', 'services');
  const services: Service[] = [];
  const failures: Array<{ arn: string; reason: string }> = [];
  for (const ref of refs) {
    const name = typeof ref === 'string' ? ref.slice(ref.lastIndexOf('/') + 1) : '';
    const record = cluster.services.get(name);
    if (record) services.push(serviceView(ctx, record));
    else failures.push({ arn: typeof ref === 'string' && ref.startsWith('arn:') ? ref : arns.service(ctx, cluster.name, String(ref)), reason: 'MISSING' });
  }
  return { services, failures };
}

export function listServices(ctx: SimContext, input: { cluster?: string } = {}) {
  const cluster = resolveCluster(ctx, requireObject(input ?? {}, 'request').cluster);
  return { serviceArns: [...cluster.services.values()].filter((s) => s.status === 'ACTIVE').map((s) => s.arn) };
}
