import type { ChalkInstance } from 'chalk';
import type { PlayedFeature } from '../../labs/lab-kit/reporters/feature-results.js';
import { stepSnippet } from '../../scenarios/runner/step-matcher.js';

/**
 * What `ecs-lab run` prints instead of a timeline when a line of the selected scenarios matches no step of the
 * library: every such line, where it is, the closest steps the library knows and a definition to start from,
 * as cucumber-js prints its snippets. Nothing was run.
 */
function undefinedSteps(features: readonly PlayedFeature[]) {
  return features.flatMap(({ file, run }) =>
    run.scenarios.flatMap((scenario) => scenario.steps.filter((step) => step.status === 'undefined').map((step) => ({ file, scenario, step }))),
  );
}

export function undefinedStepLines(features: readonly PlayedFeature[], chalk: ChalkInstance): string[] {
  const lines = [chalk.red('No step of the library matches these lines, so nothing was run (`npx ecs-lab steps` lists the steps):'), ''];
  const shown = new Set<string>();
  for (const { file, scenario, step } of undefinedSteps(features)) {
    // An outline's line is undefined in each of its examples: once is enough.
    const place = `${file}:${step.line}`;
    if (shown.has(place)) continue;
    shown.add(place);
    lines.push(`${chalk.bold(place)}  ${chalk.red(`? ${step.keyword} ${step.text}`)}`, chalk.dim(`  in Scenario: ${scenario.name}`));
    if (step.suggestions?.length) lines.push(chalk.yellow('  Did you mean one of these steps?'), ...step.suggestions.map((s) => chalk.yellow(`    ${s}`)));
    lines.push('  Or add it to the step library (a file in scenarios/steps/):', ...stepSnippet(step.text).split('\n').map((l) => `    ${l}`), '');
  }
  return lines;
}

/** One `--json` record per undefined step of each scenario. */
export function undefinedStepRecords(features: readonly PlayedFeature[]): string[] {
  return undefinedSteps(features).map(({ file, scenario, step }) =>
    JSON.stringify({ type: 'undefined-step', feature: file, scenario: scenario.name, keyword: step.keyword, text: step.text, line: step.line, suggestions: step.suggestions ?? [], snippet: stepSnippet(step.text) }),
  );
}
