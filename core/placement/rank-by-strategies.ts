import type { PlacementStrategy } from '../api/types.js';
import type { PlacementCandidate } from './placement-candidate.js';

/** How a spread field reads a candidate: the instance for instanceId/host, else the named attribute (if set). */
export function valueReader(field: string): (candidate: PlacementCandidate) => string | undefined {
  const f = field.toLowerCase();
  if (f === 'instanceid' || f === 'host') return (c) => c.containerInstanceId;
  const name = field.replace(/^attribute:/, '');
  return (c) => (Object.hasOwn(c.attributes, name) ? c.attributes[name] : undefined);
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
      const valueOf = valueReader(rule.field ?? 'instanceId');
      const tasksPerValue = new Map<string | undefined, number>();
      for (const instance of everyInstance) {
        const value = valueOf(instance);
        tasksPerValue.set(value, (tasksPerValue.get(value) ?? 0) + instance.groupTaskCount);
      }
      return keepLowest(candidates, (c) => tasksPerValue.get(valueOf(c)) ?? 0);
    }
  }
}

function keepLowest(candidates: PlacementCandidate[], score: (c: PlacementCandidate) => number): PlacementCandidate[] {
  const scores = candidates.map(score);
  let best = Infinity;
  for (const s of scores) if (s < best) best = s;
  return candidates.filter((_, i) => scores[i] === best);
}

export function describeRule(rule: PlacementStrategy): string {
  return rule.field ? `${rule.type}(${rule.field})` : rule.type;
}
