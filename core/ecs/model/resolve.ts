import type { TaskDefinition } from './types.js';
import { EcsError, clientError } from '../../kernel/errors.js';
import { resourceId, type ArnContext } from '../../kernel/arns.js';
import type { SimContext } from '../../kernel/context.js';
import type { ClusterRecord, InstanceRecord, ServiceRecord, TaskRecord } from './state.js';

/** Turns the names and ARNs callers pass into records, failing the way ECS does. */

/**
 * The name or id an identifier gives. An ARN names its account and Region, and ECS refuses one of another
 * account or Region (InvalidParameterException, "Invalid identifier: ...") rather than look the name up in
 * the caller's own account.
 */
export function ownResourceId(home: ArnContext, ref: string, field: string): string {
  if (ref.startsWith('arn:')) {
    const [, , , region, accountId] = ref.split(':');
    if (accountId !== home.accountId) {
      throw new EcsError('InvalidParameterException', `Invalid identifier: Identifier is for ${accountId}. Your accountId is ${home.accountId}`, field);
    }
    if (region !== home.region) throw new EcsError('InvalidParameterException', `Invalid identifier: Identifier is for ${region}. Your region is ${home.region}`, field);
  }
  return resourceId(ref);
}

/** The account and Region a cluster belongs to, as its ARN says: those of every resource in it. */
export function homeOf(cluster: ClusterRecord): ArnContext {
  const [, , , region, accountId] = cluster.arn.split(':');
  return { region, accountId };
}

export function resolveCluster(ctx: SimContext, cluster: unknown): ClusterRecord {
  if (cluster !== undefined && typeof cluster !== 'string') {
    throw new EcsError('InvalidParameterException', 'cluster must be a cluster name or ARN.', 'cluster');
  }
  const name = cluster === undefined || cluster === '' ? 'default' : ownResourceId(ctx, cluster, 'cluster');
  const record = ctx.state.clusters.get(name);
  if (!record || record.status !== 'ACTIVE') throw new EcsError('ClusterNotFoundException', 'Cluster not found.', 'cluster');
  return record;
}

/**
 * A service's name in `cluster`. A long service ARN names its cluster too, and ECS refuses one of another
 * cluster in its own words rather than look the name up in this one.
 */
export function serviceNameIn(cluster: ClusterRecord, ref: string, field: string): string {
  const name = ownResourceId(homeOf(cluster), ref, field);
  const at = ref.startsWith('arn:') ? ref.indexOf(':service/') : -1;
  const path = at < 0 ? [] : ref.slice(at + ':service/'.length).split('/');
  if (path.length === 2 && path[0] !== cluster.name) {
    throw new EcsError('InvalidParameterException', `Invalid identifier: Identifier is for cluster ${path[0]}. Your cluster is ${cluster.name}`, field);
  }
  return name;
}

export function resolveService(cluster: ClusterRecord, service: unknown, field = 'service'): ServiceRecord {
  if (typeof service !== 'string' || service === '') {
    throw new EcsError('InvalidParameterException', `${field} should not be null or empty.`, field);
  }
  const record = cluster.services.get(serviceNameIn(cluster, service, field));
  if (!record) throw new EcsError('ServiceNotFoundException', 'Service not found.', field);
  if (record.status !== 'ACTIVE') throw new EcsError('ServiceNotActiveException', 'Service was not ACTIVE.', field);
  return record;
}

/** "web", "web:3" or a full ARN; a bare family means its latest ACTIVE revision. */
export function resolveTaskDefinition(ctx: SimContext, reference: unknown, field = 'taskDefinition'): TaskDefinition {
  if (typeof reference !== 'string' || reference === '') {
    throw new EcsError('InvalidParameterException', `${field} should not be null or empty.`, field);
  }
  const familyAndRevision = reference.startsWith('arn:') ? reference.slice(reference.indexOf('task-definition/') + 16) : reference;
  const [family, revisionText] = familyAndRevision.split(':');
  const revisions = ctx.state.taskDefinitions.get(family);
  const found =
    revisionText === undefined
      ? [...(revisions ?? [])].reverse().find((td) => td.status === 'ACTIVE')
      : revisions?.[Number(revisionText) - 1];
  if (!found || (revisionText !== undefined && !/^\d+$/.test(revisionText))) {
    throw clientError('Unable to describe task definition.', field);
  }
  return found;
}

/** A container instance by ARN, id, or EC2 instance id. */
export function findContainerInstance(cluster: ClusterRecord, ref: unknown, field = 'containerInstance'): InstanceRecord | undefined {
  if (typeof ref !== 'string' || ref === '') return undefined;
  const id = ownResourceId(homeOf(cluster), ref, field);
  for (const instance of cluster.instances.values()) if (instance.id === id || instance.ec2InstanceId === id) return instance;
  return undefined;
}

/** A task by its ARN (`…:task/CLUSTER/ID`): its cluster is in the ARN, so no cluster is scanned. */
export function findTaskByArn(ctx: SimContext, taskArn: string): TaskRecord | undefined {
  return ctx.state.clusters.get(taskArn.split('/')[1] ?? '')?.tasks.get(taskArn);
}
