import chalk from 'chalk';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { startEcsServer } from '../server/start-server.js';
import type { RequestRecord } from '../server/request-handler.js';
import { NEIGHBOUR_SERVICES } from '../server/service-routes.js';
import { parseSeed } from './run-command.js';

export interface ServeOptions {
  port: number;
  host: string;
  seed?: number;
  speed?: number;
  clock?: 'manual';
  accountId: string;
  region: string;
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

function requestLine(record: RequestRecord): string {
  const status = record.status < 300 ? chalk.green(record.status) : chalk.red(record.status);
  return `${chalk.dim(new Date().toISOString().slice(11, 19))} ${status} ${chalk.bold(record.name)} ${chalk.dim(record.region)}${record.errorType ? ` ${chalk.red(record.errorType)}` : ''}`;
}

/** What the server says when it starts: where it listens, how to point clients at it, and what it serves. */
export function banner(url: string, options: ServeOptions): string {
  const clock = options.clock === 'manual' ? 'manual (POST /_sim/advance moves it)' : `${options.speed ?? 1}× real time`;
  return [
    `${chalk.bold('ecs-lab serve')}: a simulated Amazon ECS at ${chalk.cyan(url)}`,
    `  region ${options.region}, account ${options.accountId}, seed ${options.seed ?? 1}, clock ${clock}`,
    `  dashboard  ${chalk.cyan(`${url}/`)}`,
    `  AWS CLI    ${chalk.yellow(`AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=${options.region} /usr/bin/aws ecs list-clusters --endpoint-url ${url}`)}`,
    `  JS SDK     ${chalk.yellow(`new ECSClient({ endpoint: '${url}', region: '${options.region}', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } })`)}`,
    `  also       same port and --endpoint-url (aws elbv2, aws sqs, aws events ...): ${NEIGHBOUR_SERVICES.join(', ')}`,
    `  controls   POST /_sim/instances, /_sim/advance, /_sim/run-until-steady, /_sim/images, /_sim/faults, /_sim/reset; GET /_sim/state, /_sim/events`,
    chalk.dim('  Ctrl-C stops it.'),
  ].join('\n');
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
    .option('--account-id <id>', 'account id in ARNs', parseAccountId, '123456789012')
    .option('--region <region>', 'region of requests that name none; signed requests use the region they were signed for', parseRegion, 'us-east-1')
    .option('--quiet', 'do not print a line per request')
    .addHelpText(
      'after',
      `
Clients: any endpoint URL, dummy credentials. The region comes from each request's signature, and every
region is a separate simulated ECS (ARNs carry that region and --account-id).
  /usr/bin/aws ecs create-cluster --cluster-name demo --endpoint-url http://127.0.0.1:4566
  (set AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1; the JS SDK reads AWS_REGION)

Simulation controls (JSON over HTTP, same port; add ?region=eu-west-1 for another region):
  POST /_sim/instances        {"cluster","instanceType","count","availabilityZones"?,"lifecycle"?,"attributes"?,"spotInstanceDraining"?}
  POST /_sim/advance          {"seconds"}                         -> {"now"}
  POST /_sim/run-until-steady {"cluster"?,"service","maxSeconds"?} -> {"steady","now"}
  POST /_sim/images           {"image","behaviour":{"crashAfterSeconds"?,"pullError"?,...}}
  POST /_sim/faults           {"type":"spot-interruption"|"fargate-spot-interruption"|"fargate-spot-capacity"|"task-crash"|"zone-outage",...}
  POST /_sim/reset            {"seed"?}
  GET  /_sim/state            the cluster picture and the virtual time
  GET  /_sim/events?since=N   the event log from seq N
  GET  /_sim/stream           server-sent events behind the dashboard at GET /
Guide: docs/guide/endpoint.md`,
    )
    .action(async (options: ServeOptions) => {
      let server;
      try {
        server = await startEcsServer({ ...options, clock: options.clock === 'manual' ? 'manual' : 'real', onRequest: options.quiet ? undefined : (r) => process.stdout.write(`${requestLine(r)}\n`) });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const why = code === 'EADDRINUSE' ? `port ${options.port} on ${options.host} is already in use; stop what uses it or pick another with --port` : `cannot listen on ${options.host}:${options.port}: ${(error as Error).message}`;
        process.stderr.write(`${chalk.red(`ecs-lab serve: ${why}.`)}\n`);
        process.exit(1);
      }
      process.stdout.write(`${banner(server.url, options)}\n`);
      const stop = () => {
        process.stdout.write(chalk.dim('ecs-lab serve: stopping.\n'));
        server.close().then(() => process.exit(0), () => process.exit(1));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
