import { spawnSync } from 'node:child_process';

/**
 * Global set-up of the integration tests: they start `ecs-lab` as a learner does, and it starts from the compiled
 * build only while that build matches the sources (else, seconds per start through ts-node). So the build is
 * brought up to date first: a second, or nothing when no source changed since the last build.
 */
export default function setup(): void {
  const build = spawnSync(process.execPath, ['core/shell/build.mjs', '--if-stale'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`core/shell/build.mjs failed (exit ${build.status})`);
}
