import { containerInstanceView } from './container-instances-api.js';
import { emitEventBridge, type SimContext } from '../../kernel/context.js';
import type { InstanceRecord } from '../model/state.js';

/** `ECS Container Instance State Change`, sent on registration and on every status change. */
export function emitInstanceChange(ctx: SimContext, instance: InstanceRecord): void {
  const cluster = ctx.state.clusters.get(instance.clusterName)!;
  emitEventBridge(ctx, 'ECS Container Instance State Change', [instance.arn], {
    ...containerInstanceView(ctx, instance),
    clusterArn: cluster.arn,
  } as unknown as Record<string, unknown>);
}

/** Every service and Managed Daemon of the cluster may have something to do when capacity comes or goes. */
export function wakeServices(ctx: SimContext, clusterName: string): void {
  for (const service of ctx.state.clusters.get(clusterName)!.services.values()) ctx.requestServicePass(service);
  for (const daemon of ctx.state.managedDaemons.daemons.values()) if (daemon.clusterName === clusterName) ctx.requestServicePass(daemon.scheduler);
}
