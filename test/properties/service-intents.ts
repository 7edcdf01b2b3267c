import { deploymentBounds } from '../../core/index.js';

/** What the test believes each service was asked for: the bounds are checked against this, not the engine's word. */
export interface ServiceIntent {
  desiredCount: number;
  minimumHealthyPercent: number;
  maximumPercent: number;
  daemon: boolean;
  deleted: boolean;
  /** Under auto scaling: the scaler may set any desired count from min to max. */
  scaling?: { min: number; max: number };
  /** CODE_DEPLOY: a blue/green deployment runs a full replacement task set beside the original. */
  blueGreen?: boolean;
  /** EXTERNAL: the most task sets it has had at once, each up to the desired count. */
  taskSets?: number;
}

export type Intents = Map<string, ServiceIntent>;

/** The most tasks a service may want: its desired count, or the most its auto scaling may set. */
export const mostDesired = (intent: ServiceIntent) => Math.max(intent.desiredCount, intent.scaling?.max ?? 0);

/**
 * The most tasks a service may run at once: its deployment's upper bound, two full task sets for
 * blue/green, or each of its task sets at the desired count (EXTERNAL).
 */
export function mostTasks(intent: ServiceIntent): number {
  const desired = mostDesired(intent);
  const { upper } = deploymentBounds(desired, intent.minimumHealthyPercent, intent.maximumPercent);
  if (intent.taskSets !== undefined) return Math.max(upper, intent.taskSets * desired);
  return intent.blueGreen ? Math.max(upper, 2 * desired) : upper;
}

/** Widens a service's auto scaling range to take in new bounds (a scalable target or a scheduled action's). */
export function widenScaling(intent: ServiceIntent | undefined, min: number | undefined, max: number | undefined): void {
  if (!intent) return;
  const lowest = Math.min(min ?? Infinity, intent.scaling?.min ?? Infinity, max ?? Infinity);
  const highest = Math.max(max ?? 0, intent.scaling?.max ?? 0, min ?? 0);
  intent.scaling = { min: Number.isFinite(lowest) ? lowest : 0, max: highest };
}
