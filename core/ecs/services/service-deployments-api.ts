import { EcsError, invalidParameter } from '../../kernel/errors.js';
import type { SimContext } from '../../kernel/context.js';
import { optionalEnum, optionalStringList, requireObject, requireString } from '../../kernel/fields.js';
import { continueHook } from './continue-hook.js';
import { lastCompletedDeployment, rollbackDeployment, startDeployment } from './deployments.js';
import { resolveCluster, resolveService } from '../model/resolve.js';
import type { DeploymentRecord, ServiceRecord } from '../model/state.js';
import {
  serviceDeploymentArn,
  serviceDeploymentBrief,
  serviceDeploymentDetail,
  serviceDeploymentOutcome,
  serviceDeploymentsOf,
  serviceRevisionArn,
  serviceRevisionView,
  type ServiceDeploymentStatus,
} from './service-deployment-view.js';

const STATUSES = ['PENDING', 'SUCCESSFUL', 'STOPPED', 'STOP_REQUESTED', 'IN_PROGRESS', 'ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED'] as const;

/** Describe* of service deployments and revisions take at most 20 ARNs. */
const MAX_ARNS = 20;

function requireArns(value: unknown, field: string): string[] {
  const arns = optionalStringList(value, field, MAX_ARNS);
  if (!arns || arns.length === 0) throw invalidParameter(`${field} should not be null or empty.`, field);
  return arns;
}

/** The service an ARN of `kind` (service-deployment, service-revision) names, in this region and account. */
function serviceOfArn(ctx: SimContext, arn: string, kind: string): ServiceRecord | undefined {
  const prefix = `arn:aws:ecs:${ctx.region}:${ctx.accountId}:${kind}/`;
  if (!arn.startsWith(prefix)) return undefined;
  const [cluster, service] = arn.slice(prefix.length).split('/');
  const record = ctx.state.clusters.get(cluster)?.services.get(service ?? '');
  // ECS deletes a service's deployments with it.
  return record && record.status !== 'INACTIVE' ? record : undefined;
}

/** Every deployment of the service, newest first, optionally only those in the given states or created in a window. */
export function listServiceDeployments(
  ctx: SimContext,
  input: { cluster?: string; service: string; status?: ServiceDeploymentStatus[]; createdAt?: { before?: number; after?: number } },
) {
  const request = requireObject(input, 'request');
  const cluster = resolveCluster(ctx, request.cluster);
  const service = resolveService(cluster, request.service);
  const statuses = optionalStringList(request.status, 'status')?.map((s, i) => optionalEnum(s, `status[${i}]`, STATUSES)!);
  const window = request.createdAt === undefined ? {} : (requireObject(request.createdAt, 'createdAt') as { before?: number; after?: number });
  const briefs = serviceDeploymentsOf(service)
    .filter((d) => !statuses || statuses.includes(serviceDeploymentOutcome(service, d).status))
    .map((d) => serviceDeploymentBrief(ctx, service, d))
    .filter((b) => (window.before === undefined || b.createdAt < window.before) && (window.after === undefined || b.createdAt > window.after));
  return { serviceDeployments: briefs };
}

export function describeServiceDeployments(ctx: SimContext, input: { serviceDeploymentArns: string[] }) {
  const request = requireObject(input, 'request');
  const serviceDeployments: Array<ReturnType<typeof serviceDeploymentDetail>> = [];
  const failures: Array<{ arn: string; reason: string }> = [];
  for (const arn of requireArns(request.serviceDeploymentArns, 'serviceDeploymentArns')) {
    const service = serviceOfArn(ctx, arn, 'service-deployment');
    const deployment = service && serviceDeploymentsOf(service).find((d) => serviceDeploymentArn(ctx, service, d) === arn);
    if (deployment) serviceDeployments.push(serviceDeploymentDetail(ctx, service, deployment));
    else failures.push({ arn, reason: 'MISSING' });
  }
  return { serviceDeployments, failures };
}

export function describeServiceRevisions(ctx: SimContext, input: { serviceRevisionArns: string[] }) {
  const request = requireObject(input, 'request');
  const serviceRevisions: Array<ReturnType<typeof serviceRevisionView>> = [];
  const failures: Array<{ arn: string; reason: string }> = [];
  for (const arn of requireArns(request.serviceRevisionArns, 'serviceRevisionArns')) {
    const service = serviceOfArn(ctx, arn, 'service-revision');
    const deployment: DeploymentRecord | undefined = service?.deployments.find((d) => d.rollbackTo === undefined && serviceRevisionArn(ctx, service, d.id) === arn);
    if (service && deployment) serviceRevisions.push(serviceRevisionView(ctx, service, deployment));
    else failures.push({ arn, reason: 'MISSING' });
  }
  return { serviceRevisions, failures };
}

/** The service and deployment a service deployment ARN names, or ServiceDeploymentNotFoundException. */
function findServiceDeployment(ctx: SimContext, arn: string): { service: ServiceRecord; deployment: DeploymentRecord } {
  const service = serviceOfArn(ctx, arn, 'service-deployment');
  const deployment = service && serviceDeploymentsOf(service).find((d) => serviceDeploymentArn(ctx, service, d) === arn);
  if (!service || !deployment) throw new EcsError('ServiceDeploymentNotFoundException', 'The service deployment does not exist.', 'serviceDeploymentArn');
  return { service, deployment };
}

/** The simulator's wording: ECS does not document the reason it gives a stopped deployment. */
const STOPPED_REASON = 'Service deployment stopped by StopServiceDeployment.';

/**
 * StopServiceDeployment of a deployment still in progress: ROLLBACK (the default) goes back to the last
 * deployment that completed, as the circuit breaker does; ABORT leaves the service where it is, launching
 * nothing more of the stopped deployment. A native blue/green deployment goes back by moving its traffic to
 * blue, which is still running (blue-green-plan.ts), never by a new deployment.
 */
export function stopServiceDeployment(ctx: SimContext, input: { serviceDeploymentArn: string; stopType?: 'ABORT' | 'ROLLBACK' }) {
  const request = requireObject(input, 'request');
  const arn = requireString(request.serviceDeploymentArn, 'serviceDeploymentArn');
  const { service, deployment } = findServiceDeployment(ctx, arn);
  const stopType = optionalEnum(request.stopType, 'stopType', ['ABORT', 'ROLLBACK'] as const) ?? 'ROLLBACK';
  if (serviceDeploymentOutcome(service, deployment).status !== 'IN_PROGRESS') {
    throw new EcsError('ClientException', 'The service deployment cannot be stopped: it is not in progress.', 'serviceDeploymentArn');
  }
  deployment.rolloutState = 'FAILED';
  deployment.rolloutStateReason = STOPPED_REASON;
  deployment.updatedAt = ctx.clock.now;
  const target = stopType === 'ROLLBACK' && !deployment.blueGreen ? lastCompletedDeployment(service, deployment) : undefined;
  if (target) startDeployment(ctx, service, rollbackDeployment(ctx, target));
  ctx.requestServicePass(service);
  return { serviceDeploymentArn: arn };
}

/**
 * ContinueServiceDeployment answers a PAUSE lifecycle hook that waits for it (AWAITING_ACTION, as
 * DescribeServiceDeployments' lifecycleHookDetails and the `ECS Hook State Change` event name it): CONTINUE
 * (the default) moves the deployment on, ROLLBACK sends the traffic back to blue, at the service's next pass.
 */
export function continueServiceDeployment(ctx: SimContext, input: { serviceDeploymentArn: string; hookId: string; action?: 'CONTINUE' | 'ROLLBACK' }) {
  const request = requireObject(input, 'request');
  const arn = requireString(request.serviceDeploymentArn, 'serviceDeploymentArn');
  const hookId = requireString(request.hookId, 'hookId');
  const action = optionalEnum(request.action, 'action', ['CONTINUE', 'ROLLBACK'] as const);
  const { service, deployment } = findServiceDeployment(ctx, arn);
  continueHook(deployment, hookId, action);
  ctx.requestServicePass(service);
  return { serviceDeploymentArn: arn };
}
