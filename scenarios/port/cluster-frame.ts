import type { ClusterViewSnapshot, EcsSimulator, PhaseCounts, ServicePicture } from '../../core/index.js';

/** A service's desired count, and the task counts its deployment stays between. */
export type ServiceBounds = Omit<ServicePicture, 'serviceName'>;

/** What the scenario player draws of one instant. */
export interface Frame {
  time: number;
  view: ClusterViewSnapshot;
  /** service name -> "family:revision" -> counts */
  tasksByRevision: Record<string, Record<string, PhaseCounts>>;
  /** service name -> its desired count and deployment bounds at that moment */
  bounds: Record<string, ServiceBounds>;
}

/** The frame of an endpoint without a simulation behind it: no time, no cluster. */
export const EMPTY_FRAME: Frame = { time: 0, view: { time: 0, clusters: [] }, tasksByRevision: {}, bounds: {} };

/**
 * The simulator's frame now. Synchronous, so the in-process port can take one after every engine step; the
 * endpoint answers the remote port's `frame` control with it, so both draw the same picture.
 */
export function clusterFrame(simulator: EcsSimulator): Frame {
  const view = simulator.control.view();
  const tasksByRevision: Frame['tasksByRevision'] = {};
  for (const cluster of view.clusters) {
    for (const tasks of [...cluster.instances.map((i) => i.tasks), cluster.fargateTasks]) {
      for (const task of tasks) {
        if (!task.serviceName) continue;
        const byRevision = (tasksByRevision[task.serviceName] ??= {});
        const c = (byRevision[`${task.family}:${task.revision}`] ??= { pending: 0, running: 0, healthy: 0, stopping: 0 });
        if (task.desiredStatus === 'STOPPED') c.stopping++;
        else if (task.lastStatus !== 'RUNNING') c.pending++;
        else {
          c.running++;
          if (task.healthy) c.healthy++;
        }
      }
    }
  }
  const bounds: Frame['bounds'] = {};
  for (const { serviceName, ...service } of view.clusters.flatMap((c) => c.services)) bounds[serviceName] = service;
  return { time: view.time, view, tasksByRevision, bounds };
}
