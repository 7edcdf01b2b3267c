import type { EcsSimulator } from '../../core/index.js';
import { scalable } from './apply-neighbour-op.js';
import type { Op } from './chaos-ops.js';
import { at, type Look, type Watch } from './look.js';

/**
 * Application Auto Scaling and the alarms that drive it:
 * - a scalable target's minimum is never above its maximum;
 * - whenever auto scaling set a service's desired count (a target tracking, step or scheduled action,
 *   between the test's own calls), the count is within its scalable target's bounds, and stays there
 *   until the test itself changes the count or the bounds; a scheduled action that moves the bounds
 *   brings the count within them at once;
 * - each change auto scaling makes is its latest scaling activity, "Setting desired count to N.", and a
 *   step scaling policy acts only while the alarm that runs it is in ALARM.
 */
export class ScalingWatch implements Watch {
  readonly perInstant = true;
  private readonly desired = new Map<string, number>();
  private readonly bounds = new Map<string, string>();
  /** Services whose desired count auto scaling set last (the test's calls take them out). */
  private readonly scaled = new Set<string>();

  constructor(private readonly sim: EcsSimulator) {}

  check(look: Look, op: Op | undefined): string[] {
    const found: string[] = [];
    const { ScalableTargets } = this.sim.applicationAutoScaling.describeScalableTargets({ ServiceNamespace: 'ecs' });
    if (ScalableTargets.length === 0 && this.desired.size === 0) return found;
    const bounds = new Map(ScalableTargets.map((t) => [t.ResourceId, t]));
    for (const t of ScalableTargets) if (t.MinCapacity > t.MaxCapacity) found.push(`${at(look)}: scalable target ${t.ResourceId} has minimum ${t.MinCapacity} above maximum ${t.MaxCapacity}`);
    for (const service of look.services) {
      const name = service.serviceName;
      if (service.status !== 'ACTIVE' || look.state.intents.get(name)?.daemon) continue;
      const before = this.desired.get(name);
      this.desired.set(name, service.desiredCount);
      const target = bounds.get(scalable(name).ResourceId);
      const range = target ? `${target.MinCapacity}-${target.MaxCapacity}` : '';
      // Between calls only a scheduled action moves the bounds, and it scales into them.
      if (op === undefined && target && this.bounds.has(name) && this.bounds.get(name) !== range) this.scaled.add(name);
      this.bounds.set(name, range);
      // A call may set the count or the bounds by hand: what auto scaling set is then no longer what counts.
      if (op !== undefined) {
        if (before !== service.desiredCount || op.op === 'autoScale' || op.op === 'stepScale' || op.op === 'createService') this.scaled.delete(name);
      } else if (before !== undefined && before !== service.desiredCount) {
        this.scaled.add(name);
        found.push(...this.checkActivity(look, name, service.desiredCount, Boolean(target)));
      }
      if (!this.scaled.has(name) || !target) continue;
      if (service.desiredCount < target.MinCapacity || service.desiredCount > target.MaxCapacity) {
        found.push(`${at(look)}: auto scaling set service ${name} to ${service.desiredCount} tasks, outside its scalable target's ${target.MinCapacity} to ${target.MaxCapacity}`);
      }
    }
    return found;
  }

  /** The change is the target's latest activity; a step scaling activity's alarm is in ALARM. */
  private checkActivity(look: Look, name: string, desired: number, hasTarget: boolean): string[] {
    if (!hasTarget) return [`${at(look)}: service ${name}'s desired count became ${desired} between calls, with no scalable target`];
    const [latest] = this.sim.applicationAutoScaling.describeScalingActivities(scalable(name)).ScalingActivities;
    if (latest?.Description !== `Setting desired count to ${desired}.`) {
      return [`${at(look)}: service ${name}'s desired count became ${desired}, but its latest scaling activity is ${JSON.stringify(latest?.Description ?? null)}`];
    }
    const alarm = /^monitor alarm (\S+) in state ALARM/.exec(latest.Cause)?.[1];
    if (!alarm || alarm.startsWith('TargetTracking-')) return [];
    const state = this.sim.cloudWatch.describeAlarms({ AlarmNames: [alarm] }).MetricAlarms[0]?.StateValue;
    return state === 'ALARM' ? [] : [`${at(look)}: step scaling set service ${name} to ${desired} on alarm ${alarm}, which is ${String(state)}`];
  }
}
