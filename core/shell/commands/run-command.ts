import type { Node as TagExpression } from '@cucumber/tag-expressions';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { parseEndpoint } from '../remote/endpoint-url.js';
import { UsageError } from './usage-error.js';

export function parseSeed(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 2 ** 32 - 1) throw new InvalidArgumentError('the seed must be a whole number from 0 to 4294967295.');
  return Number(value);
}

export interface RunOptions {
  seed?: number;
  color: boolean;
  json?: boolean;
  allEvents?: boolean;
  reportHtml?: string;
  reportJunit?: string;
  endpoint?: string;
  reset?: boolean;
  controlToken?: string;
  tags?: TagExpression;
  name?: RegExp[];
}

function parseEndpointOption(value: string): string {
  try {
    return parseEndpoint(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

/** Parsed when the command runs: the tag expression parser loads with the rest of what plays features. */
async function parseTags(value: string): Promise<TagExpression> {
  const { parse } = await import('@cucumber/tag-expressions');
  try {
    return parse(value);
  } catch (error) {
    throw new UsageError(`option '--tags <expression>' argument '${value}' is invalid. ${(error as Error).message} A tag expression looks like "@smoke and not @slow".`);
  }
}

/** `--name` may be given more than once: a scenario plays when its name matches any. */
function collectName(value: string, names: RegExp[] = []): RegExp[] {
  try {
    return [...names, new RegExp(value)];
  } catch (error) {
    throw new InvalidArgumentError(`${JSON.stringify(value)} is not a regular expression: ${(error as Error).message}.`);
  }
}

export function parseToken(value: string): string {
  if (!/^[\x21-\x7e]{8,}$/.test(value)) throw new InvalidArgumentError('a control token is at least 8 characters, with no space.');
  return value;
}

/** `ecs-lab run <paths...>`: plays features against the simulator and prints their timeline. */
export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description('play Gherkin feature files against the simulator and print a timeline of what happened')
    .argument('<paths...>', '.feature files, directories (every .feature file under them) or file:line (the scenario or example row at that line)')
    .option('--tags <expression>', 'only the scenarios whose tags match a cucumber tag expression, e.g. "@smoke and not @slow"')
    .option('--name <regexp>', 'only the scenarios whose name matches the regular expression (repeatable: any of them)', collectName)
    .option('--seed <n>', 'seed for ids and random choices (same seed, same event log; default 1)', parseSeed)
    .option('--no-color', 'plain text output')
    .option('--json', 'print the event log and step outcomes as JSON lines, for scripts, ending with a summary record')
    .option('--all-events', 'also show EventBridge events (task state changes), not only service events')
    .option('--report-html <file>', 'also write a self-contained HTML report of the scenarios')
    .option('--report-junit <file>', 'also write a JUnit XML report (one testcase per scenario), for CI')
    .option('--endpoint <url>', 'run the steps over the wire against an ECS endpoint (`ecs-lab serve --clock manual`) instead of in-process', parseEndpointOption)
    .option('--reset', 'with --endpoint: let the run reset a server that holds clusters or other state (it resets before each scenario, every account and region)')
    .addOption(
      new Option('--control-token <token>', "with --endpoint: the instructor's token, for a server whose /_sim/ controls need one").env('ECS_LAB_CONTROL_TOKEN').argParser(parseToken),
    )
    .addHelpText(
      'after',
      `
Examples:
  npx ecs-lab run scenarios/features                             every feature under the folder, sorted
  npx ecs-lab run scenarios/features/rolling-update.feature:44   the scenario (or example row) at line 44
  npx ecs-lab run scenarios/features --tags "@smoke and not @slow" --name "deploy"
  npx ecs-lab run --endpoint http://127.0.0.1:4566 scenarios/features

Before anything runs, every step of the chosen scenarios is matched against the step library: an undefined
step is reported with the closest known steps and a definition to start from, and nothing runs. The end says
how many scenarios and steps passed, the virtual and real time, and the seed, which --seed takes to play the
run again (with --json: a last record {"type":"summary",...}).

--endpoint resets the server before each scenario: every account and region. A server that holds anything
(a learner's cluster made with the AWS CLI) is reset only with --reset; without it the run refuses and says
what is there. Guide: docs/guide/endpoint.md

Exit codes: 0 every scenario passed (or none was chosen), 1 a scenario failed or a step is undefined,
2 a mistake in the call: a path that cannot be read, a file that is not Gherkin, a line with no scenario, a bad
--tags or --name, an endpoint that cannot be reached, holds state without --reset or needs --control-token.`,
    )
    // The simulator, the step library and Gherkin load only when a feature is played: `--help` stays instant.
    .action(async (paths: string[], given: Omit<RunOptions, 'tags'> & { tags?: string }, command: Command) => {
      try {
        const options: RunOptions = { ...given, tags: given.tags === undefined ? undefined : await parseTags(given.tags) };
        if (!options.endpoint && (options.reset || command.getOptionValueSource('controlToken') === 'cli')) {
          throw new UsageError(`${options.reset ? '--reset' : '--control-token'} goes with --endpoint: a run in-process starts each scenario on a simulator of its own.`);
        }
        await (await import('./play-features.js')).playFeatures(paths, options);
      } catch (error) {
        if (error instanceof UsageError) command.error(`error: ${error.message}`, { exitCode: 2, code: 'ecs-lab.usage' });
        throw error;
      }
    });
}
