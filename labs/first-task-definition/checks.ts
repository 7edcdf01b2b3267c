import type { EcsSimulator, RegisterTaskDefinitionRequest, TaskDefinition } from '../../core/index.js';
import type { Check, LabChecks, LearnerFiles, Prepared } from '../lab-kit/check-types.js';
import { fieldProblem, sendRequest } from '../lab-kit/ecs-request.js';
import { describeError } from '../lab-kit/describe-error.js';
import { createLabSimulator } from '../lab-kit/lab-simulator.js';

/** Lab "Write your first task definition": the learner's task definition is registered, then run on Fargate. */

const FILE = 'task-definition.json';
const FAMILY = 'api';
const CONTAINER = 'api';
const BUDGET = { cpu: 512, memoryMiB: 1024 } as const;
const CONTAINER_NEEDS_MIB = 900;
const SUBNETS = ['subnet-0a1b', 'subnet-1c2d'];

interface Run {
  sim: EcsSimulator;
  taskDefinition: TaskDefinition;
}

function prepare(files: LearnerFiles): Prepared<Run> {
  const sim = createLabSimulator({ seed: 1 });
  sim.createCluster({ clusterName: 'default', capacityProviders: ['FARGATE', 'FARGATE_SPOT'] });
  const sent = sendRequest(files, FILE, 'RegisterTaskDefinition', (request: RegisterTaskDefinitionRequest) => sim.registerTaskDefinition(request));
  if (!sent.ok) return sent;
  const { taskDefinition } = sent.value;
  if (taskDefinition.family !== FAMILY) {
    return { ok: false, problem: fieldProblem(sent.source, 'family', `family is "${taskDefinition.family}"; this lab's task definition is "${FAMILY}".`) };
  }
  if (!taskDefinition.containerDefinitions.some((c) => c.name === CONTAINER)) {
    return { ok: false, problem: fieldProblem(sent.source, 'containerDefinitions', `There is no container named "${CONTAINER}": keep the starter's container.`) };
  }
  return {
    ok: true,
    run: { sim, taskDefinition },
    observed: `ECS registered ${FAMILY}:${taskDefinition.revision} with cpu ${taskDefinition.cpu ?? '(none)'} and memory ${taskDefinition.memory ?? '(none)'}.`,
  };
}

const runsOnFargate: Check<Run> = {
  id: 'runs-on-fargate',
  title: 'a task of it starts and runs on Fargate (RunTask with launchType FARGATE)',
  hint: 'Fargate runs a task definition that asks for it (requiresCompatibilities) and gives each task its own network interface (networkMode).',
  verify({ sim }) {
    let taskArn: string | undefined;
    try {
      const { tasks, failures } = sim.runTask({
        taskDefinition: FAMILY,
        launchType: 'FARGATE',
        networkConfiguration: { awsvpcConfiguration: { subnets: SUBNETS } },
      });
      if (tasks.length === 0) return { passed: false, observed: `RunTask started no task: ${failures.map((f) => f.reason).join('; ')}` };
      taskArn = tasks[0].taskArn;
    } catch (error) {
      return { passed: false, observed: `RunTask with launchType FARGATE was refused: ${describeError(error)}` };
    }
    sim.control.advance(60);
    const [task] = sim.describeTasks({ tasks: [taskArn] }).tasks;
    return task.lastStatus === 'RUNNING'
      ? { passed: true, observed: `The task runs on Fargate in ${task.availabilityZone}.` }
      : { passed: false, observed: `A minute after RunTask the task is ${task.lastStatus}: ${task.stoppedReason ?? ''}` };
  },
};

const withinBudget: Check<Run> = {
  id: 'within-budget',
  title: `the task costs at most ${BUDGET.cpu / 1024} vCPU (${BUDGET.cpu} CPU units) and ${BUDGET.memoryMiB} MiB`,
  hint: 'Fargate bills the task size: cpu and memory at the task level. Pick the smallest pair that still fits the container.',
  verify({ taskDefinition }) {
    const cpu = Number(taskDefinition.cpu ?? Number.NaN);
    const memory = Number(taskDefinition.memory ?? Number.NaN);
    const observed = `The task asks for ${taskDefinition.cpu ?? 'no'} CPU units and ${taskDefinition.memory ?? 'no'} MiB (budget: ${BUDGET.cpu} and ${BUDGET.memoryMiB}).`;
    return { passed: cpu <= BUDGET.cpu && memory <= BUDGET.memoryMiB, observed };
  },
};

const enoughMemory: Check<Run> = {
  id: 'enough-memory',
  title: `the container ${CONTAINER} gets at least ${CONTAINER_NEEDS_MIB} MiB of memory`,
  hint: 'A container may use the task\'s memory unless its own memory (hard limit) is lower. Is the task\'s memory large enough?',
  verify({ taskDefinition }) {
    const container = taskDefinition.containerDefinitions.find((c) => c.name === CONTAINER)!;
    const available = Math.min(container.memory ?? Number.POSITIVE_INFINITY, Number(taskDefinition.memory ?? 0));
    const limit = container.memory !== undefined && container.memory < Number(taskDefinition.memory) ? `its hard limit (memory ${container.memory})` : 'the task\'s memory';
    return {
      passed: available >= CONTAINER_NEEDS_MIB,
      observed: `The container can use ${available} MiB, set by ${limit}; it needs ${CONTAINER_NEEDS_MIB} MiB.`,
    };
  },
};

const lab: LabChecks<Run> = {
  input: {
    id: 'registers',
    title: `${FILE} is a RegisterTaskDefinition request ECS accepts, for the family ${FAMILY}`,
    hint: 'ECS\'s message says which value it refuses. For Fargate, cpu and memory must be one of the pairs Fargate sells.',
  },
  prepare,
  checks: [runsOnFargate, withinBudget, enoughMemory],
};
export default lab;
