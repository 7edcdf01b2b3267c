import { EcsError, type EcsSimulator, type Task } from '../../core/index.js';
import type { Check, LabChecks, LearnerFiles, Prepared } from '../lab-kit/check-types.js';
import { sendRequest } from '../lab-kit/ecs-request.js';
import { registerTaskDefinitionFile } from '../lab-kit/task-definition-file.js';
import { findTasks } from '../lab-kit/task-queries.js';
import { duration, tasks } from '../lab-kit/words.js';
import { buildAccount, SITUATION } from './situation.js';

/**
 * Lab "Read why the task stopped": the learner's cluster settings are applied and their task definition
 * registered; the lab runs the service orders on Fargate for 15 minutes, in which its tasks crash and are
 * replaced, then looks for what a person on call would look for.
 */

const TASK_DEFINITION_FILE = 'task-definition.json';
const SETTINGS_FILE = 'cluster-settings.json';
const WATCH_SECONDS = 15 * 60;
const INSIGHTS_MINUTES = 5;

interface Run {
  /** Stopped tasks of orders, newest first. */
  stopped: Task[];
  /** Stopped because their containers could not even start. */
  neverStarted: Task[];
  /** The newest stopped task that ran, and the log stream its container's lines went to, if any. */
  crashed?: Task;
  stream?: { name: string; lastLine?: string };
  /** The log streams /ecs/orders has, for a message when the documented one is not there. */
  streams: string[];
  insights: number[];
}

/** The stream the awslogs driver writes a task's container to, as AWS documents it: prefix/container-name/task-id. */
function streamOf(sim: EcsSimulator, task: Task): Run['stream'] {
  const id = task.taskArn.slice(task.taskArn.lastIndexOf('/') + 1);
  const { logStreams } = sim.logs.describeLogStreams({ logGroupName: SITUATION.logGroup });
  const stream = logStreams.find((s: { logStreamName: string }) => s.logStreamName.endsWith(`/orders/${id}`));
  if (!stream) return undefined;
  const { events } = sim.logs.getLogEvents({ logGroupName: SITUATION.logGroup, logStreamName: stream.logStreamName });
  return { name: stream.logStreamName, lastLine: events.at(-1)?.message };
}

function prepare(files: LearnerFiles): Prepared<Run> {
  const sim = buildAccount();
  const settings = sendRequest(files, SETTINGS_FILE, 'UpdateClusterSettings', (request: never) => sim.updateClusterSettings(request));
  if (!settings.ok) return settings;
  const registered = registerTaskDefinitionFile(files, TASK_DEFINITION_FILE, sim, SITUATION.family);
  if (!registered.ok) return registered;
  const taskDefinition = registered.value;
  try {
    sim.createService({
      serviceName: SITUATION.serviceName,
      taskDefinition: 'orders',
      desiredCount: SITUATION.desiredCount,
      launchType: 'FARGATE',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0a1b', 'subnet-1c2d'] } },
    });
  } catch (error) {
    if (!(error instanceof EcsError)) throw error;
    return { ok: false, problem: { message: `ECS registered the task definition but would not run it as the service orders: ${error.name}: ${error.message}` } };
  }
  sim.control.advance(WATCH_SECONDS);
  const stopped = findTasks(sim, { serviceName: SITUATION.serviceName })
    .filter((t) => t.lastStatus === 'STOPPED')
    .sort((a, b) => (b.stoppedAt ?? 0) - (a.stoppedAt ?? 0));
  const crashed = stopped.find((t) => t.startedAt !== undefined);
  const { logStreams } = sim.logs.describeLogStreams({ logGroupName: SITUATION.logGroup });
  const insights = sim.control.containerInsightsMetric({ metric: 'RunningTaskCount', dimensions: { ClusterName: 'default', ServiceName: SITUATION.serviceName } });
  const enabled = sim.describeClusters({ clusters: ['default'], include: ['SETTINGS'] }).clusters[0].settings?.find((s) => s.name === 'containerInsights')?.value;
  return {
    ok: true,
    run: {
      stopped,
      neverStarted: stopped.filter((t) => t.startedAt === undefined),
      crashed,
      stream: crashed ? streamOf(sim, crashed) : undefined,
      streams: logStreams.map((s: { logStreamName: string }) => s.logStreamName),
      insights: insights.slice(-INSIGHTS_MINUTES).map((d) => d.value),
    },
    observed: `ECS registered orders:${taskDefinition.revision}; the cluster's containerInsights setting is ${enabled ?? 'disabled'}.`,
  };
}

const tasksStart: Check<Run> = {
  id: 'tasks-start',
  title: 'the tasks of orders start: no task stops before its container runs',
  hint: 'Read the stopped reason: it is the agent setting up the log driver before the container starts. The log group it names must exist, in the Region the options give.',
  verify({ stopped, neverStarted }) {
    if (neverStarted.length === 0) return { passed: true, observed: `Every task of orders started (${tasks(stopped.length)} stopped later, after running).` };
    return { passed: false, observed: `${tasks(neverStarted.length)} stopped before starting: ${neverStarted[0].stoppedReason}` };
  },
};

const crashInLogs: Check<Run> = {
  id: 'crash-in-logs',
  title: `the last line a crashed task of orders printed is in CloudWatch Logs, in ${SITUATION.logGroup}, in the stream named after the task (prefix/orders/task-id)`,
  hint: 'ECS tells you that the essential container exited and with which code; only the container\'s own output says why. The awslogs driver sends it to CloudWatch Logs, one stream per container per task, named after the task when the options give a stream prefix.',
  verify({ crashed, stream, streams }) {
    if (!crashed) return { passed: false, observed: `No task of orders ran and stopped in ${duration(WATCH_SECONDS)}, so there is no crash to read.` };
    const reason = `The newest crashed task stopped with "${crashed.stoppedReason}" (exit code ${crashed.containers[0]?.exitCode ?? '?'})`;
    if (!stream) {
      const found = streams.length === 0 ? `${SITUATION.logGroup} has no stream at all: its output went nowhere CloudWatch keeps` : `${SITUATION.logGroup} has no stream named after it (its streams: ${streams.slice(0, 2).join(', ')}${streams.length > 2 ? ', ...' : ''})`;
      return { passed: false, observed: `${reason}; ${found}.` };
    }
    return { passed: stream.lastLine === SITUATION.lastWords, observed: `${reason}; the last line in ${stream.name} is "${stream.lastLine ?? '(none)'}".` };
  },
};

const insightsRecorded: Check<Run> = {
  id: 'insights',
  title: `Container Insights recorded a RunningTaskCount for orders in each of the last ${INSIGHTS_MINUTES} minutes`,
  hint: 'Container Insights is a setting of the cluster, off unless you turn it on, and it records from the moment it is on. UpdateClusterSettings turns it on for a cluster that exists.',
  verify({ insights }) {
    if (insights.length < INSIGHTS_MINUTES) return { passed: false, observed: `Container Insights recorded ${insights.length} RunningTaskCount datapoints for orders.` };
    return { passed: true, observed: `RunningTaskCount for orders, the last ${INSIGHTS_MINUTES} minutes: ${insights.join(', ')}.` };
  },
};

const lab: LabChecks<Run> = {
  input: {
    id: 'requests-accepted',
    title: `${SETTINGS_FILE} is an UpdateClusterSettings request ECS accepts, and ${TASK_DEFINITION_FILE} registers the family orders`,
    hint: 'ECS\'s message names the field it refuses. On Fargate the awslogs driver is used by the execution role, so a task definition that sends logs needs one.',
  },
  prepare,
  checks: [tasksStart, crashInLogs, insightsRecorded],
};
export default lab;
