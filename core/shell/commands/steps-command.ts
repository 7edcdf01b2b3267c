import chalk, { Chalk } from 'chalk';
import type { Command } from 'commander';
import { stepDefinitions, type StepDefinition } from '../../../scenarios/steps/index.js';

/**
 * The step library as a vocabulary for scenario authors: every step expression, grouped by topic in the
 * library's own order. The CLI (`ecs-lab steps`) and the docs page (docs/guide/steps.data.ts) both read it
 * here, from the library itself, so neither list is ever kept by hand.
 */
export interface StepTopic {
  topic: string;
  expressions: string[];
}

export function groupStepsByTopic(definitions: readonly Pick<StepDefinition, 'topic' | 'expression'>[]): StepTopic[] {
  const topics = new Map<string, string[]>();
  for (const { topic, expression } of definitions) topics.set(topic, [...(topics.get(topic) ?? []), expression]);
  return [...topics].map(([topic, expressions]) => ({ topic, expressions }));
}

export function stepVocabulary(): StepTopic[] {
  return groupStepsByTopic(stepDefinitions);
}

/** `ecs-lab steps`: the steps a feature file may use, for instructors writing their own scenarios. */
export function registerStepsCommand(program: Command): void {
  program
    .command('steps')
    .description('list the Gherkin steps a feature file may use, grouped by topic')
    .option('--json', 'print them as JSON: [{ topic, expressions }]')
    .option('--no-color', 'plain text output')
    .action((options: { json?: boolean; color: boolean }) => {
      const vocabulary = stepVocabulary();
      if (options.json) {
        process.stdout.write(`${JSON.stringify(vocabulary, null, 2)}\n`);
        return;
      }
      const paint = options.color ? chalk : new Chalk({ level: 0 });
      const lines = [
        paint.dim('Start each step with Given, When, Then, And or But. {string} is text in double quotes, {int} a whole number,'),
        paint.dim('{word} one word, (s) optional text; a step ending in ":" takes a data table or a doc string on the lines below it.'),
        ...vocabulary.flatMap(({ topic, expressions }) => ['', paint.bold(topic), ...expressions.map((e) => `  ${e}`)]),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
