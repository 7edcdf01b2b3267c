import chalk, { Chalk } from 'chalk';
import type { Command } from 'commander';

/** `ecs-lab steps`: the steps a feature file may use, for instructors writing their own scenarios. */
export function registerStepsCommand(program: Command): void {
  program
    .command('steps')
    .description('list the Gherkin steps a feature file may use, grouped by topic')
    .option('--json', 'print them as JSON: [{ topic, expressions }]')
    .option('--no-color', 'plain text output (as does the NO_COLOR environment variable)')
    .action(async (options: { json?: boolean; color: boolean }) => {
      // The step library (and the engine behind it) loads only when listed: `--help` stays instant.
      const vocabulary = (await import('./step-vocabulary.js')).stepVocabulary();
      if (options.json) {
        process.stdout.write(`${JSON.stringify(vocabulary, null, 2)}\n`);
        return;
      }
      const paint = options.color ? chalk : new Chalk({ level: 0 });
      const lines = [
        paint.dim('Use them in a .feature file and play it with `npx ecs-lab run <file>`.'),
        paint.dim('Start each step with Given, When, Then, And or But. {string} is text in double quotes, {int} a whole number,'),
        paint.dim('{word} one word, (s) optional text; a step ending in ":" takes a data table or a doc string on the lines below it.'),
        ...vocabulary.flatMap(({ topic, expressions }) => ['', paint.bold(topic), ...expressions.map((e) => `  ${e}`)]),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
