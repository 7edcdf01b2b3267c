import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import chalk from 'chalk';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { describeError } from '../../../labs/lab-kit/describe-error.js';
import { LABS_ROOT } from '../../../labs/lab-kit/node/lab-folders.js';
import { GRADEBOOK_FORMATS } from '../../../labs/lab-kit/reporters/gradebook.js';
import { coloursFor, REPORTERS } from './lab-cli-kit.js';
import type { CheckOptions } from './lab-check.js';
import type { GradeOptions } from './lab-grade.js';
import { UsageError } from './usage-error.js';

/**
 * `ecs-lab lab list|start|check|hint|reset|grade`: the labs, on the learner's own machine, and a class's work
 * in CI. `--labs-dir` points at another copy of the labs (an instructor's own, or a scratch copy in tests).
 * Each subcommand loads what it works with when it runs.
 */
export function registerLabCommand(program: Command): void {
  const lab = program
    .command('lab')
    .description('graded labs: edit ECS requests (JSON) or TypeScript, then check them against the simulator')
    .option('--labs-dir <folder>', "the folder holding the labs (default: this repository's labs/)")
    .option('--no-color', 'plain text output (as does the NO_COLOR environment variable)');
  const root = () => resolve((lab.opts() as { labsDir?: string }).labsDir ?? fileURLToPath(LABS_ROOT));
  const colours = () => coloursFor((lab.opts() as { color: boolean }).color);
  const budget = () => new Option('--budget <seconds>', 'CPU seconds the checks of one lab may take before they are stopped (default 10)').argParser(parseBudget);

  lab
    .command('list')
    .description('list the labs in the order of the guide, with their time and your progress')
    .action((_, command: Command) => run(command, async () => (await import('./lab-learner.js')).list(root(), colours())));
  lab
    .command('start')
    .description(`copy a lab's starter files into labs/<id>/work/, where you edit them (git keeps them: push to submit)`)
    .argument('<id>', 'the lab (see `npx ecs-lab lab list`)')
    .action((id: string, _, command: Command) => run(command, async () => (await import('./lab-learner.js')).start(root(), id, colours())));
  lab
    .command('check')
    .description('run a lab\'s checks on your files: exit code 0 when all pass, 1 when one fails')
    .argument('[id]', 'the lab (see `npx ecs-lab lab list`)')
    .option('--all', 'check every lab (with --dir: a student\'s folder holding one folder per lab); a lab with no folder is skipped')
    .option('--dir <folder>', 'the folder holding your files (default: labs/<id>/work/)')
    .addOption(new Option('--reporter <format>', 'pretty for people, junit or json for CI and scripts').choices(REPORTERS).default('pretty'))
    .option('--part <part>', 'of a lab graded in parts: exit code 0 when this part passes (one GitHub Classroom test per part)')
    .addOption(budget())
    .action((id: string | undefined, options: CheckCommandOptions, command: Command) =>
      run(command, async () => (await import('./lab-check.js')).check(root(), id, { ...options, budgetMs: options.budget }, colours())),
    );
  lab
    .command('grade')
    .description('grade a class: one row per student, one column per lab, the points of each passed lab')
    .requiredOption('--dir <folder>', 'the class folder: one folder per student, each with one folder per lab')
    .option('--out <file>', 'write the gradebook there (default: print it)')
    .addOption(new Option('--format <format>', 'csv for a spreadsheet, markdown for a CI job summary (default: markdown for an --out ending in .md, else csv)').choices(GRADEBOOK_FORMATS))
    .addOption(budget())
    .action((options: GradeCommandOptions, command: Command) =>
      run(command, async () => (await import('./lab-grade.js')).grade(root(), { ...options, budgetMs: options.budget }, colours())),
    );
  lab
    .command('hint')
    .description('show the next hint (the work folder remembers which you have seen)')
    .argument('<id>', 'the lab (see `npx ecs-lab lab list`)')
    .action((id: string, _, command: Command) => run(command, async () => (await import('./lab-learner.js')).hint(root(), id, colours())));
  lab
    .command('reset')
    .description('put the starter files back into labs/<id>/work/, keeping a copy of yours in labs/<id>/work/before-reset-<n>/')
    .argument('<id>', 'the lab (see `npx ecs-lab lab list`)')
    .option('--force', 'do not ask first (needed where nobody can answer: a script, CI)')
    .action((id: string, options: { force?: boolean }, command: Command) =>
      run(command, async () => (await import('./lab-learner.js')).reset(root(), id, options.force === true)),
    );
}

type CheckCommandOptions = Omit<CheckOptions, 'budgetMs'> & { budget?: number };
type GradeCommandOptions = Omit<GradeOptions, 'budgetMs'> & { budget?: number };

function parseBudget(value: string): number {
  const seconds = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || seconds <= 0 || seconds > 3600) throw new InvalidArgumentError('the budget is a number of seconds above 0 and at most 3600.');
  return seconds * 1000;
}

/**
 * Every subcommand's errors end up on stderr with an exit code, never as a stack trace: a mistake in the call
 * as commander's own (the error, one usage line, exit code 2), anything else with exit code 1.
 */
async function run(command: Command, action: () => void | Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    if (error instanceof UsageError) command.error(`error: ${error.message}`, { exitCode: 2, code: 'ecs-lab.usage' });
    process.stderr.write(chalk.red(`ecs-lab: ${describeError(error)}\n`));
    process.exitCode = 1;
  }
}
