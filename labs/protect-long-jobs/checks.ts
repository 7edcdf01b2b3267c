import type { EcsSimulator, Task } from '../../core/index.js';
import type { Check, LabChecks, LearnerFiles, Prepared } from '../lab-kit/check-types.js';
import { loadLearnerModule, type LearnerModule } from '../lab-kit/learner-module.js';
import { duration, tasks } from '../lab-kit/words.js';
import { buildService, SITUATION } from './situation.js';

/**
 * Lab "Protect long jobs from scale-in": the learner's worker.ts is called by each worker of the service encoder
 * as it takes a job and as it finishes it, with its task's protection endpoint; meanwhile the service is scaled
 * in from 4 tasks to 1.
 */

const FILE = 'worker.ts';
/** How long after the last job ends the service may take to be down to one task. */
const SCALE_IN_SECONDS = 5 * 60;

interface TaskProtectionState {
  protection: { ProtectionEnabled: boolean; ExpirationDate?: string; TaskArn: string };
}

interface JobOutcome {
  id: string;
  minutes: number;
  finished: boolean;
  /** When it did not finish: how long after it started its task was stopped, and why. */
  stoppedAfterSeconds?: number;
  stoppedReason?: string;
}

interface Run {
  jobs: JobOutcome[];
  /** Seconds from the end of the last job until the service ran one task; undefined: it never did in the watch. */
  downToOneAfter?: number;
  runningAtEnd: number;
  protectionCalls: number;
}

/** The agent's endpoint of one task: its PUT and GET bodies, answered from UpdateTaskProtection and GetTaskProtection. */
function protectionEndpoint(sim: EcsSimulator, taskArn: string, count: () => void) {
  const state = (p: { taskArn?: string; protectionEnabled?: boolean; expirationDate?: number }): TaskProtectionState => ({
    protection: {
      ProtectionEnabled: p.protectionEnabled ?? false,
      ...(p.expirationDate !== undefined ? { ExpirationDate: new Date(p.expirationDate * 1000).toISOString() } : {}),
      TaskArn: p.taskArn ?? taskArn,
    },
  });
  return {
    put(body: { ProtectionEnabled: boolean; ExpiresInMinutes?: number }): TaskProtectionState {
      count();
      const { protectedTasks } = sim.updateTaskProtection({ cluster: 'default', tasks: [taskArn], protectionEnabled: body?.ProtectionEnabled, expiresInMinutes: body?.ExpiresInMinutes } as never);
      return state(protectedTasks[0]);
    },
    get(): TaskProtectionState {
      return state(sim.getTaskProtection({ cluster: 'default', tasks: [taskArn] }).protectedTasks[0]);
    },
  };
}

const describeTask = (sim: EcsSimulator, arn: string): Task => sim.describeTasks({ tasks: [arn] }).tasks[0];
const stillWorking = (task: Task) => task.lastStatus === 'RUNNING' && task.desiredStatus === 'RUNNING';

function prepare(files: LearnerFiles): Prepared<Run> {
  const loaded = loadLearnerModule(files, FILE, 'protect-long-jobs');
  if (!loaded.ok) return loaded;
  const worker: LearnerModule = loaded.value;
  const sim = buildService();
  let protectionCalls = 0;
  const origin = sim.control.now;
  const at = (seconds: number) => sim.control.advance(Math.max(0, origin + seconds - sim.control.now));

  at(SITUATION.jobsStartAtSeconds);
  const workers = [...sim.listTasks({ serviceName: SITUATION.serviceName }).taskArns].sort();
  const busy = SITUATION.jobs.map((job, i) => ({ job, taskArn: workers[i], agent: protectionEndpoint(sim, workers[i], () => protectionCalls++), startedAt: sim.control.now }));
  for (const { job, agent } of busy) {
    const started = worker.call('onJobStarted', agent, { ...job });
    if (!started.ok) return started;
  }
  at(SITUATION.scaleInAtSeconds);
  sim.updateService({ service: SITUATION.serviceName, desiredCount: SITUATION.scaledInTo });

  const jobs: JobOutcome[] = [];
  for (const { job, taskArn, agent, startedAt } of [...busy].sort((a, b) => a.job.minutes - b.job.minutes)) {
    at(startedAt - origin + job.minutes * 60);
    const task = describeTask(sim, taskArn);
    if (!stillWorking(task)) {
      const stoppedAt = task.stoppingAt ?? task.stoppedAt ?? sim.control.nowEpochSeconds;
      jobs.push({ ...job, finished: false, stoppedAfterSeconds: stoppedAt - (sim.control.nowEpochSeconds - (sim.control.now - startedAt)), stoppedReason: task.stoppedReason });
      continue;
    }
    jobs.push({ ...job, finished: true });
    const finished = worker.call('onJobFinished', agent, { ...job });
    if (!finished.ok) return finished;
  }
  const lastEnd = sim.control.now;
  const running = () => sim.describeServices({ services: [SITUATION.serviceName] }).services[0].runningCount;
  const down = sim.control.runUntil(() => running() === SITUATION.scaledInTo, 2 * 60 * 60);
  return {
    ok: true,
    run: { jobs, downToOneAfter: down ? sim.control.now - lastEnd : undefined, runningAtEnd: running(), protectionCalls },
    observed: `${FILE} ran as each of the ${SITUATION.jobs.length} workers took and finished its job; it called the protection endpoint ${protectionCalls} ${protectionCalls === 1 ? 'time' : 'times'}.`,
  };
}

const jobsFinish: Check<Run> = {
  id: 'jobs-finish',
  title: `every job finishes: scale-in from ${SITUATION.desiredCount} tasks to ${SITUATION.scaledInTo} stops no task in the middle of a video`,
  hint: 'ECS chooses which tasks to stop when the desired count drops, and an encoder at minute 10 of 40 looks the same to it as an idle one, unless the task says otherwise through the agent, for as long as the job lasts.',
  verify({ jobs }) {
    const cut = jobs.filter((j) => !j.finished);
    if (cut.length === 0) return { passed: true, observed: `All ${jobs.length} jobs finished (${jobs.map((j) => `${j.id}, ${j.minutes} min`).join('; ')}).` };
    const first = cut[0];
    return {
      passed: false,
      observed: `${cut.length} of ${jobs.length} jobs were cut short: ${first.id} (${first.minutes} min) lost its task after ${duration(first.stoppedAfterSeconds ?? 0)}${first.stoppedReason ? ` ("${first.stoppedReason}")` : ''}.`,
    };
  },
};

const scalesIn: Check<Run> = {
  id: 'scales-in',
  title: `the service is down to ${tasks(SITUATION.scaledInTo)} within ${duration(SCALE_IN_SECONDS)} of the last job finishing`,
  hint: 'Protection lasts until it expires (2 hours unless the request says otherwise) or until the task turns it off. A worker that is done has nothing left to protect.',
  verify({ downToOneAfter, runningAtEnd }) {
    if (downToOneAfter === undefined) return { passed: false, observed: `Two hours after the last job finished the service still runs ${tasks(runningAtEnd)}.` };
    return {
      passed: downToOneAfter <= SCALE_IN_SECONDS,
      observed: `The service ran ${tasks(SITUATION.scaledInTo)} ${downToOneAfter === 0 ? 'as soon as' : `${duration(downToOneAfter)} after`} the last job finished.`,
    };
  },
};

const lab: LabChecks<Run> = {
  input: {
    id: 'runs',
    title: `${FILE} compiles, and onJobStarted and onJobFinished run without an error`,
    hint: 'The message says what your code threw, and where. The endpoint answers as the ECS agent does, and refuses a body ECS would refuse (ExpiresInMinutes from 1 to 2,880).',
  },
  prepare,
  checks: [jobsFinish, scalesIn],
};
export default lab;
