import { runProcess, startProcess, type Finished, type Started } from '../process-group.js';

/**
 * `ecs-lab <args>` as a learner's shell runs it (`npx ecs-lab`): bin.js, which starts from the compiled build
 * that the integration tests' set-up brings up to date (test/build-setup.ts), in a process group of its own.
 */
const BIN = 'core/shell/bin.js';

export function ecsLab(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Finished> {
  return runProcess(process.execPath, [BIN, ...args], { env });
}

/** A long-running command (`ecs-lab serve`), for the test to talk to and stop. */
export function startEcsLab(args: string[], env: NodeJS.ProcessEnv = process.env): Started {
  return startProcess(process.execPath, [BIN, ...args], { env });
}
