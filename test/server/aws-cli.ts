import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** Debian's AWS CLI v2; `aws` on PATH may be another (pyenv's v1), see docs/guide/endpoint.md. */
export const AWS_CLI = '/usr/bin/aws';
export const cliPresent = existsSync(AWS_CLI);
if (!cliPresent) {
  if (process.env.CI === 'true') throw new Error(`${AWS_CLI} is missing: CI must install it (apt-get install -y awscli).`);
  console.warn(`\n⚠⚠⚠ ${AWS_CLI} is missing: the AWS CLI tests are SKIPPED. Install it with: apt-get install -y awscli ⚠⚠⚠\n`);
}

const run = promisify(execFile);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `aws <service> ...` as a learner would: dummy credentials (an access key id the server may map to an
 * IAM role), region from the environment, --endpoint-url.
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
  try {
    const { stdout, stderr } = await run(AWS_CLI, [...args, '--endpoint-url', endpoint, '--output', 'json'], { env, timeout: 20_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
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
