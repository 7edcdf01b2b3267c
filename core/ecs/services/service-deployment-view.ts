import { epochSeconds, type SimContext } from '../../kernel/context.js';
import { copyJson } from '../../kernel/copy-json.js';
import type { DeploymentRecord, ServiceRecord } from '../model/state.js';
import { findTaskDefinition } from '../model/task-definition-lookup.js';
import { hookId } from './apply-blue-green.js';
import { circuitBreakerThreshold } from './circuit-breaker.js';

/**
 * The service deployment and service revision APIs (ListServiceDeployments, DescribeServiceDeployments,
 * DescribeServiceRevisions) read a service's deployments, which the engine keeps after DescribeServices
 * stops listing them. A deployment the circuit breaker or an alarm started to roll back is part of the
 * failed service deployment (its `rollback`), not one of its own; it deploys the revision it went back to.
 * A native blue/green deployment rolls back without one: its traffic goes back to blue, which is still running.
 */

export type ServiceDeploymentStatus = 'IN_PROGRESS' | 'SUCCESSFUL' | 'STOPPED' | 'ROLLBACK_IN_PROGRESS' | 'ROLLBACK_SUCCESSFUL' | 'ROLLBACK_FAILED';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** ECS's service deployment ids are short random tokens; the engine's are read from the deployment id's digits, so none is drawn. */
function deploymentToken(deploymentId: string): string {
  let n = BigInt(deploymentId.slice(deploymentId.indexOf('/') + 1));
  let token = '';
  do {
    token = BASE62[Number(n % 62n)] + token;
    n /= 62n;
  } while (n > 0n);
  return token;
}

const servicePath = (service: ServiceRecord) => `${service.clusterName}/${service.name}`;
const arnBase = (ctx: SimContext) => `arn:aws:ecs:${ctx.region}:${ctx.accountId}`;

export const serviceDeploymentArn = (ctx: SimContext, service: ServiceRecord, deployment: DeploymentRecord) =>
  `${arnBase(ctx)}:service-deployment/${servicePath(service)}/${deploymentToken(deployment.id)}`;

/** A revision is named by the digits of the deployment that first deployed it (a rollback re-deploys one). */
export const serviceRevisionArn = (ctx: SimContext, service: ServiceRecord, deploymentId: string) =>
  `${arnBase(ctx)}:service-revision/${servicePath(service)}/${deploymentId.slice(deploymentId.indexOf('/') + 1)}`;

/**
 * The service deployments of a service, newest first: every deployment but the rollbacks (a blue/green
 * rollback puts blue, the older one, back in front of the service's own list).
 */
export function serviceDeploymentsOf(service: ServiceRecord): DeploymentRecord[] {
  return service.deployments.filter((d) => d.rollbackTo === undefined).sort((a, b) => b.createdAt - a.createdAt);
}

/** How a failed deployment went back: since when, to which deployment's revision, and how far it got. */
interface RollbackOutcome {
  startedAt: number;
  /** The deployment that first deployed the revision it went back to. */
  revisionDeploymentId?: string;
  status: 'ROLLBACK_IN_PROGRESS' | 'ROLLBACK_SUCCESSFUL' | 'ROLLBACK_FAILED';
  finishedAt?: number;
  updatedAt: number;
}

/**
 * The rollback of a FAILED deployment: the deployment the engine started just after it, at that instant
 * (rolling), or green's traffic going back to blue (native blue/green), over once green's tasks are gone.
 */
function rollbackOf(service: ServiceRecord, deployment: DeploymentRecord): RollbackOutcome | undefined {
  if (deployment.rolloutState !== 'FAILED') return undefined;
  const traffic = deployment.trafficRollback;
  if (traffic) {
    const status = traffic.toDeploymentId === undefined ? 'ROLLBACK_FAILED' : traffic.finishedAt !== undefined ? 'ROLLBACK_SUCCESSFUL' : 'ROLLBACK_IN_PROGRESS';
    const finishedAt = status === 'ROLLBACK_FAILED' ? traffic.startedAt : traffic.finishedAt;
    const blue = service.deployments.find((d) => d.id === traffic.toDeploymentId);
    return { startedAt: traffic.startedAt, revisionDeploymentId: blue && (blue.rollbackTo ?? blue.id), status, finishedAt, updatedAt: finishedAt ?? traffic.startedAt };
  }
  const newer = service.deployments[service.deployments.indexOf(deployment) - 1];
  if (newer?.rollbackTo === undefined || newer.createdAt !== deployment.updatedAt) return undefined;
  const status = newer.rolloutState === 'COMPLETED' ? 'ROLLBACK_SUCCESSFUL' : newer.rolloutState === 'FAILED' ? 'ROLLBACK_FAILED' : 'ROLLBACK_IN_PROGRESS';
  return { startedAt: newer.createdAt, revisionDeploymentId: newer.rollbackTo, status, ...(status !== 'ROLLBACK_IN_PROGRESS' ? { finishedAt: newer.updatedAt } : {}), updatedAt: newer.updatedAt };
}

/** The deployment that took over from `deployment`, if any: it stopped one still in progress. */
function successorOf(service: ServiceRecord, deployment: DeploymentRecord): DeploymentRecord | undefined {
  return service.deployments[service.deployments.indexOf(deployment) - 1];
}

/** Status, reason and end of a service deployment, from its deployment's rollout and the rollback it caused. */
export function serviceDeploymentOutcome(service: ServiceRecord, deployment: DeploymentRecord): { status: ServiceDeploymentStatus; statusReason?: string; finishedAt?: number } {
  if (deployment.rolloutState === 'COMPLETED') return { status: 'SUCCESSFUL', finishedAt: deployment.updatedAt };
  if (deployment.rolloutState === 'FAILED') {
    const rollback = rollbackOf(service, deployment);
    const statusReason = deployment.rolloutStateReason;
    if (!rollback) return { status: 'STOPPED', statusReason, finishedAt: deployment.updatedAt };
    return { status: rollback.status, statusReason, ...(rollback.finishedAt !== undefined ? { finishedAt: rollback.finishedAt } : {}) };
  }
  const successor = successorOf(service, deployment);
  return successor ? { status: 'STOPPED', finishedAt: successor.createdAt } : { status: 'IN_PROGRESS' };
}

/** Tasks not yet stopped by deployment id: what each revision runs now. */
export function liveTaskCounts(service: ServiceRecord): Map<string, { running: number; pending: number }> {
  const counts = new Map<string, { running: number; pending: number }>();
  for (const task of service.tasks.values()) {
    if (task.desiredStatus !== 'RUNNING' || task.lastStatus === 'STOPPED') continue;
    const c = counts.get(task.deploymentId ?? '') ?? { running: 0, pending: 0 };
    if (task.lastStatus === 'RUNNING') c.running++;
    else c.pending++;
    counts.set(task.deploymentId ?? '', c);
  }
  return counts;
}

export function serviceDeploymentBrief(ctx: SimContext, service: ServiceRecord, deployment: DeploymentRecord) {
  const cluster = ctx.state.clusters.get(service.clusterName)!;
  const { status, statusReason, finishedAt } = serviceDeploymentOutcome(service, deployment);
  return {
    serviceDeploymentArn: serviceDeploymentArn(ctx, service, deployment),
    serviceArn: service.arn,
    clusterArn: cluster.arn,
    startedAt: epochSeconds(ctx, deployment.createdAt),
    createdAt: epochSeconds(ctx, deployment.createdAt),
    ...(finishedAt !== undefined ? { finishedAt: epochSeconds(ctx, finishedAt) } : {}),
    targetServiceRevisionArn: serviceRevisionArn(ctx, service, deployment.id),
    status,
    ...(statusReason !== undefined ? { statusReason } : {}),
  };
}

/** What a deployment's failure monitor says: DISABLED when off, TRIGGERED when it failed the deployment. */
function monitorStatus(enabled: boolean, triggered: boolean, finished: boolean): 'DISABLED' | 'TRIGGERED' | 'MONITORING' | 'MONITORING_COMPLETE' {
  if (!enabled) return 'DISABLED';
  if (triggered) return 'TRIGGERED';
  return finished ? 'MONITORING_COMPLETE' : 'MONITORING';
}

export function serviceDeploymentDetail(ctx: SimContext, service: ServiceRecord, deployment: DeploymentRecord) {
  const brief = serviceDeploymentBrief(ctx, service, deployment);
  const counts = liveTaskCounts(service);
  const revisionSummary = (d: DeploymentRecord, requested: number) => ({
    arn: serviceRevisionArn(ctx, service, d.rollbackTo ?? d.id),
    requestedTaskCount: requested,
    runningTaskCount: counts.get(d.id)?.running ?? 0,
    pendingTaskCount: counts.get(d.id)?.pending ?? 0,
  });
  const history = deployment.history!;
  const configuration = history.deploymentConfiguration;
  const finished = brief.finishedAt !== undefined;
  const failedBy = deployment.rolloutState === 'FAILED' ? deployment.rolloutStateReason : undefined;
  const breakerTripped = failedBy !== undefined && failedBy.startsWith('ECS deployment circuit breaker');
  const rollback = rollbackOf(service, deployment);
  const byId = new Map(service.deployments.map((d) => [d.id, d]));
  return {
    serviceDeploymentArn: brief.serviceDeploymentArn,
    serviceArn: brief.serviceArn,
    clusterArn: brief.clusterArn,
    createdAt: brief.createdAt,
    startedAt: brief.startedAt,
    ...(brief.finishedAt !== undefined ? { finishedAt: brief.finishedAt } : {}),
    ...(brief.status === 'STOPPED' ? { stoppedAt: brief.finishedAt } : {}),
    updatedAt: epochSeconds(ctx, Math.max(deployment.updatedAt, rollback?.updatedAt ?? 0)),
    sourceServiceRevisions: history.sourceDeploymentIds.flatMap((id) => (byId.has(id) ? [revisionSummary(byId.get(id)!, 0)] : [])),
    targetServiceRevision: revisionSummary(deployment, service.desiredCount),
    status: brief.status,
    ...(brief.statusReason !== undefined ? { statusReason: brief.statusReason } : {}),
    // PRE_PRODUCTION_TRAFFIC_SHIFT runs hooks but is no lifecycleStage value: shown as the shift it precedes.
    ...(deployment.blueGreen
      ? { lifecycleStage: deployment.blueGreen.stage === 'PRE_PRODUCTION_TRAFFIC_SHIFT' ? 'PRODUCTION_TRAFFIC_SHIFT' : deployment.blueGreen.stage }
      : {}),
    ...(deployment.blueGreen?.hook ? { lifecycleHookDetails: [hookDetail(ctx, service, deployment)] } : {}),
    deploymentConfiguration: structuredClone(configuration),
    ...(rollback
      ? {
          rollback: {
            reason: failedBy!,
            startedAt: epochSeconds(ctx, rollback.startedAt),
            ...(rollback.revisionDeploymentId ? { serviceRevisionArn: serviceRevisionArn(ctx, service, rollback.revisionDeploymentId) } : {}),
          },
        }
      : {}),
    deploymentCircuitBreaker: {
      status: monitorStatus(configuration.deploymentCircuitBreaker?.enable ?? false, breakerTripped, finished),
      failureCount: deployment.failedTasks,
      threshold: circuitBreakerThreshold(service.desiredCount),
    },
    alarms: {
      status: monitorStatus(configuration.alarms?.enable ?? false, failedBy !== undefined && !breakerTripped, finished),
      ...(configuration.alarms ? { alarmNames: [...configuration.alarms.alarmNames] } : {}),
    },
  };
}

/** The hook the deployment waits on, with the id ContinueServiceDeployment answers it by. */
function hookDetail(ctx: SimContext, service: ServiceRecord, deployment: DeploymentRecord) {
  const { stage, hook } = deployment.blueGreen!;
  const configured = service.deploymentConfiguration.lifecycleHooks![hook!.index];
  return {
    hookId: hookId(deployment, stage, hook!.index),
    targetType: configured.targetType,
    ...(configured.hookTargetArn ? { targetArn: configured.hookTargetArn } : {}),
    status: hook!.status,
    expiresAt: epochSeconds(ctx, hook!.startedAt + configured.timeoutConfiguration.timeoutInMinutes * 60_000),
    timeoutAction: configured.timeoutConfiguration.action,
  };
}

/** The revision a deployment deployed: the service's configuration when it started. */
export function serviceRevisionView(ctx: SimContext, service: ServiceRecord, deployment: DeploymentRecord) {
  const cluster = ctx.state.clusters.get(service.clusterName)!;
  const history = deployment.history!;
  const taskDefinition = findTaskDefinition(ctx, deployment.taskDefinitionArn);
  return {
    serviceRevisionArn: serviceRevisionArn(ctx, service, deployment.id),
    serviceArn: service.arn,
    clusterArn: cluster.arn,
    taskDefinition: deployment.taskDefinitionArn,
    ...(history.capacityProviderStrategy.length > 0
      ? { capacityProviderStrategy: history.capacityProviderStrategy.map((s) => ({ ...s })) }
      : { launchType: history.launchType }),
    ...(history.launchType === 'FARGATE' ? { platformVersion: 'LATEST', platformFamily: 'Linux' } : {}),
    // As the AWS CLI's describe-service-revisions example shows: no load balancers or registries, no member; no
    // Service Connect, `enabled: false`.
    ...(history.loadBalancers.length > 0 ? { loadBalancers: history.loadBalancers.map((l) => ({ ...l })) } : {}),
    ...(history.serviceRegistries.length > 0 ? { serviceRegistries: history.serviceRegistries.map((r) => ({ ...r })) } : {}),
    ...(history.networkConfiguration ? { networkConfiguration: structuredClone(history.networkConfiguration) } : {}),
    containerImages: taskDefinition.containerDefinitions.map((c) => ({ containerName: c.name, image: c.image })),
    guardDutyEnabled: false,
    serviceConnectConfiguration: history.serviceConnectConfiguration ? copyJson(history.serviceConnectConfiguration) : { enabled: false },
    createdAt: epochSeconds(ctx, deployment.createdAt),
  };
}
