import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../labs/lab-kit/check-types.js';
import { loadLabChecks } from '../../labs/lab-kit/node/check-lab-folder.js';
import { LABS_ROOT, readLearnerFiles, readManifest } from '../../labs/lab-kit/node/lab-folders.js';
import { partScores } from '../../labs/lab-kit/lab-parts.js';
import { runChecks } from '../../labs/lab-kit/run-checks.js';

/**
 * The capstone as a learner reads it: the numbers in its messages follow from the shop's situation (orders
 * holds 700 MiB, a worker takes an order every 2 s, one web task serves 200 requests a second), and its parts
 * are graded one by one.
 */
const labsRoot = fileURLToPath(LABS_ROOT);
const id = 'capstone-shop';
const names = readManifest(labsRoot, id).files;

async function check(...folders: string[]): Promise<CheckReport> {
  const lab = await loadLabChecks(labsRoot, id);
  const files = Object.assign({}, ...folders.map((folder) => readLearnerFiles(join(labsRoot, id, folder), names)));
  return runChecks(lab, files);
}
const message = (report: CheckReport, checkId: string) => report.results.find((r) => r.id === checkId)!;

describe('the capstone, as a learner reads it', { timeout: 60_000 }, () => {
  let starter: CheckReport;
  let solution: CheckReport;
  beforeAll(async () => {
    [starter, solution] = [await check('starter'), await check('solution')];
  }, 60_000);

  it('shows why the starter\'s tasks do not stay up: orders (700 MiB) in 512 MiB, web checked before its 45 s warm-up', () => {
    const stayUp = message(starter, 'td-stay-up').message;
    expect(stayUp).toContain('orders: its task stopped');
    expect(stayUp).toContain('OutOfMemoryError: Container killed due to memory usage');
    expect(stayUp).toContain('web: its task stopped');
    expect(stayUp).toContain('Task failed container health checks');
    expect(message(starter, 'td-worker-role').message).toBe('The worker took 0 of 20 orders in 5 min; its task role is not set.');
  });

  it('does not judge scaling or the deployment until the shop the starter builds has settled, and says so', () => {
    expect(starter.results.filter((r) => r.id.startsWith('scale-') || r.id.startsWith('deploy-')).map((r) => r.status)).toEqual(Array(7).fill('skipped'));
    expect(message(starter, 'scale-web').message).toMatch(/^Not judged until every service of the shop reaches a steady state \(part 2\)/);
  });

  it('scales the solution\'s web to its maximum of 12 during the sale (1,500 requests a second need at least 8 tasks of 200) and back to 3', () => {
    expect(message(solution, 'scale-web').message).toMatch(/desired count went 3 → .*\b12\b.* → 3;/);
    expect(message(solution, 'scale-in').message).toBe('40 min after the sale, web wants 3 tasks and worker 1 task.');
  });

  it('clears the 600 orders with up to 10 workers: at least 600 × 2 s ÷ 10 = 2 min, within the 10', () => {
    const worker = message(solution, 'scale-worker').message;
    const minutes = Number(/empty (\d+) min after/.exec(worker)?.[1]);
    expect(minutes).toBeGreaterThanOrEqual(2);
    expect(minutes).toBeLessThanOrEqual(10);
    expect(worker).toContain('1 → 10');
  });

  it('rolls the crashing web:3 back to web:2 with the circuit breaker, and keeps ceil(3 × 100 / 100) = 3 healthy during web:2', () => {
    expect(message(solution, 'deploy-good').message).toContain('the fewest healthy web tasks was 3, and 0 customer requests failed');
    expect(message(solution, 'deploy-bad').message).toMatch(/running 3 of web:2; 0 customer requests failed\.$/);
  });

  it('counts ceil(3 × 50 / 100) = 2 healthy web tasks when minimumHealthyPercent is 50', async () => {
    expect(message(await check('solution', 'mistakes/deploy-good'), 'deploy-good').message).toContain('the fewest healthy web tasks was 2');
  });

  it('grades each part on its own: a networking slip costs part 2 only', async () => {
    const report = await check('solution', 'mistakes/net-private');
    const scores = partScores(readManifest(labsRoot, id), report);
    expect(scores.map((s) => [s.id, s.earned])).toEqual([['task-definitions', 20], ['networking', 0], ['load-balancing', 20], ['scaling', 20], ['deployment', 20]]);
    expect(message(report, 'net-private').location).toMatchObject({ file: 'services.json' });
  });
});
