import { invalidParameter } from '../kernel/errors.js';
import { findContainerInstance, resolveCluster } from '../ecs/model/resolve.js';
import type { SimContext } from '../kernel/context.js';
import { emitInstanceChange, wakeServices } from '../ecs/capacity/instance-events.js';
import { agentReconnected } from '../ecs/tasks/task-transitions.js';
import { rejectUnknownFields, requireObject, requireString } from '../kernel/fields.js';

export interface AgentConnectionRequest {
  cluster?: string;
  instance: string;
}

function instanceOf(ctx: SimContext, input: AgentConnectionRequest) {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', ['cluster', 'instance']);
  const cluster = resolveCluster(ctx, request.cluster);
  const instance = findContainerInstance(cluster, requireString(request.instance, 'instance'));
  if (!instance || instance.status === 'INACTIVE') throw invalidParameter(`No container instance ${String(request.instance)} in the cluster.`, 'instance');
  return instance;
}

/**
 * Simulation control: the agent loses its connection to ECS (a network cut, a stopped agent, an
 * on-premises link down). The host and its tasks carry on; ECS places nothing there (AGENT) and a stop it
 * decides waits for the agent.
 */
export function disconnectAgent(ctx: SimContext, input: AgentConnectionRequest): void {
  const instance = instanceOf(ctx, input);
  if (!instance.agentConnected) return;
  instance.agentConnected = false;
  instance.version++;
  emitInstanceChange(ctx, instance);
}

/** Simulation control: the agent is back; it carries out the stops it missed and the instance takes tasks again. */
export function reconnectAgent(ctx: SimContext, input: AgentConnectionRequest): void {
  const instance = instanceOf(ctx, input);
  if (instance.agentConnected) return;
  instance.agentConnected = true;
  instance.version++;
  emitInstanceChange(ctx, instance);
  for (const task of instance.tasks.values()) agentReconnected(ctx, task);
  wakeServices(ctx, instance.clusterName);
}
