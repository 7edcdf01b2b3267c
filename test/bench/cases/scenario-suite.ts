import { readdirSync, readFileSync } from 'node:fs';
import { runFeature } from '../../../scenarios/runner/run-feature.js';
import type { BenchCase } from '../bench-case.js';

const FEATURES = new URL('../../../scenarios/features/', import.meta.url);

/** (a) Every feature file, as the workshop player runs them: with its pictures, which `ecs-lab run` does without. */
export const scenarioSuite: BenchCase = {
  id: 'a',
  title: 'scenario suite (runFeature over every feature)',
  async run(progress) {
    const files = readdirSync(FEATURES).filter((f) => f.endsWith('.feature')).sort();
    let simulatedSeconds = 0;
    let scenarios = 0;
    let failed = 0;
    for (const [i, file] of files.entries()) {
      progress(`${i + 1}/${files.length} ${file}`);
      const run = await runFeature(readFileSync(new URL(file, FEATURES), 'utf8'));
      for (const scenario of run.scenarios) {
        scenarios++;
        if (scenario.status !== 'passed') failed++;
        simulatedSeconds += (scenario.steps.at(-1)?.endedAt ?? 0) / 1000;
      }
    }
    return { simulatedSeconds, figures: { features: files.length, scenarios, scenariosNotPassed: failed } };
  },
};
