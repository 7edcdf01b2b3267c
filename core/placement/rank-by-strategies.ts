import type { PlacementStrategy } from '../api/types.js';
import type { PlacementCandidate } from './placement-candidate.js';

/** The value a spread field reads: the instance for instanceId/host, else the named attribute (if set). */
export function attributeValue(candidate: PlacementCandidate, field: string): string | undefined {
  const f = field.toLowerCase();
  if (f === 'instanceid' || f === 'host') return candidate.containerInstanceId;
  const name = field.replace(/^attribute:/, '');
  return Object.hasOwn(candidate.attributes, name) ? candidate.attributes[name] : undefined;
}

/**
 * Strategies are applied in order; each keeps the candidates that score best, later rules break ties
 * (Developer Guide, task placement strategies). `pick(n)` is the injected random choice.
 */
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
      // Every candidate fits, so the least remaining now is also the least remaining after the task. ECS echoes
      // the field as given and accepts CPU/MEMORY too.
      const remaining = (c: PlacementCandidate) => (rule.field?.toLowerCase() === 'cpu' ? c.remainingCpu : c.remainingMemory);
      return keepLowest(candidates, remaining);
    }
    case 'spread': {
      // Spread counts the group's tasks per value over every instance, not only those the task fits on.
      // Instances without the attribute share one bucket, so they are balanced against the others, not always preferred.
      const field = rule.field ?? 'instanceId';
      const tasksPerValue = new Map<string | undefined, number>();
      for (const instance of everyInstance) {
        const value = attributeValue(instance, field);
        tasksPerValue.set(value, (tasksPerValue.get(value) ?? 0) + instance.groupTaskCount);
      }
      return keepLowest(candidates, (c) => tasksPerValue.get(attributeValue(c, field)) ?? 0);
    }
  }
}

function keepLowest(candidates: PlacementCandidate[], score: (c: PlacementCandidate) => number): PlacementCandidate[] {
  const best = Math.min(...candidates.map(score));
  return candidates.filter((c) => score(c) === best);
}

export function describeRule(rule: PlacementStrategy): string {
  return rule.field ? `${rule.type}(${rule.field})` : rule.type;
}
