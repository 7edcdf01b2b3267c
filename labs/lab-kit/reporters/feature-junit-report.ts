import { firstProblem, problemText, stepLine, type PlayedFeature } from './feature-results.js';
import { junitXml } from './junit-xml.js';

/**
 * Played features as JUnit XML: one testsuite per feature file, one testcase per scenario. Times are 0: the
 * scenarios run in virtual time, which a CI server would misread as real.
 */
export function featureJunitReport(features: readonly PlayedFeature[]): string {
  return junitXml(
    'ecs-lab scenarios',
    features.map(({ file, run }) => ({
      name: run.name,
      seconds: 0,
      properties: { file },
      cases: run.scenarios.map((scenario) => {
        const base = { classname: file, name: scenario.name, seconds: 0 };
        const steps = scenario.steps.map((step) => `${step.status.padEnd(9)} line ${step.line}: ${stepLine(step)}`).join('\n');
        const problem = firstProblem(scenario);
        if (!problem) return { ...base, output: steps };
        return {
          ...base,
          failure: { message: `${stepLine(problem)}: ${problemText(problem)}`, type: problem.status, details: `${file}:${problem.line}\n${steps}\n\n${problemText(problem)}` },
        };
      }),
    })),
  );
}
