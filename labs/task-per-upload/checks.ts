import type { Task } from '../../core/index.js';
import type { Check, LabChecks, LearnerFiles, Prepared } from '../lab-kit/check-types.js';
import { sendRequest } from '../lab-kit/ecs-request.js';
import { findTasks } from '../lab-kit/task-queries.js';
import { tasks } from '../lab-kit/words.js';
import { buildAccount, objectCreated, SITUATION } from './situation.js';

/**
 * Lab "Start a task for each upload": the learner's rule and target are put in EventBridge; the lab uploads the
 * photos and the other files a minute apart, and each thumbnail task that finishes writes its thumbnail back to
 * the bucket under thumbnails/, as the application does.
 */

const RULE_FILE = 'rule.json';
const TARGETS_FILE = 'targets.json';
const WATCH_SECONDS = 10 * 60;

interface Run {
  /** The keys uploaded to photos/uploads/ and the tasks started for each, by when they came. */
  perPhoto: Array<{ key: string; tasks: Task[] }>;
  /** Tasks started for anything else: another bucket, another folder, a thumbnail the tasks wrote. */
  strays: Array<{ upload: string; count: number }>;
  invocations: number;
  thumbnailsWritten: number;
}

function prepare(files: LearnerFiles): Prepared<Run> {
  const sim = buildAccount();
  const rule = sendRequest(files, RULE_FILE, 'PutRule', (request: never) => sim.eventBridge.putRule(request));
  if (!rule.ok) return rule;
  const targets = sendRequest(files, TARGETS_FILE, 'PutTargets', (request: never) => sim.eventBridge.putTargets(request));
  if (!targets.ok) return targets;
  const ruleName = String((rule.source.request as { Name?: unknown }).Name);

  // The tasks the rule starts, and what started each: the upload just made, or a thumbnail a task wrote.
  const causeOf = new Map<string, string>();
  let cause = '';
  let thumbnailsWritten = 0;
  const startedSoFar = () => findTasks(sim, { startedBy: `events-rule/${ruleName}` });
  const noteNew = () => {
    for (const task of startedSoFar()) if (!causeOf.has(task.taskArn)) causeOf.set(task.taskArn, cause);
  };
  const written = new Set<string>();
  const writeThumbnails = () => {
    for (const task of startedSoFar()) {
      if (task.lastStatus !== 'STOPPED' || task.containers[0]?.exitCode !== 0 || written.has(task.taskArn)) continue;
      written.add(task.taskArn);
      const source = causeOf.get(task.taskArn) ?? '';
      const key = `thumbnails/${source.slice(source.indexOf('/', source.indexOf(':') + 1) + 1)}`;
      cause = `${SITUATION.bucket}:${key}`;
      thumbnailsWritten++;
      objectCreated(sim, SITUATION.bucket, key);
      sim.control.advance(1);
      noteNew();
    }
  };
  const upload = (bucket: string, key: string) => {
    cause = `${bucket}:${key}`;
    objectCreated(sim, bucket, key);
    sim.control.advance(1);
    noteNew();
    // A minute between uploads; the tasks finish their work and write their thumbnails meanwhile.
    for (let s = 0; s < 59; s += 5) {
      sim.control.advance(5);
      writeThumbnails();
    }
  };
  for (const key of SITUATION.photos) upload(SITUATION.bucket, key);
  for (const other of SITUATION.others) upload(other.bucket, other.key);
  const end = sim.control.now + WATCH_SECONDS;
  while (sim.control.now < end && thumbnailsWritten < 50) {
    sim.control.advance(5);
    writeThumbnails();
  }

  const all = startedSoFar();
  const byCause = (c: string) => all.filter((t) => causeOf.get(t.taskArn) === c);
  const photoCauses = new Set(SITUATION.photos.map((key) => `${SITUATION.bucket}:${key}`));
  const strayCauses = [...new Set([...causeOf.values()].filter((c) => !photoCauses.has(c)))];
  return {
    ok: true,
    run: {
      perPhoto: SITUATION.photos.map((key) => ({ key, tasks: byCause(`${SITUATION.bucket}:${key}`) })),
      strays: strayCauses.map((c) => ({ upload: c.replace(':', '/'), count: byCause(c).length })).filter((s) => s.count > 0),
      invocations: sim.eventBridge.describeRule({ Name: ruleName }).Invocations ?? 0,
      thumbnailsWritten,
    },
    observed: `EventBridge has the rule ${ruleName} with its target. The lab uploaded ${SITUATION.photos.length} photos to ${SITUATION.bucket}/uploads/ and ${SITUATION.others.length} other files.`,
  };
}

const onePerPhoto: Check<Run> = {
  id: 'one-task-per-photo',
  title: `each photo uploaded to ${SITUATION.bucket}/uploads/ starts exactly one thumbnail task, which ends with exit code 0`,
  hint: 'When the rule matched but no task ran, EventBridge\'s RunTask failed, and EventBridge only counts it (FailedInvocations). The task definition uses the awsvpc network mode: what does RunTask need for that, on Fargate?',
  verify({ perPhoto, invocations }) {
    const line = perPhoto.map((p) => `${p.key}: ${tasks(p.tasks.length)}${p.tasks.length ? ` (exit ${p.tasks.map((t) => t.containers[0]?.exitCode ?? t.lastStatus).join(', ')})` : ''}`).join('; ');
    const passed = perPhoto.every((p) => p.tasks.length === 1 && p.tasks[0].containers[0]?.exitCode === 0);
    const noTask = perPhoto.every((p) => p.tasks.length === 0) && invocations > 0 ? ` The rule ran its target ${invocations} times, yet no task started.` : '';
    return { passed, observed: `${line}.${noTask}` };
  },
};

const nothingElse: Check<Run> = {
  id: 'nothing-else',
  title: 'nothing else starts a task: not another bucket, not another folder, not the thumbnails the tasks write back',
  hint: 'A rule runs its target for every event its pattern matches. The tasks write their thumbnails into the same bucket, and that is an upload too: match the folder the photos arrive in, not the whole bucket.',
  verify({ strays, thumbnailsWritten }) {
    if (strays.length === 0) return { passed: true, observed: `No other upload started a task (the tasks wrote ${thumbnailsWritten} thumbnails).` };
    const total = strays.reduce((sum, s) => sum + s.count, 0);
    const shown = strays.slice(0, 3).map((s) => `${s.upload} (${tasks(s.count)})`).join(', ');
    return { passed: false, observed: `${tasks(total)} started for other uploads: ${shown}${strays.length > 3 ? ', ...' : ''}. The tasks wrote ${thumbnailsWritten} thumbnails in all.` };
  },
};

const lab: LabChecks<Run> = {
  input: {
    id: 'requests-accepted',
    title: `${RULE_FILE} is a PutRule request and ${TARGETS_FILE} a PutTargets request for that rule, both accepted by EventBridge`,
    hint: 'The message is EventBridge\'s answer and names the field it refuses. A rule has an event pattern or a schedule, not both; PutTargets names the rule by its Name.',
  },
  prepare,
  checks: [onePerPhoto, nothingElse],
};
export default lab;
