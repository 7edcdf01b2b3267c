import type { DeploymentConfiguration } from '../model/types.js';

/**
 * The production traffic green holds after each shift, in percent, and how long ECS waits after each before
 * the next (no wait after 100 %: the deployment's bake time follows). BLUE_GREEN moves everything at once;
 * CANARY moves canaryPercent, bakes, then the rest; LINEAR moves stepPercent at a time. A last step smaller
 * than stepPercent (100 not a multiple of it) is taken whole, as CloudFormation's step count assumes.
 */
export interface ShiftPlan {
  percents: number[];
  stepBakeMs: number;
}

export function trafficShiftSteps(configuration: Pick<DeploymentConfiguration, 'strategy' | 'linearConfiguration' | 'canaryConfiguration'>): ShiftPlan {
  if (configuration.strategy === 'CANARY') {
    const { canaryPercent, canaryBakeTimeInMinutes } = configuration.canaryConfiguration ?? { canaryPercent: 5, canaryBakeTimeInMinutes: 10 };
    return { percents: canaryPercent >= 100 ? [100] : [canaryPercent, 100], stepBakeMs: canaryBakeTimeInMinutes * 60_000 };
  }
  if (configuration.strategy === 'LINEAR') {
    const { stepPercent, stepBakeTimeInMinutes } = configuration.linearConfiguration ?? { stepPercent: 10, stepBakeTimeInMinutes: 6 };
    // Counted in tenths of a percent, so that 3 x 33.3 is 99.9 and not 99.89999.
    const tenths = Math.round(stepPercent * 10);
    const percents: number[] = [];
    for (let held = tenths; held < 1000; held += tenths) percents.push(held / 10);
    return { percents: [...percents, 100], stepBakeMs: stepBakeTimeInMinutes * 60_000 };
  }
  return { percents: [100], stepBakeMs: 0 };
}

/**
 * ELB weights (integers 0-999) for green's share: tenths of a percent, so 12.5 % is 125 against 875; all or
 * nothing is 1 against 0.
 */
export function shiftWeights(greenPercent: number): { blue: number; green: number } {
  if (greenPercent >= 100) return { blue: 0, green: 1 };
  if (greenPercent <= 0) return { blue: 1, green: 0 };
  const green = Math.round(greenPercent * 10);
  return { blue: 1000 - green, green };
}
