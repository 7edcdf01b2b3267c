import { networkInterfaces } from 'node:os';
import chalk from 'chalk';
import { startEcsServer } from '../server/start-server.js';
import type { RequestRecord } from '../server/request-handler.js';
import { NEIGHBOUR_SERVICES } from '../server/service-routes.js';
import type { ServeOptions } from './serve-command.js';

function requestLine(record: RequestRecord): string {
  const status = record.status < 300 ? chalk.green(record.status) : chalk.red(record.status);
  return `${chalk.dim(new Date().toISOString().slice(11, 19))} ${status} ${chalk.bold(record.name)} ${chalk.dim(`${record.region} ${record.accountId}`)}${record.errorType ? ` ${chalk.red(record.errorType)}` : ''}`;
}

/** For a server bound to every interface (a class), the addresses other machines reach it at. */
function addressesForOthers(host: string, url: string): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [];
  const { port } = new URL(url);
  const addresses = Object.values(networkInterfaces()).flatMap((list) => list ?? []);
  return addresses.filter((a) => !a.internal && a.family === 'IPv4').map((a) => `http://${a.address}:${port}`);
}

/**
 * What the server says when it starts: where it listens, how to point clients at it, and what it serves. With a
 * control token, the instructor's lines: the token, and the dashboard link that carries it.
 */
export function banner(url: string, options: ServeOptions, controlToken?: string): string {
  const clock = options.clock === 'manual' ? 'manual (POST /_sim/advance moves it)' : `${options.speed ?? 1}× real time`;
  const controls = controlToken === undefined ? [] : [`  token      ${chalk.bold(controlToken)}  (the instructor's: /_sim/ needs "Authorization: Bearer <token>" or ?token=)`];
  const others = addressesForOthers(options.host, url).map((address) => `  students   ${chalk.cyan(address)}, each with an AWS_ACCESS_KEY_ID of their own (their name)`);
  return [
    `${chalk.bold('ecs-lab serve')}: a simulated Amazon ECS at ${chalk.cyan(url)}`,
    `  region ${options.region}, seed ${options.seed ?? 1}, clock ${clock}`,
    `  accounts   one per access key id; the key test is account ${options.accountId}`,
    `  dashboard  ${chalk.cyan(`${url}/${controlToken === undefined ? '' : `?token=${encodeURIComponent(controlToken)}`}`)}`,
    ...controls,
    ...others,
    `  AWS CLI    ${chalk.yellow(`AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=${options.region} /usr/bin/aws ecs list-clusters --endpoint-url ${url}`)}`,
    `  JS SDK     ${chalk.yellow(`new ECSClient({ endpoint: '${url}', region: '${options.region}', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } })`)}`,
    `  also       same port and --endpoint-url (aws elbv2, aws sqs, aws events ...): ${NEIGHBOUR_SERVICES.join(', ')}`,
    `  controls   POST /_sim/instances, /_sim/advance, /_sim/run-until-steady, /_sim/images, /_sim/faults, /_sim/reset; GET /_sim/state, /_sim/events, /_sim/accounts, /_sim/contents`,
    chalk.dim('  Ctrl-C stops it.'),
  ].join('\n');
}

/** What `ecs-lab serve` does: starts the server, says where it listens, and stops it on Ctrl-C. */
export async function serve(options: ServeOptions): Promise<void> {
  let server;
  try {
    server = await startEcsServer({ ...options, clock: options.clock === 'manual' ? 'manual' : 'real', onRequest: options.quiet ? undefined : (r) => process.stdout.write(`${requestLine(r)}\n`) });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EADDRINUSE' ? `port ${options.port} on ${options.host} is already in use; stop what uses it or pick another with --port` : `cannot listen on ${options.host}:${options.port}: ${(error as Error).message}`;
    process.stderr.write(`${chalk.red(`ecs-lab serve: ${why}.`)}\n`);
    process.exit(1);
  }
  process.stdout.write(`${banner(server.url, options, server.controlToken)}\n`);
  const stop = () => {
    process.stdout.write(chalk.dim('ecs-lab serve: stopping.\n'));
    server.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
