import { epochSeconds, type SimContext } from '../../kernel/context.js';
import { EcsError, clientError, invalidParameter } from '../../kernel/errors.js';
import { resourceId } from '../../kernel/arns.js';
import { optionalBoolean, optionalEnum, optionalInteger, optionalStringList, requireName, requireObject, requireString, validateTags } from '../../kernel/fields.js';
import type { DaemonDeploymentConfiguration, DaemonDeploymentRecord, DaemonRecord, DaemonRevisionRecord } from '../model/managed-daemon-state.js';
import { resolveCluster } from '../model/resolve.js';
import type { ClusterRecord, ServiceRecord } from '../model/state.js';
import { resolveDaemonTaskDefinition } from '../task-definitions/daemon-task-definitions-api.js';
import { freshSchedulerState } from './scheduler-state.js';

/**
 * ECS Managed Daemons (CreateDaemon, UpdateDaemon, DeleteDaemon): each call makes a daemon deployment that the
 * daemon's scheduler passes carry out (managed-daemon-deployment.ts); daemon-views.ts answers the Describe and
 * List calls. Defaults ECS documents only in its console (drainPercent 25) are the simulator's too.
 */
export const DEFAULT_DRAIN_PERCENT = 25;
/** The bake time's bounds: ECS's API reference gives none, its Terraform provider 0 to 1440 minutes. */
const MAX_BAKE_MINUTES = 1440;

const daemonsOf = (ctx: SimContext) => ctx.state.managedDaemons.daemons;
const base = (ctx: SimContext) => `arn:aws:ecs:${ctx.region}:${ctx.accountId}`;

/** A daemon by ARN (or name), or DaemonNotFoundException. */
export function findDaemon(ctx: SimContext, ref: unknown, field = 'daemonArn'): DaemonRecord {
  const name = requireString(ref, field);
  const found = daemonsOf(ctx).get(name) ?? [...daemonsOf(ctx).values()].find((d) => d.name === resourceId(name));
  if (!found) throw new EcsError('DaemonNotFoundException', 'The specified daemon was not found.', field);
  return found;
}

function requireActive(daemon: DaemonRecord): void {
  if (daemon.status !== 'ACTIVE') throw new EcsError('DaemonNotActiveException', `The daemon ${daemon.name} is ${daemon.status}: only an ACTIVE daemon can be changed.`, 'daemonArn');
}

/** The Managed Instances capacity providers a request names, by name (ECS runs daemons on no other capacity). */
function resolveProviders(ctx: SimContext, cluster: ClusterRecord, value: unknown): string[] {
  const refs = optionalStringList(value, 'capacityProviderArns');
  if (!refs || refs.length === 0) throw invalidParameter('capacityProviderArns should not be null or empty.', 'capacityProviderArns');
  return [...new Set(refs.map((ref, i) => {
    const name = resourceId(ref);
    const provider = ctx.state.managedInstancesProviders.get(name);
    if (provider?.clusterName === cluster.name) return name;
    const known = provider || ctx.state.capacityProviders.has(name) || name === 'FARGATE' || name === 'FARGATE_SPOT';
    throw invalidParameter(
      known ? 'ECS Managed Daemons is only supported for Amazon ECS Managed Instances Capacity Providers.' : `The capacity provider ${ref} was not found in cluster ${cluster.name}.`,
      `capacityProviderArns[${i}]`,
    );
  }))];
}

function validateConfiguration(value: unknown, current?: DaemonDeploymentConfiguration): DaemonDeploymentConfiguration {
  if (value === undefined) return current ? structuredClone(current) : { drainPercent: DEFAULT_DRAIN_PERCENT, bakeTimeInMinutes: 0 };
  const raw = requireObject(value, 'deploymentConfiguration');
  // The API model's range (0.0 to 100.0) is checked with the request's shape.
  const drainPercent = (raw.drainPercent as number | undefined) ?? DEFAULT_DRAIN_PERCENT;
  const bakeTimeInMinutes = optionalInteger(raw.bakeTimeInMinutes, 'deploymentConfiguration.bakeTimeInMinutes', { min: 0, max: MAX_BAKE_MINUTES }) ?? 0;
  const configuration: DaemonDeploymentConfiguration = { drainPercent, bakeTimeInMinutes };
  if (raw.alarms !== undefined) {
    const alarms = requireObject(raw.alarms, 'deploymentConfiguration.alarms');
    configuration.alarms = {
      alarmNames: optionalStringList(alarms.alarmNames, 'deploymentConfiguration.alarms.alarmNames') ?? [],
      enable: optionalBoolean(alarms.enable, 'deploymentConfiguration.alarms.enable') ?? false,
    };
  }
  return configuration;
}

/** The next number of the one sequence daemon revisions and deployments share. */
const nextId = (ctx: SimContext) => ++ctx.state.managedDaemons.lastId;
const pathOf = (daemon: Pick<DaemonRecord, 'clusterName' | 'name'>) => `${daemon.clusterName}/${daemon.name}`;

function addRevision(ctx: SimContext, daemon: DaemonRecord, request: Record<string, unknown>, previous?: DaemonRevisionRecord): DaemonRevisionRecord {
  const definition = resolveDaemonTaskDefinition(ctx, request.daemonTaskDefinitionArn, 'daemonTaskDefinitionArn');
  if (definition.status !== 'ACTIVE') throw clientError(`The daemon task definition ${definition.family}:${definition.revision} is ${definition.status}.`, 'daemonTaskDefinitionArn');
  const settings = {
    daemonTaskDefinitionArn: definition.arn,
    critical: optionalBoolean(request.critical, 'critical') ?? previous?.critical ?? true,
    enableExecuteCommand: optionalBoolean(request.enableExecuteCommand, 'enableExecuteCommand') ?? previous?.enableExecuteCommand ?? false,
    enableECSManagedTags: optionalBoolean(request.enableECSManagedTags, 'enableECSManagedTags') ?? previous?.enableECSManagedTags ?? false,
    propagateTags: optionalEnum(request.propagateTags, 'propagateTags', ['DAEMON', 'NONE'] as const) ?? previous?.propagateTags ?? 'NONE',
  };
  const revision: DaemonRevisionRecord = { arn: `${base(ctx)}:daemon-revision/${pathOf(daemon)}/${nextId(ctx)}`, ...settings, createdAt: ctx.clock.now };
  daemon.revisions.push(revision);
  return revision;
}

/** A new deployment of `target` (none: the daemon is deleted); one still going is STOPPED, as ECS does when a new one starts. */
function deploy(ctx: SimContext, daemon: DaemonRecord, configuration: DaemonDeploymentConfiguration, target?: DaemonRevisionRecord): DaemonDeploymentRecord {
  const [ongoing] = daemon.deployments;
  if (ongoing && ['PENDING', 'IN_PROGRESS', 'ROLLBACK_IN_PROGRESS'].includes(ongoing.status)) {
    Object.assign(ongoing, { status: 'STOPPED', statusReason: 'A newer daemon deployment started.', stoppedAt: ctx.clock.now, finishedAt: ctx.clock.now, draining: [] });
  }
  const running = new Set<string>();
  for (const task of daemon.scheduler.tasks.values()) {
    if (task.lastStatus !== 'STOPPED') running.add(task.deploymentId!);
  }
  const deployment: DaemonDeploymentRecord = {
    arn: `${base(ctx)}:daemon-deployment/${pathOf(daemon)}/${nextId(ctx)}`,
    status: 'PENDING',
    ...(target ? { targetRevisionArn: target.arn } : {}),
    sourceRevisionArns: [...running],
    configuration,
    capacityProviders: [...daemon.capacityProviders],
    createdAt: ctx.clock.now,
    draining: [],
    failedTasks: 0,
  };
  daemon.deployments.unshift(deployment);
  daemon.updatedAt = ctx.clock.now;
  ctx.requestServicePass(daemon.scheduler);
  return deployment;
}

/** The service scheduler's record for the daemon: what the one plan applier starts its tasks through. */
function schedulerOf(daemon: Pick<DaemonRecord, 'arn' | 'name' | 'clusterName' | 'createdAt'>, taskDefinitionArn: string): ServiceRecord {
  return {
    arn: daemon.arn,
    name: daemon.name,
    clusterName: daemon.clusterName,
    status: 'ACTIVE',
    schedulingStrategy: 'DAEMON',
    desiredCount: 0,
    taskDefinitionArn,
    launchType: 'MANAGED_INSTANCES',
    capacityProviderStrategy: [],
    deploymentConfiguration: { minimumHealthyPercent: 0, maximumPercent: 100 },
    healthCheckGracePeriodSeconds: 0,
    placementStrategy: [],
    placementConstraints: [],
    loadBalancers: [],
    deploymentController: 'ECS',
    taskSets: [],
    serviceRegistries: [],
    serviceConnectAliases: [],
    createdAt: daemon.createdAt,
    tags: [],
    ...freshSchedulerState(),
    managedDaemon: daemon.arn,
  };
}

const answer = (ctx: SimContext, daemon: DaemonRecord) => ({
  daemonArn: daemon.arn,
  status: daemon.status,
  createdAt: epochSeconds(ctx, daemon.createdAt),
  updatedAt: epochSeconds(ctx, daemon.updatedAt),
  deploymentArn: daemon.deployments[0].arn,
});

export function createDaemon(ctx: SimContext, input: Record<string, unknown>) {
  const request = requireObject(input, 'request');
  const name = requireName(request.daemonName, 'daemonName');
  const cluster = resolveCluster(ctx, request.clusterArn);
  const arn = `${base(ctx)}:daemon/${cluster.name}/${name}`;
  if (daemonsOf(ctx).has(arn)) throw clientError(`A daemon named ${name} already exists in the cluster.`, 'daemonName');
  const capacityProviders = resolveProviders(ctx, cluster, request.capacityProviderArns);
  const configuration = validateConfiguration(request.deploymentConfiguration);
  const tags = validateTags(request.tags);
  const now = ctx.clock.now;
  const draft = { arn, name, clusterName: cluster.name, createdAt: now };
  const daemon: DaemonRecord = { ...draft, status: 'ACTIVE', capacityProviders, revisions: [], deployments: [], updatedAt: now, tags, scheduler: schedulerOf(draft, '') };
  const revision = addRevision(ctx, daemon, request);
  daemon.scheduler.taskDefinitionArn = revision.daemonTaskDefinitionArn;
  daemonsOf(ctx).set(arn, daemon);
  deploy(ctx, daemon, configuration, revision);
  const { daemonArn, status, createdAt, deploymentArn } = answer(ctx, daemon);
  return { daemonArn, status, createdAt, deploymentArn };
}

export function updateDaemon(ctx: SimContext, input: Record<string, unknown>) {
  const request = requireObject(input, 'request');
  const daemon = findDaemon(ctx, request.daemonArn);
  requireActive(daemon);
  const cluster = ctx.state.clusters.get(daemon.clusterName)!;
  const capacityProviders = resolveProviders(ctx, cluster, request.capacityProviderArns);
  const configuration = validateConfiguration(request.deploymentConfiguration, daemon.deployments[0].configuration);
  const revision = addRevision(ctx, daemon, request, daemon.revisions.at(-1));
  daemon.capacityProviders = capacityProviders;
  daemon.scheduler.taskDefinitionArn = revision.daemonTaskDefinitionArn;
  deploy(ctx, daemon, configuration, revision);
  return answer(ctx, daemon);
}

/** ECS drains the instances that run the daemon, in batches, and replaces them without it; then the daemon is gone. */
export function deleteDaemon(ctx: SimContext, input: Record<string, unknown>) {
  const daemon = findDaemon(ctx, requireObject(input, 'request').daemonArn);
  requireActive(daemon);
  daemon.status = 'DELETE_IN_PROGRESS';
  deploy(ctx, daemon, structuredClone(daemon.deployments[0].configuration));
  return answer(ctx, daemon);
}
