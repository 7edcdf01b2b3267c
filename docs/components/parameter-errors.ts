import type { ExampleColumn, ScenarioRun } from '../../scenarios/runner/run-feature.js';

/** What to show beside each parameter input, by parameter name. */
export type ParameterErrors = Record<string, string>;

const WHOLE_NUMBER = /^\d+$/;

/**
 * Values that cannot even be put into the scenario: where the Examples table holds a whole number, the
 * step expects one, and "abc" would only produce an undefined step. Ranges are left to the engine.
 */
export function malformedValues(parameters: Array<Pick<ExampleColumn, 'name' | 'value'>>, values: Record<string, string>): ParameterErrors {
  const errors: ParameterErrors = {};
  for (const p of parameters) {
    const value = values[p.name] ?? '';
    if (WHOLE_NUMBER.test(p.value) && !WHOLE_NUMBER.test(value)) {
      errors[p.name] = `${p.name} must be a whole number, like ${p.value}${value ? ` (got "${value}")` : ''}.`;
    }
  }
  return errors;
}

/** How the runner words an ECS API error: `InvalidParameterException: ...`. */
const ECS_EXCEPTION = /^[A-Za-z]+Exception: /;

/**
 * The engine's complaints about parameters in a finished run: an ECS error naming a parameter (ECS errors
 * name the request field, e.g. `deploymentConfiguration.maximumPercent`) goes beside that input. A step
 * that merely fails (100 % / 100 % never finishing) is a result to look at, not a wrong value.
 */
export function engineErrors(run: ScenarioRun, parameters: Array<Pick<ExampleColumn, 'name' | 'value'>>): ParameterErrors {
  const errors: ParameterErrors = {};
  for (const step of run.steps) {
    if (step.status !== 'failed' || !step.error || !ECS_EXCEPTION.test(step.error)) continue;
    const named = parameters
      .map((p) => ({ name: p.name, at: step.error!.indexOf(p.name) }))
      .filter((n) => n.at >= 0)
      .sort((a, b) => a.at - b.at)[0];
    if (named) errors[named.name] ??= step.error;
  }
  return errors;
}
