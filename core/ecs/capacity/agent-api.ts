import { arns } from '../../kernel/arns.js';
import type { SimContext } from '../../kernel/context.js';
import { clientError, EcsError } from '../../kernel/errors.js';
import { optionalArray, optionalString, requireObject, requireString } from '../../kernel/fields.js';
import { INSTANCE_TYPES } from '../model/instance-types.js';
import { findContainerInstance, ownResourceId, resolveCluster } from '../model/resolve.js';
import type { ClusterRecord } from '../model/state.js';
import { registerInstances } from './add-instances.js';
import { containerInstanceView } from './container-instances-api.js';

/**
 * The actions only the container agent calls (the Developer Guide lists them as not for direct use). The
 * simulator runs its own agents; these answer an outside caller as ECS answers an agent: a registration
 * joins the cluster, state reports are acknowledged (the simulated task keeps its own lifecycle), and the
 * simulated agent is the newest, so there is no update to apply.
 */

/** An instance identity document as EC2 signs it: only the parts the registration reads. */
function identityOf(document: string | undefined): { instanceType?: string; availabilityZone?: string } {
  if (document === undefined) return {};
  try {
    const parsed = JSON.parse(document) as Record<string, unknown>;
    return {
      ...(typeof parsed.instanceType === 'string' ? { instanceType: parsed.instanceType } : {}),
      ...(typeof parsed.availabilityZone === 'string' ? { availabilityZone: parsed.availabilityZone } : {}),
    };
  } catch {
    throw clientError('instanceIdentityDocument is not a valid instance identity document.', 'instanceIdentityDocument');
  }
}

/** CPU units and MiB a registration declares in totalResources. */
function declaredResources(input: unknown): { vcpu: number; memoryMiB: number } | undefined {
  const resources = (optionalArray(input, 'totalResources') ?? []) as Array<{ name?: unknown; integerValue?: unknown }>;
  const value = (name: string) => resources.find((r) => r.name === name)?.integerValue;
  const cpu = value('CPU');
  const memory = value('MEMORY');
  if (typeof cpu !== 'number' || typeof memory !== 'number') return undefined;
  return { vcpu: Math.max(1, Math.round(cpu / 1024)), memoryMiB: memory };
}

/**
 * RegisterContainerInstance: an EC2 instance (its identity document names a type the simulator knows) or
 * a server of its own (ECS Anywhere, sized by totalResources) joins the cluster; naming a registered
 * instance registers it again.
 */
export function registerContainerInstance(ctx: SimContext, input: { cluster?: string; instanceIdentityDocument?: string; totalResources?: unknown[]; containerInstanceArn?: string }) {
  const request = requireObject(input, 'request');
  const cluster = resolveCluster(ctx, request.cluster);
  const again = optionalString(request.containerInstanceArn, 'containerInstanceArn');
  const known = again === undefined ? undefined : findContainerInstance(cluster, again);
  if (known && known.status !== 'INACTIVE') return { containerInstance: containerInstanceView(ctx, known) };
  const identity = identityOf(optionalString(request.instanceIdentityDocument, 'instanceIdentityDocument'));
  const declared = declaredResources(request.totalResources);
  const base = { count: 1, lifecycle: 'on-demand' as const, spotInstanceDraining: false, attributes: {} };
  const [instance] =
    identity.instanceType && Object.hasOwn(INSTANCE_TYPES, identity.instanceType)
      ? registerInstances(ctx, cluster, { ...base, instanceType: identity.instanceType, zones: [identity.availabilityZone ?? `${ctx.region}a`] })
      : declared
        ? registerInstances(ctx, cluster, { ...base, instanceType: 'external', zones: ['on-premises'], external: declared })
        : [];
  if (!instance) throw clientError('A container instance registers with the instance identity document of an EC2 instance type, or with its totalResources (CPU and MEMORY).', 'totalResources');
  return { containerInstance: containerInstanceView(ctx, instance) };
}

/** The agent's reports: acknowledged once the cluster (and the task, when named) is known. */
function acknowledge(ctx: SimContext, input: unknown): { acknowledgment: string } {
  const request = requireObject(input, 'request');
  const cluster: ClusterRecord = resolveCluster(ctx, request.cluster);
  const task = optionalString(request.task, 'task');
  if (task !== undefined && !cluster.tasks.has(arns.task(ctx, cluster.name, ownResourceId(ctx, task, 'task')))) {
    throw new EcsError('InvalidParameterException', `The specified task ${task} was not found in the cluster.`, 'task');
  }
  return { acknowledgment: 'ACCEPT' };
}

export const submitTaskStateChange = (ctx: SimContext, input: { cluster?: string; task?: string }) => acknowledge(ctx, input);
export const submitContainerStateChange = (ctx: SimContext, input: { cluster?: string; task?: string }) => acknowledge(ctx, input);
export const submitAttachmentStateChanges = (ctx: SimContext, input: { cluster?: string; attachments: unknown[] }) => acknowledge(ctx, input);

/** Where an agent in this region polls for work and sends its telemetry. */
export function discoverPollEndpoint(ctx: SimContext, input: { cluster?: string; containerInstance?: string } = {}) {
  const request = requireObject(input ?? {}, 'request');
  if (request.cluster !== undefined) resolveCluster(ctx, request.cluster);
  return {
    endpoint: `https://ecs-a-1.${ctx.region}.amazonaws.com/`,
    telemetryEndpoint: `https://ecs-t-1.${ctx.region}.amazonaws.com/`,
    serviceConnectEndpoint: `https://ecs-sc.${ctx.region}.api.aws`,
  };
}

/** UpdateContainerAgent: the simulated agent is the newest there is. */
export function updateContainerAgent(ctx: SimContext, input: { cluster?: string; containerInstance: string }) {
  const request = requireObject(input, 'request');
  const cluster = resolveCluster(ctx, request.cluster);
  const ref = requireString(request.containerInstance, 'containerInstance');
  const instance = findContainerInstance(cluster, ref);
  if (!instance || instance.status === 'INACTIVE') throw new EcsError('InvalidParameterException', `The container instance ${ref} was not found in the cluster.`, 'containerInstance');
  throw new EcsError('NoUpdateAvailableException', 'There is no update available for your container agent.', 'containerInstance');
}
