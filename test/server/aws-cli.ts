import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { awsCliDriver, type CliResult } from './aws-cli-driver.js';

/** Debian's AWS CLI v2; `aws` on PATH may be another (pyenv's v1), see docs/guide/endpoint.md. */
export const AWS_CLI = '/usr/bin/aws';
export const cliPresent = existsSync(AWS_CLI);
if (!cliPresent) {
  if (process.env.CI === 'true') throw new Error(`${AWS_CLI} is missing: CI must install it (apt-get install -y awscli).`);
  console.warn(`\n⚠⚠⚠ ${AWS_CLI} is missing: the AWS CLI tests are SKIPPED. Install it with: apt-get install -y awscli ⚠⚠⚠\n`);
}

/** The Python that /usr/bin/aws names on its first line: the AWS CLI package is imported there. */
const python = () => readFileSync(AWS_CLI, 'utf8').split('\n', 1)[0].replace(/^#!\s*/, '').split(/\s+/);

/**
 * Runs `aws <service> ...` as a learner would: dummy credentials (an access key id the server may map to an
 * IAM role), region from the environment, --endpoint-url. The commands of a test file share one AWS CLI process
 * (aws-cli-driver.py): the same package and entry point as the `aws` command, started once.
 */
export async function awsCli(endpoint: string, args: string[], region = 'us-east-1', accessKeyId = 'test'): Promise<CliResult> {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: mkdtempSync(join(tmpdir(), 'ecs-lab-aws-home-')),
    AWS_ACCESS_KEY_ID: accessKeyId,
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_DEFAULT_REGION: region,
    AWS_PAGER: '',
  };
  return awsCliDriver(python()).run([...args, '--endpoint-url', endpoint, '--output', 'json'], env);
}

/** The parsed output of a command that must succeed; its stderr is the failure message otherwise. */
export async function awsJson(endpoint: string, args: string[], region?: string, accessKeyId?: string): Promise<any> {
  const result = await awsCli(endpoint, args, region, accessKeyId);
  if (result.code !== 0) throw new Error(`aws ${args.join(' ')} exited with ${result.code}: ${result.stderr}`);
  return result.stdout.trim() === '' ? {} : JSON.parse(result.stdout);
}

/** The message of a command that must fail as the CLI fails on an AWS error (exit code 254). */
export async function awsError(endpoint: string, args: string[], region?: string, accessKeyId?: string): Promise<string> {
  const result = await awsCli(endpoint, args, region, accessKeyId);
  if (result.code !== 254) throw new Error(`aws ${args.join(' ')} exited with ${result.code}, not 254: ${result.stderr || result.stdout}`);
  return result.stderr.trim();
}

/** awsJson and awsError bound to one service, with the endpoint read at each call (the server starts later). */
export const awsService = (endpoint: () => string, service: string) => ({
  json: (...args: string[]) => awsJson(endpoint(), [service, ...args]),
  error: (...args: string[]) => awsError(endpoint(), [service, ...args]),
});
