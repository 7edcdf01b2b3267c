import { type Command, InvalidArgumentError } from 'commander';
import { parseEndpoint } from '../remote/endpoint-url.js';

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
}

function parseEndpointOption(value: string): string {
  try {
    return parseEndpoint(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

/** `ecs-lab run <features...>`: plays features against the simulator and prints their timeline. */
export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description('play Gherkin feature files against the simulator and print a timeline of what happened')
    .argument('<features...>', '.feature files to run')
    .option('--seed <n>', 'seed for ids and random choices (same seed, same event log)', parseSeed)
    .option('--no-color', 'plain text output')
    .option('--json', 'print the event log and step outcomes as JSON lines, for scripts')
    .option('--all-events', 'also show EventBridge events (task state changes), not only service events')
    .option('--report-html <file>', 'also write a self-contained HTML report of the scenarios')
    .option('--report-junit <file>', 'also write a JUnit XML report (one testcase per scenario), for CI')
    .option('--endpoint <url>', 'run the steps over the wire against an ECS endpoint (`ecs-lab serve --clock manual`) instead of in-process', parseEndpointOption)
    // The simulator, the step library and Gherkin load only when a feature is played: `--help` stays instant.
    .action(async (features: string[], options: RunOptions) => (await import('./play-features.js')).playFeatures(features, options));
}
