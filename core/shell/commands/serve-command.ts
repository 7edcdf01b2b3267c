import { type Command, InvalidArgumentError, Option } from 'commander';
import { parseSeed, parseToken } from './run-command.js';

export interface ServeOptions {
  port: number;
  host: string;
  seed?: number;
  speed?: number;
  clock?: 'manual';
  accountId: string;
  region: string;
  controlToken?: string;
  quiet?: boolean;
}

function parsePort(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new InvalidArgumentError('the port must be a whole number from 0 to 65535 (0: any free port).');
  return Number(value);
}

function parseSpeed(value: string): number {
  const speed = Number(value);
  if (!Number.isFinite(speed) || speed <= 0 || speed > 10000) throw new InvalidArgumentError('the speed must be a number above 0 and at most 10000.');
  return speed;
}

function parseAccountId(value: string): string {
  if (!/^\d{12}$/.test(value)) throw new InvalidArgumentError('an account id is 12 digits.');
  return value;
}

function parseRegion(value: string): string {
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(value)) throw new InvalidArgumentError('a region looks like us-east-1.');
  return value;
}

/** `ecs-lab serve`: the simulator behind an AWS JSON 1.1 endpoint, for the AWS CLI and the SDKs. */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve the simulator as an Amazon ECS endpoint (AWS JSON 1.1), with ELBv2, Cloud Map, Auto Scaling, EventBridge, SQS and more on the same port, for the AWS CLI and SDKs, with a live dashboard')
    .option('--port <n>', 'port to listen on (0: any free port)', parsePort, 4566)
    .option('--host <address>', 'address to bind; only this machine can connect unless you change it', '127.0.0.1')
    .option('--seed <n>', 'seed for ids and random choices (same seed and calls, same results)', parseSeed)
    .addOption(new Option('--speed <x>', 'virtual time runs x times faster than real time (default 1)').argParser(parseSpeed).conflicts('clock'))
    .addOption(new Option('--clock <mode>', 'manual: virtual time moves only through POST /_sim/advance or /_sim/run-until-steady').choices(['manual']))
    .option('--account-id <id>', 'account id in ARNs for the access key id test and unsigned requests (every other key is an account of its own)', parseAccountId, '123456789012')
    .option('--region <region>', 'region of requests that name none; signed requests use the region they were signed for', parseRegion, 'us-east-1')
    .addOption(
      new Option('--control-token <token>', 'the token every /_sim/ request must carry (default: none on 127.0.0.1; with any other --host, one made up and printed at start)')
        .env('ECS_LAB_CONTROL_TOKEN')
        .argParser(parseToken),
    )
    .option('--quiet', 'do not print a line per request')
    .option('--no-color', 'plain text output (as does the NO_COLOR environment variable)')
    .addHelpText(
      'after',
      `
Clients: any endpoint URL, dummy credentials. The region comes from each request's signature, and every
region is a separate simulated ECS. Each access key id is an account of its own (its own clusters, its own
account id in ARNs, derived from the key); the key test and unsigned requests use --account-id.
  /usr/bin/aws ecs create-cluster --cluster-name demo --endpoint-url http://127.0.0.1:4566
  (set AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1; the JS SDK reads AWS_REGION)

A class on one server: npx ecs-lab serve --host 0.0.0.0, each student with their own AWS_ACCESS_KEY_ID.
The /_sim/ controls then need the token printed at start (or --control-token): "Authorization: Bearer <token>"
or ?token=<token>. On 127.0.0.1 they are open unless --control-token is given.

Simulation controls (JSON over HTTP, same port; ?region=eu-west-1 for another region, ?accessKeyId=alice or
?account=<12 digits> for another account):
  POST /_sim/instances        {"cluster","instanceType","count","availabilityZones"?,"lifecycle"?,"attributes"?,"spotInstanceDraining"?}
  POST /_sim/advance          {"seconds"}                         -> {"now"}
  POST /_sim/run-until-steady {"cluster"?,"service","maxSeconds"?} -> {"steady","now"}
  POST /_sim/images           {"image","behaviour":{"crashAfterSeconds"?,"pullError"?,...}}
  POST /_sim/faults           {"type":"spot-interruption"|"fargate-spot-interruption"|"fargate-spot-capacity"|"task-crash"|"zone-outage",...}
  POST /_sim/reset            {"seed"?}                           every account and region
  GET  /_sim/accounts         every account, with the access key ids that signed in it
  GET  /_sim/contents         what a reset would delete (\`ecs-lab run --endpoint\` asks before it resets)
  GET  /_sim/state            the cluster picture and the virtual time
  GET  /_sim/events?since=N   the event log from seq N
  GET  /_sim/stream           server-sent events behind the dashboard at GET /
Guide: docs/guide/endpoint.md`,
    )
    // The server and the simulator load only when serving: `--help` stays instant.
    .action(async (options: ServeOptions) => (await import('./serve-endpoint.js')).serve(options));
}
