import type { ManagedScalingSettings } from '../model/auto-scaling-state.js';

/**
 * Cluster auto scaling, as decisions (Developer Guide, cluster auto scaling; AWS "deep dive" blog):
 * CapacityProviderReservation = M / N × 100, where N is the instances running and M the instances needed
 * for every current and waiting task; 200 when N is 0 and tasks wait. ECS tracks it to `targetCapacity`.
 * The simulator's model where ECS documents no number: one datapoint (one minute) above target scales out,
 * fifteen in a row below it scale in, both within the step sizes.
 */
export const DEFAULT_MANAGED_SCALING: ManagedScalingSettings = {
  targetCapacity: 100,
  minimumScalingStepSize: 1,
  maximumScalingStepSize: 10000,
  instanceWarmupPeriod: 300,
};

export const SCALE_IN_DATAPOINTS = 15;

export function capacityProviderReservation(needed: number, running: number): number {
  if (running === 0) return needed > 0 ? 200 : 100;
  return (needed / running) * 100;
}

/** Instances needed to hold `tasks` (cpu, memory) on instances of one size: first fit, biggest tasks first. */
export function instancesNeededFor(tasks: Array<{ cpu: number; memory: number }>, instance: { cpu: number; memory: number }): number {
  const bins: Array<{ cpu: number; memory: number }> = [];
  const sorted = [...tasks].sort((a, b) => b.memory - a.memory || b.cpu - a.cpu);
  for (const task of sorted) {
    if (task.cpu > instance.cpu || task.memory > instance.memory) continue; // never fits: does not drive scale-out
    const bin = bins.find((b) => b.cpu >= task.cpu && b.memory >= task.memory);
    if (bin) {
      bin.cpu -= task.cpu;
      bin.memory -= task.memory;
    } else bins.push({ cpu: instance.cpu - task.cpu, memory: instance.memory - task.memory });
  }
  return bins.length;
}

export interface ScalingInput {
  settings: ManagedScalingSettings;
  /** Instances in service (registered) and on their way (launched, not yet registered). */
  running: number;
  launching: number;
  /** Instances with at least one non-daemon task, plus instances needed for tasks waiting for capacity. */
  needed: number;
  emptyInstances: number;
  minSize: number;
  maxSize: number;
  /** Consecutive minutes the reservation has been below target, this one included. */
  minutesBelowTarget: number;
  warmingUp: boolean;
}

/** +n instances to launch, −n empty instances to terminate, or 0. */
export function decideScaling(input: ScalingInput): number {
  const { settings } = input;
  const total = input.running + input.launching;
  const want = Math.ceil((input.needed * 100) / settings.targetCapacity);
  if (want > total) {
    if (input.warmingUp) return 0;
    const step = Math.min(settings.maximumScalingStepSize, Math.max(settings.minimumScalingStepSize, want - total));
    return Math.max(0, Math.min(step, input.maxSize - total));
  }
  if (want < total && input.minutesBelowTarget >= SCALE_IN_DATAPOINTS && input.launching === 0) {
    const step = Math.min(settings.maximumScalingStepSize, total - want, input.emptyInstances, total - input.minSize);
    return -Math.max(0, step);
  }
  return 0;
}
