import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadLabChecks } from '../../labs/lab-kit/node/check-lab-folder.js';
import { LABS_ROOT, labIds, readLearnerFiles, readManifest } from '../../labs/lab-kit/node/lab-folders.js';
import { readSection } from '../../docs/.vitepress/data/pages.js';
import { runChecks } from '../../labs/lab-kit/run-checks.js';
import type { LearnerFiles } from '../../labs/lab-kit/check-types.js';
import { buildWorld as nativeBlueGreenWorld } from '../../labs/native-blue-green/situation.js';
import { buildWorld as canaryWorld } from '../../labs/canary-error-budget/situation.js';

// What a learner reads in the labs of the course's later chapters: the words are AWS's where AWS has them, and
// the names and numbers in each README are the ones the lab's simulated account really has.
const labsRoot = fileURLToPath(LABS_ROOT);

async function report(id: string, files: LearnerFiles) {
  return runChecks(await loadLabChecks(labsRoot, id), files);
}

const folder = (id: string, name: string) => readLearnerFiles(join(labsRoot, id, name), readManifest(labsRoot, id).files);
const result = async (id: string, name: string, checkId: string, change: (files: LearnerFiles) => LearnerFiles = (f) => f) =>
  (await report(id, change(folder(id, name)))).results.find((r) => r.id === checkId)!;
const readme = (id: string) => readFileSync(join(labsRoot, id, 'README.md'), 'utf8');

describe('the labs of the learning path', () => {
  const manifests = labIds(labsRoot).map((id) => readManifest(labsRoot, id));

  it('give every chapter from task definitions on a lab to end with, at least 20 labs in all', () => {
    const path = readSection('docs', 'chapters');
    const from = path.findIndex((c) => c.slug === 'task-definitions');
    const withoutLab = path.slice(from).filter((c) => !manifests.some((m) => m.chapter === c.link)).map((c) => c.slug);
    expect(withoutLab).toEqual([]);
    expect(manifests.length).toBeGreaterThanOrEqual(20);
  });
});

describe('private-subnet-pull, as a learner reads it', () => {
  it('shows the CannotPullContainerError AWS documents for a task with no route to the registry', async () => {
    const run = await result('private-subnet-pull', 'starter', 'tasks-run');
    expect(run.message).toContain('CannotPullContainerError: API error (500): Get https://123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/: net/http: request canceled while waiting for connection');
  });

  it('shows the image layers never coming from S3 when only the ECR endpoints are there', async () => {
    expect((await result('private-subnet-pull', 'mistakes/tasks-run', 'tasks-run')).message).toContain('prod-us-east-1-starport-layer-bucket.s3.us-east-1.amazonaws.com');
  });

  it('answers an ECR endpoint left without a type as EC2 does: the default type, Gateway, is not ECR\'s', async () => {
    const input = await result('private-subnet-pull', 'mistakes/requests-accepted', 'requests-accepted');
    expect(input.message).toBe('An error occurred (InvalidParameter) when calling the CreateVpcEndpoint operation: Endpoint type (Gateway) does not match available service types ([Interface]).');
    expect(input.location).toMatchObject({ file: 'vpc-endpoints.json', line: 3 });
  });
});

describe('native-blue-green, as a learner reads it', () => {
  it('names in its README the target groups and listener rules the lab\'s load balancer has', () => {
    const world = nativeBlueGreenWorld();
    for (const arn of [world.blue, world.green, world.productionRule, world.testRule]) expect(readme('native-blue-green')).toContain(arn);
  });

  it('shows ECS refusing UpdateService on a CODE_DEPLOY service in ECS\'s words', async () => {
    expect((await result('native-blue-green', 'starter', 'deploys-natively')).message).toContain(
      'Unable to update task definition on services with a CODE_DEPLOY deployment controller. Use AWS CodeDeploy to trigger a new deployment.',
    );
  });
});

describe('canary-error-budget, as a learner reads it', () => {
  it('names in its README the LoadBalancer dimension of the lab\'s load balancer', () => {
    expect(readme('canary-error-budget')).toContain(canaryWorld().loadBalancerDimension);
  });

  it('shows all production moving at once, and 20 % of it failing, when nothing rolls the bad version back', async () => {
    const budget = await result('canary-error-budget', 'starter', 'error-budget');
    expect(budget.message).toMatch(/^\d{4} requests failed while checkout:2 was deployed \(budget 300\); it had up to 100 % of production traffic\.$/);
  });

  it('says when the alarm was already in ALARM as the deployment started, which ECS ignores', async () => {
    const lowThreshold = (files: LearnerFiles) => ({ ...files, 'alarm.json': files['alarm.json'].replace('"Threshold": 30', '"Threshold": 1') });
    const rollsBack = await result('canary-error-budget', 'solution', 'bad-rolls-back', lowThreshold);
    expect(rollsBack.status).toBe('failed');
    expect(rollsBack.message).toContain('checkout-5xx was already in ALARM when it started.');
  });
});

describe('protect-long-jobs, as a learner reads it', () => {
  it('shows the scale-in stopping workers in the middle of a video when nothing protects them', async () => {
    const jobs = await result('protect-long-jobs', 'starter', 'jobs-finish');
    expect(jobs.message).toMatch(/jobs were cut short: video-\d \(\d+ min\) lost its task after \d+ min \("Scaling activity initiated by \(deployment ecs-svc\/\d{19}\)"\)\.$/);
  });

  it('shows protection left to expire holding the idle workers for over an hour', async () => {
    expect((await result('protect-long-jobs', 'mistakes/scales-in', 'scales-in')).message).toMatch(/^The service ran 1 task \d+ min after the last job finished\.$/);
  });
});

describe('task-per-upload, as a learner reads it', () => {
  it('shows a rule on the whole bucket starting tasks for the thumbnails its own tasks write', async () => {
    const strays = await result('task-per-upload', 'mistakes/nothing-else', 'nothing-else');
    expect(strays.message).toContain('photos/thumbnails/cat.jpg');
  });
});
