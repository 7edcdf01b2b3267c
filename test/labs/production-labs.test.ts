import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadLabChecks } from '../../labs/lab-kit/node/check-lab-folder.js';
import { LABS_ROOT, readLearnerFiles, readManifest } from '../../labs/lab-kit/node/lab-folders.js';
import { runChecks } from '../../labs/lab-kit/run-checks.js';

// What a learner reads in the labs on running ECS in production: the numbers in each message follow from the
// lab's situation (a TTL, a price list, a policy), not from whatever the checks happen to print.
const labsRoot = fileURLToPath(LABS_ROOT);

async function result(id: string, folder: string, checkId: string) {
  const lab = await loadLabChecks(labsRoot, id);
  const report = runChecks(lab, readLearnerFiles(join(labsRoot, id, folder), readManifest(labsRoot, id).files));
  return report.results.find((r) => r.id === checkId)!;
}

describe('fail-over-fast, as a learner reads it', () => {
  it('shows the clients failing for nearly the whole 300-second TTL after a task dies 5 s after their lookup', async () => {
    const killed = await result('fail-over-fast', 'starter', 'task-killed');
    expect(killed.status).toBe('failed');
    expect(killed.message).toMatch(/failed requests for 4 min (5\d) s/);
  });

  it('shows no failed request at all through Service Connect', async () => {
    expect((await result('fail-over-fast', 'solution', 'zone-lost')).message).toBe('No request failed after us-east-1a was lost.');
  });
});

describe('scale-on-cpu, as a learner reads it', () => {
  it('shows the desired count stuck at 2 when the scalable target allows 2 to 2 tasks', async () => {
    const scalesOut = await result('scale-on-cpu', 'starter', 'scales-out');
    expect(scalesOut.message).toContain('the desired count went 2, at most 2');
  });

  it('scales out in proportion to a 50 % target while the CPU is at 100 %: ceil(2 × 100 / 50) = 4, then ceil(4 × 100 / 50) = 8', async () => {
    expect((await result('scale-on-cpu', 'solution', 'scales-out')).message).toContain('(2 → 4 → 8)');
  });
});

describe('fix-execution-role-and-secrets, as a learner reads it', () => {
  it('shows ECS\'s ResourceInitializationError naming the refused action and the misspelt secret', async () => {
    const starts = await result('fix-execution-role-and-secrets', 'starter', 'task-starts');
    expect(starts.message).toContain('ResourceInitializationError: unable to pull secrets or registry auth');
    expect(starts.message).toContain('is not authorized to perform: secretsmanager:GetSecretValue on resource: arn:aws:secretsmanager:us-east-1:123456789012:secret:db-pasword-');
  });

  it('refuses a Resource "*" policy because the role then reads another team\'s secret', async () => {
    const leastPrivilege = await result('fix-execution-role-and-secrets', 'mistakes/least-privilege', 'least-privilege');
    expect(leastPrivilege.message).toContain('payments-api-key');
  });
});

describe('cheapest-configuration, as a learner reads it', () => {
  it('prices the starter\'s day: 10 tasks × (1 vCPU × $0.04048 + 2 GB × $0.004445) × 24 h ≈ $11.85', async () => {
    const expected = 10 * (1 * 0.04048 + 2 * 0.004445) * 24;
    const budget = await result('cheapest-configuration', 'starter', 'within-budget');
    expect(budget.status).toBe('failed');
    expect(budget.message).toContain(`A day cost $${expected.toFixed(2)} (budget $1.90)`);
  });

  it('keeps exactly the 3 FARGATE tasks of the base through the Spot reclaim', async () => {
    expect((await result('cheapest-configuration', 'solution', 'survives-reclaim')).message).toBe('AWS reclaimed 7 tasks; the fewest tasks running afterwards was 3.');
  });

  it('says why a task of 512 MiB cannot hold a 700 MiB application', async () => {
    expect((await result('cheapest-configuration', 'mistakes/stays-up', 'stays-up')).message).toContain('OutOfMemoryError');
  });
});

describe('keep-data-with-efs, as a learner reads it', () => {
  it('shows the replacement counting from zero without a volume, and carrying on with EFS', async () => {
    expect((await result('keep-data-with-efs', 'starter', 'counter-carries-on')).message).toMatch(/read 5 when the task was killed, and [1-5] in the replacement/);
    expect((await result('keep-data-with-efs', 'solution', 'counter-carries-on')).message).toMatch(/read 5 when the task was killed, and (9|10) in the replacement/);
  });
});
