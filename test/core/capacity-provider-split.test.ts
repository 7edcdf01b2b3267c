import { describe, expect, it } from 'vitest';
import { chooseCapacityProviders } from '../../core/ecs/capacity/capacity-provider-split.js';

const tally = (providers: string[]) => providers.reduce<Record<string, number>>((acc, p) => ({ ...acc, [p]: (acc[p] ?? 0) + 1 }), {});
const documented = [
  { capacityProvider: 'FARGATE', base: 2, weight: 1 },
  { capacityProvider: 'FARGATE_SPOT', weight: 3 },
];

describe('capacity provider strategy split', () => {
  it('puts 4 of 10 tasks on FARGATE and 6 on FARGATE_SPOT for base 2 weight 1 / weight 3 (reference behaviour 10)', () => {
    expect(tally(chooseCapacityProviders(documented, {}, 10))).toEqual({ FARGATE: 4, FARGATE_SPOT: 6 });
  });

  it('satisfies the base before any weight', () => {
    expect(chooseCapacityProviders(documented, {}, 2)).toEqual(['FARGATE', 'FARGATE']);
  });

  it('splits an uneven remainder by the documented rule: furthest below its share, ties to the earlier item', () => {
    // desired 5: base 2, then 3 left split 1:3 -> 0.75 / 2.25 -> FARGATE_SPOT gets the first, FARGATE the tie.
    expect(tally(chooseCapacityProviders(documented, {}, 5))).toEqual({ FARGATE: 3, FARGATE_SPOT: 2 });
    expect(tally(chooseCapacityProviders(documented, {}, 6))).toEqual({ FARGATE: 3, FARGATE_SPOT: 3 });
  });

  it('tops up whichever provider lost tasks, keeping the split', () => {
    expect(chooseCapacityProviders(documented, { FARGATE: 4, FARGATE_SPOT: 5 }, 1)).toEqual(['FARGATE_SPOT']);
    expect(chooseCapacityProviders(documented, { FARGATE: 1, FARGATE_SPOT: 6 }, 3)).toEqual(['FARGATE', 'FARGATE', 'FARGATE']);
  });

  it('never gives tasks to a weight-0 provider beyond its base', () => {
    const strategy = [{ capacityProvider: 'FARGATE', base: 1, weight: 0 }, { capacityProvider: 'FARGATE_SPOT', weight: 1 }];
    expect(tally(chooseCapacityProviders(strategy, {}, 5))).toEqual({ FARGATE: 1, FARGATE_SPOT: 4 });
  });
});
