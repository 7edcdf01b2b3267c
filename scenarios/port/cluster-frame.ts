import { circuitBreakerThreshold, deploymentBounds, type ClusterViewSnapshot, type EcsSimulator, type PhaseCounts } from '../../core/index.js';

/** A service's desired count, and the task counts its deployment stays between. */
export interface ServiceBounds {
  desiredCount: number;
  /** ceil(desired × minimumHealthyPercent / 100): healthy tasks a deployment keeps. */
  lower: number;
  /** floor(desired × maximumPercent / 100): tasks running or pending at most. */
  upper: number;
  /** Deployments the service lists: more than one while an update replaces tasks. */
  deployments: number;
  /** With the deployment circuit breaker on: the most failed tasks any deployment counts, and the count that fails it. */
  breaker?: { failedTasks: number; threshold: number };
}

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
  return { time: view.time, view, tasksByRevision, bounds: boundsOf(simulator) };
}

function boundsOf(simulator: EcsSimulator): Frame['bounds'] {
  const bounds: Frame['bounds'] = {};
  for (const cluster of simulator.listClusters().clusterArns) {
    const { serviceArns } = simulator.listServices({ cluster });
    for (let i = 0; i < serviceArns.length; i += 10) {
      for (const s of simulator.describeServices({ cluster, services: serviceArns.slice(i, i + 10) }).services) {
        const { minimumHealthyPercent, maximumPercent, deploymentCircuitBreaker } = s.deploymentConfiguration;
        bounds[s.serviceName] = {
          desiredCount: s.desiredCount,
          ...deploymentBounds(s.desiredCount, minimumHealthyPercent, maximumPercent),
          deployments: s.deployments.length,
          ...(deploymentCircuitBreaker?.enable
            ? { breaker: { failedTasks: Math.max(0, ...s.deployments.map((d) => d.failedTasks)), threshold: circuitBreakerThreshold(s.desiredCount) } }
            : {}),
        };
      }
    }
  }
  return bounds;
}
