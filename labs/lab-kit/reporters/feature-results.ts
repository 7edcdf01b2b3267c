import type { FeatureRun, ScenarioRun, StepRun } from '../../../scenarios/runner/run-feature.js';

/** A feature file as `ecs-lab run` played it: what the scenario reports (HTML, JUnit) are built from. */
export interface PlayedFeature {
  file: string;
  run: FeatureRun;
}

/** The step that decided a scenario's fate: its first step that did not pass. */
export function firstProblem(scenario: ScenarioRun): StepRun | undefined {
  return scenario.steps.find((step) => step.status === 'failed' || step.status === 'undefined');
}

/** `Then "web" is back to 3 running tasks` */
export const stepLine = (step: StepRun) => `${step.keyword.trim()} ${step.text}`;

/** What to say about a step that did not pass: its error, or the closest steps the library knows. */
export function problemText(step: StepRun): string {
  if (step.status === 'undefined') {
    const close = step.suggestions?.length ? ` Closest known steps: ${step.suggestions.join(' | ')}` : '';
    return `No step in the library matches this line (see \`npx ecs-lab steps\`).${close}`;
  }
  return step.error ?? 'failed';
}
