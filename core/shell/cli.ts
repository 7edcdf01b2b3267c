import { Command } from 'commander';
import { registerLabCommand } from './commands/lab-command.js';
import { registerRunCommand } from './commands/run-command.js';
import { registerServeCommand } from './commands/serve-command.js';
import { registerStepsCommand } from './commands/steps-command.js';
import { followConventions } from './conventions.js';

/**
 * The `ecs-lab` command line: Node-only, so it lives beside the engine, never inside it. Each command loads what
 * it works with when it runs, so `--help` and a mistyped option answer without loading the simulator.
 */
// A closed pipe (`ecs-lab run ... | head`) is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const program = new Command();
program
  .name('ecs-lab')
  .description('Learn Amazon ECS without an AWS account: play scenarios and check labs against a simulated ECS.')
  .addHelpText('after', '\nExit codes: 0 success, 1 a check or scenario failed (or the server could not start), 2 a mistake in the call.')
  .exitOverride((error) => {
    process.exit(error.exitCode === 0 ? 0 : 2);
  });
registerRunCommand(program);
registerLabCommand(program);
registerStepsCommand(program);
registerServeCommand(program);
followConventions(program);
await program.parseAsync();
