import type { EcsSimulator, RegisterTaskDefinitionRequest, TaskDefinition } from '../../core/index.js';
import type { Check, LabChecks, LearnerFiles, Prepared } from '../lab-kit/check-types.js';
import { fieldProblem, sendRequest } from '../lab-kit/ecs-request.js';
import { duration } from '../lab-kit/words.js';
import { createLabSimulator } from '../lab-kit/lab-simulator.js';

/**
 * Lab "Keep data with EFS": the application adds one to /data/minutes every minute it runs. The service counter
 * runs the learner's task definition; after a while its task is killed, and the lab reads the counter of the
 * replacement.
 */

const TASK_DEFINITION_FILE = 'task-definition.json';
const COUNTER_PATH = '/data/minutes';
const KILL_AFTER_SECONDS = 5 * 60;
const WATCH_AFTER_KILL_SECONDS = 5 * 60;

interface Run {
  running: boolean;
  lastStoppedReason?: string;
  /** The counter the first task had reached when it was killed, and the replacement's afterwards. */
  counterBefore?: number;
  counterAfter?: number;
}

/** The counter as the service's running task reads it; none without a running task. */
function readCounter(sim: EcsSimulator): number | undefined {
  const [task] = sim.listTasks({ serviceName: 'counter' }).taskArns;
  const described = task ? sim.describeTasks({ tasks: [task] }).tasks[0] : undefined;
  if (described?.lastStatus !== 'RUNNING') return undefined;
  return Number(sim.control.readFile({ task: described.taskArn, path: COUNTER_PATH }) ?? 0);
}

function lastStoppedReason(sim: EcsSimulator): string | undefined {
  const [latest] = sim.listTasks({ serviceName: 'counter', desiredStatus: 'STOPPED' }).taskArns;
  return latest ? sim.describeTasks({ tasks: [latest] }).tasks[0].stoppedReason : undefined;
}

/** "the volume data (EFS fs-...) mounted at /data", or "no volume": what the task definition does with storage. */
function storageWords(taskDefinition: TaskDefinition): string {
  const volumes = taskDefinition.volumes ?? [];
  if (volumes.length === 0) return 'no volume';
  const mounts = taskDefinition.containerDefinitions.flatMap((c) => c.mountPoints ?? []);
  return volumes
    .map((v) => {
      const at = mounts.filter((m) => m.sourceVolume === v.name).map((m) => m.containerPath);
      const kind = v.efsVolumeConfiguration ? ` (EFS ${v.efsVolumeConfiguration.fileSystemId})` : '';
      return `the volume ${v.name}${kind} ${at.length ? `mounted at ${at.join(', ')}` : 'mounted nowhere'}`;
    })
    .join(', ');
}

function prepare(files: LearnerFiles): Prepared<Run> {
  const sim = createLabSimulator({ seed: 1 });
  sim.createCluster({ clusterName: 'default', capacityProviders: ['FARGATE'] });
  sim.efs.createFileSystem({ CreationToken: 'counter-data' });
  sim.control.registerImage('ecs-lab/counter:1', { countsMinutesIn: COUNTER_PATH });
  const registered = sendRequest(files, TASK_DEFINITION_FILE, 'RegisterTaskDefinition', (request: RegisterTaskDefinitionRequest) => sim.registerTaskDefinition(request));
  if (!registered.ok) return registered;
  const { taskDefinition } = registered.value;
  if (taskDefinition.family !== 'counter') {
    return { ok: false, problem: fieldProblem(registered.source, 'family', `family is "${taskDefinition.family}"; this lab's service runs the family "counter".`) };
  }

  sim.createService({
    serviceName: 'counter',
    taskDefinition: 'counter',
    desiredCount: 1,
    launchType: 'FARGATE',
    networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0a1b', 'subnet-1c2d'] } },
  });
  const steady = sim.control.runUntilSteady({ service: 'counter', maxSeconds: 300 });
  const observed = `ECS registered counter:${taskDefinition.revision} with ${storageWords(taskDefinition)}.`;
  if (!steady) return { ok: true, run: { running: false, lastStoppedReason: lastStoppedReason(sim) }, observed };

  sim.control.advance(KILL_AFTER_SECONDS);
  const counterBefore = readCounter(sim);
  sim.control.killTask({ task: sim.listTasks({ serviceName: 'counter' }).taskArns[0] });
  sim.control.advance(WATCH_AFTER_KILL_SECONDS);
  return { ok: true, run: { running: true, counterBefore, counterAfter: readCounter(sim) }, observed };
}

const taskStarts: Check<Run> = {
  id: 'task-starts',
  title: 'the task of the service counter starts and keeps RUNNING',
  hint: 'Read the stopped reason: a volume must name a file system that exists. The README gives the id of counter-data.',
  verify({ running, lastStoppedReason: reason }) {
    return { passed: running, observed: running ? 'The task of counter is RUNNING.' : `The task of counter never settled. The last one stopped: ${reason ?? '(no task stopped)'}` };
  },
};

const counterCarriesOn: Check<Run> = {
  id: 'counter-carries-on',
  title: `when the task is killed, its replacement's counter carries on from where it was (${COUNTER_PATH})`,
  hint: `Where does the application write ${COUNTER_PATH}: in the task's own storage, which goes with the task, or on a volume that outlives it? Is the volume mounted at the folder the application writes to?`,
  verify({ running, counterBefore, counterAfter }) {
    if (!running) return { passed: false, observed: 'Not run: the task never started.' };
    return {
      passed: counterAfter !== undefined && counterBefore !== undefined && counterAfter > counterBefore,
      observed: `The counter read ${counterBefore ?? '(nothing)'} when the task was killed, and ${counterAfter ?? '(no running task)'} in the replacement ${duration(WATCH_AFTER_KILL_SECONDS)} later.`,
    };
  },
};

const lab: LabChecks<Run> = {
  input: {
    id: 'requests',
    title: `${TASK_DEFINITION_FILE} is a task definition of the family counter that ECS registers`,
    hint: 'ECS\'s message says which field it refuses. A mount point names a volume of the task definition by its name.',
  },
  prepare,
  checks: [taskStarts, counterCarriesOn],
};
export default lab;
