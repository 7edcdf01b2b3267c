import type { PlacementStrategy } from '../api/types.js';
import type { PlacementCandidate } from './placement-candidate.js';

/**
 * Strategies are applied in order; each keeps the candidates that score best, later rules break ties
 * (Developer Guide, task placement strategies). `pick(n)` is the injected random choice.
 */
export function attributeValue(candidate: PlacementCandidate, field: string): string | undefined {
  const f = field.toLowerCase();
  if (f === 'instanceid' || f === 'host') return candidate.containerInstanceId;
  return candidate.attributes[field.replace(/^attribute:/, '')];
}

export function applyStrategy(
  rule: PlacementStrategy,
  candidates: PlacementCandidate[],
  everyInstance: PlacementCandidate[],
  pick: (n: number) => number,
): PlacementCandidate[] {
  if (candidates.length <= 1) return candidates;
  switch (rule.type) {
    case 'random':
      return [candidates[pick(candidates.length)]];
    case 'binpack': {
      const remaining = (c: PlacementCandidate) => (rule.field === 'cpu' ? c.remainingCpu : c.remainingMemory);
      const best = Math.min(...candidates.map(remaining));
      return candidates.filter((c) => remaining(c) === best);
    }
    case 'spread': {
      // Spread counts the group's tasks per value over every instance, not only those the task fits on.
      const field = rule.field ?? 'instanceId';
      const tasksPerValue = new Map<string, number>();
      for (const instance of everyInstance) {
        const value = attributeValue(instance, field);
        if (value !== undefined) tasksPerValue.set(value, (tasksPerValue.get(value) ?? 0) + instance.groupTaskCount);
      }
      const score = (c: PlacementCandidate) => tasksPerValue.get(attributeValue(c, field) ?? '') ?? 0;
      const best = Math.min(...candidates.map(score));
      return candidates.filter((c) => score(c) === best);
    }
  }
}

export function describeRule(rule: PlacementStrategy): string {
  return rule.field ? `${rule.type}(${rule.field})` : rule.type;
}
