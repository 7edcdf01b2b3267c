import { DataTable, defineStep } from '@cucumber/cucumber';
import { stepDefinitions } from '../steps/index.js';
import type { CucumberWorld } from './world.js';

/**
 * Registers the shared step library with cucumber-js: tables become string[][], as in the page; cucumber
 * waits for the promise a step returns. Cucumber checks a step function's arity, so the wrapper declares the
 * library function's (less the world).
 */
for (const definition of stepDefinitions) {
  const wrapper = function (this: CucumberWorld, ...args: unknown[]) {
    const plain = args.map((a) => (a instanceof DataTable ? a.raw() : a));
    return definition.run(this.scenario, ...plain);
  };
  Object.defineProperty(wrapper, 'length', { value: definition.run.length - 1 });
  defineStep(definition.expression, wrapper);
}
