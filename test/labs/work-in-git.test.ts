import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('a learner\'s work folder', () => {
  it('is not ignored by git: pushing a GitHub Classroom repository submits it, backups included', () => {
    for (const path of ['labs/rolling-update/work/service.json', 'labs/drain-for-maintenance/work/before-reset-1/maintenance.ts', 'labs/rolling-update/work/.lab-progress.json']) {
      // Exit code 1: no ignore rule matches the path.
      expect(spawnSync('git', ['check-ignore', '--no-index', '-q', path]).status, path).toBe(1);
    }
  });
});
