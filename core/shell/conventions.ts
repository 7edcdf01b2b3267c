import { readFileSync } from 'node:fs';
import chalk from 'chalk';
import type { Command } from 'commander';

/**
 * What every command of `ecs-lab` does as command-line tools conventionally do: `--version`; NO_COLOR as
 * `--no-color` (https://no-color.org; chalk itself reads only the flag); and a mistake in the call answered
 * with the error and one usage line (exit code 2, set by cli.ts), not the whole help.
 */
export function followConventions(program: Command): void {
  if (process.env.NO_COLOR) chalk.level = 0;
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  program.version(version, '--version', 'print the version of ecs-lab');
  for (const command of withSubcommands(program)) {
    command.showHelpAfterError(`Usage: npx ${commandPath(command)} ${command.usage()}   (add --help for more)`);
  }
}

function* withSubcommands(command: Command): Generator<Command> {
  yield command;
  for (const sub of command.commands) yield* withSubcommands(sub);
}

/** `ecs-lab lab check`, from the program down to `command`. */
export function commandPath(command: Command): string {
  return command.parent ? `${commandPath(command.parent)} ${command.name()}` : command.name();
}
