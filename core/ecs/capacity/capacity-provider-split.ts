import type { CapacityProviderStrategyItem } from '../model/types.js';

/**
 * Which capacity provider each new task goes to. `base` tasks are satisfied first, in strategy order; the
 * rest follow the weights. ECS does not document how it rounds an uneven split, so the simulator's rule is:
 * each task goes to the weighted provider furthest below its share of the tasks beyond the bases
 * (smallest (count − base) / weight), ties to the earlier item. With FARGATE base 2 weight 1 and
 * FARGATE_SPOT weight 3, ten tasks split 4 / 6, as the documentation's example says.
 */
export function chooseCapacityProviders(
  strategy: readonly CapacityProviderStrategyItem[],
  current: Readonly<Record<string, number>>,
  newTasks: number,
): string[] {
  const counts = new Map(strategy.map((item) => [item.capacityProvider, current[item.capacityProvider] ?? 0]));
  const chosen: string[] = [];
  for (let i = 0; i < newTasks; i++) {
    const underBase = strategy.find((item) => (item.base ?? 0) > counts.get(item.capacityProvider)!);
    let pick = underBase;
    if (!pick) {
      let best = Infinity;
      for (const item of strategy) {
        const weight = item.weight ?? 0;
        if (weight <= 0) continue;
        const share = (counts.get(item.capacityProvider)! - (item.base ?? 0) + 1) / weight;
        if (share < best) {
          best = share;
          pick = item;
        }
      }
    }
    if (!pick) break;
    counts.set(pick.capacityProvider, counts.get(pick.capacityProvider)! + 1);
    chosen.push(pick.capacityProvider);
  }
  return chosen;
}
