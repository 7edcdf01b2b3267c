import { defineSteps, expect } from './step-registry.js';

defineSteps('Cost', {
  'the run has cost between ${float} and ${float}': async (world, low: number, high: number) => {
    const { total, lines } = await world.sim.control('costReport');
    expect(total >= low && total <= high, () => `The run cost $${total.toFixed(2)}: ${lines.map((l) => `${l.item} ${l.quantity} × $${l.rate} = $${l.cost.toFixed(2)}`).join('; ')}.`);
  },
  'the cost report has a line for {string}': async (world, item: string) => {
    const { lines } = await world.sim.control('costReport');
    expect(lines.some((l) => l.item === item), () => `The lines are: ${lines.map((l) => l.item).join(', ')}.`);
  },
});
