import type { ScenarioWorld } from '../world/scenario-world.js';

/**
 * The one step library: Cucumber Expressions bound to functions over a ScenarioWorld. Cucumber registers
 * them in Node (scenarios/cucumber), the runner matches them in the browser and the CLI (scenarios/runner).
 * A data table arrives as string[][], a doc string as a string, always as the last argument. Steps are
 * asynchronous: they reach the simulator through its port, which may be across a network.
 */
export type StepArgument = string | number | string[][];
export type StepFunction = (world: ScenarioWorld, ...args: any[]) => Promise<void>;

export interface StepDefinition {
  expression: string;
  run: StepFunction;
  /** Which file of the library it comes from, for the step vocabulary page. */
  topic: string;
}

export const stepDefinitions: StepDefinition[] = [];

export function defineSteps(topic: string, steps: Record<string, StepFunction>): void {
  for (const [expression, run] of Object.entries(steps)) stepDefinitions.push({ expression, run, topic });
}

/** A failed expectation, reported as the step's failure message (not a crash). */
export class StepFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StepFailure';
  }
}

export function expect(condition: boolean, message: () => string): asserts condition {
  if (!condition) throw new StepFailure(message());
}
