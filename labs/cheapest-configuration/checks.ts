import type { CreateServiceRequest, EcsSimulator, RegisterTaskDefinitionRequest } from '../../core/index.js';
import type { Check, LabChecks, LearnerFiles, Prepared } from '../lab-kit/check-types.js';
import { fieldProblem, sendRequest } from '../lab-kit/ecs-request.js';
import { serviceFieldProblem } from '../lab-kit/service-fields.js';
import { fewestRunning } from '../lab-kit/task-queries.js';
import { duration, tasks } from '../lab-kit/words.js';
import { createLabSimulator } from '../lab-kit/lab-simulator.js';

/**
 * Lab "The cheapest configuration that keeps its promise": the learner sizes the task and splits the service's
 * tasks between FARGATE and FARGATE_SPOT. Two runs of the same files: an ordinary day, priced by the cost
 * meter; and a day on which AWS reclaims every Spot task and has no Spot capacity left for a while.
 */

const TASK_DEFINITION_FILE = 'task-definition.json';
const SERVICE_FILE = 'service.json';
const DESIRED = 10;
const MUST_SURVIVE = 3;
const BUDGET_PER_DAY = 1.9;
const DAY_SECONDS = 24 * 3600;
const NO_SPOT_SECONDS = 15 * 60;
/** Long enough to see a task that is too small die; a service whose tasks keep dying is not run for a whole day. */
const FIRST_WATCH_SECONDS = 10 * 60;
/** The application: 700 MiB at start, and a cache that grows slowly (0.6 MiB an hour). */
const APP_MEMORY_MIB = 700;
const APP_GROWTH_MIB_PER_MINUTE = 0.01;

interface Run {
  /** The registered size, as ECS echoes it. */
  size: string;
  /** Containers of web killed for memory during the ordinary day (among the last stopped tasks), and the reason of one. */
  killedForMemory: number;
  memoryReason?: string;
  /** The cost meter over the ordinary day, once the service was steady; none when its tasks kept dying. */
  dayCost?: number;
  costLines: string[];
  reclaimed: number;
  fewestAfterReclaim: number;
}

/** A fresh account with the learner's task definition and service, steady; or what to tell the learner. */
function situation(files: LearnerFiles): Prepared<{ sim: EcsSimulator; size: string }> {
  const sim = createLabSimulator({ seed: 1 });
  sim.createCluster({ clusterName: 'default', capacityProviders: ['FARGATE', 'FARGATE_SPOT'] });
  sim.control.registerImage('ecs-lab/web:1', { baseMemoryMiB: APP_MEMORY_MIB, memoryGrowthMiBPerMinute: APP_GROWTH_MIB_PER_MINUTE });
  const registered = sendRequest(files, TASK_DEFINITION_FILE, 'RegisterTaskDefinition', (request: RegisterTaskDefinitionRequest) => sim.registerTaskDefinition(request));
  if (!registered.ok) return registered;
  const { taskDefinition } = registered.value;
  if (taskDefinition.family !== 'web') {
    return { ok: false, problem: fieldProblem(registered.source, 'family', `family is "${taskDefinition.family}"; this lab's service runs the family "web".`) };
  }
  const created = sendRequest(files, SERVICE_FILE, 'CreateService', (request: CreateServiceRequest) => sim.createService(request));
  if (!created.ok) return created;
  const problem = serviceFieldProblem(created.source, created.value.service, { serviceName: 'web', taskDefinition: 'web:1', desiredCount: DESIRED });
  if (problem) return { ok: false, problem };
  sim.control.runUntilSteady({ service: 'web', maxSeconds: 300 });
  const size = `${taskDefinition.cpu} CPU units and ${taskDefinition.memory} MiB`;
  const strategy = created.value.service.capacityProviderStrategy?.map((s) => `${s.capacityProvider} base ${s.base ?? 0} weight ${s.weight ?? 0}`).join(', ') || '(none)';
  return { ok: true, run: { sim, size }, observed: `ECS accepted both: web:1 with ${size}; the service web runs ${DESIRED} tasks with the strategy ${strategy}.` };
}

/** DescribeTasks takes at most 100 tasks: enough to tell a size that is too small. */
const DESCRIBE_LIMIT = 100;

/** Containers of web the kernel killed for memory so far, among the last stopped tasks. */
function memoryKills(sim: EcsSimulator): string[] {
  const stopped = sim.listTasks({ serviceName: 'web', desiredStatus: 'STOPPED' }).taskArns.slice(0, DESCRIBE_LIMIT);
  if (stopped.length === 0) return [];
  return sim
    .describeTasks({ tasks: stopped })
    .tasks.flatMap((t) => t.containers.map((c) => c.reason ?? ''))
    .filter((reason) => reason.startsWith('OutOfMemoryError'));
}

/** A day of the steady service on the cost meter; cut short when its tasks keep dying for memory, as no ordinary day comes. */
function ordinaryDay(sim: EcsSimulator): Pick<Run, 'killedForMemory' | 'memoryReason' | 'dayCost' | 'costLines'> {
  const before = sim.control.costReport().total;
  sim.control.advance(FIRST_WATCH_SECONDS);
  const early = memoryKills(sim);
  if (early.length > 0) return { killedForMemory: early.length, memoryReason: early[0], costLines: [] };
  sim.control.advance(DAY_SECONDS - FIRST_WATCH_SECONDS);
  const killed = memoryKills(sim);
  const report = sim.control.costReport();
  return {
    killedForMemory: killed.length,
    memoryReason: killed[0],
    dayCost: report.total - before,
    costLines: report.lines.map((l) => `${l.item} ${l.quantity.toFixed(1)} × $${l.rate.toFixed(5)}`),
  };
}

function spotReclaim(sim: EcsSimulator): Pick<Run, 'reclaimed' | 'fewestAfterReclaim'> {
  const mark = sim.control.historyMark();
  sim.control.setFargateCapacity({ capacityProvider: 'FARGATE_SPOT', maxTasks: 0 });
  // Interrupting asks for at least one Spot task: a service with none loses nothing.
  const running = sim.listTasks({ serviceName: 'web' }).taskArns;
  const onSpot = running.length > 0 && sim.describeTasks({ tasks: running }).tasks.some((t) => t.capacityProviderName === 'FARGATE_SPOT' && t.lastStatus === 'RUNNING');
  const reclaimed = onSpot ? sim.control.interruptFargateSpotTasks({ service: 'web', count: DESIRED }).taskArns.length : 0;
  sim.control.advance(NO_SPOT_SECONDS);
  return { reclaimed, fewestAfterReclaim: fewestRunning(sim.control.taskHistory('web', 'default', mark)).count };
}

function prepare(files: LearnerFiles): Prepared<Run> {
  const day = situation(files);
  if (!day.ok) return day;
  const reclaim = situation(files);
  if (!reclaim.ok) return reclaim;
  return { ok: true, run: { size: day.run.size, ...ordinaryDay(day.run.sim), ...spotReclaim(reclaim.run.sim) }, observed: day.observed };
}

const staysUp: Check<Run> = {
  id: 'stays-up',
  title: `over a day, no task of web is killed for memory (the application uses about ${APP_MEMORY_MIB} MiB)`,
  hint: 'The task\'s memory is the container\'s hard limit here. Fargate offers fixed pairs of CPU and memory: which is the smallest that holds the application?',
  verify({ killedForMemory, memoryReason, size }) {
    return {
      passed: killedForMemory === 0,
      observed: killedForMemory === 0 ? `No task was killed for memory with ${size}.` : `Containers of web were killed ${killedForMemory >= DESCRIBE_LIMIT ? `at least ${DESCRIBE_LIMIT}` : killedForMemory} times with ${size}: ${memoryReason}.`,
    };
  },
};

const survivesReclaim: Check<Run> = {
  id: 'survives-reclaim',
  title: `at least ${MUST_SURVIVE} tasks keep running while AWS reclaims every Spot task and has no Spot capacity for ${duration(NO_SPOT_SECONDS)}`,
  hint: 'ECS never moves a FARGATE_SPOT share to FARGATE by itself. Which part of a capacity provider strategy places tasks on a provider first, whatever the weights?',
  verify({ reclaimed, fewestAfterReclaim }) {
    return {
      passed: fewestAfterReclaim >= MUST_SURVIVE,
      observed: `AWS reclaimed ${tasks(reclaimed)}; the fewest tasks running afterwards was ${fewestAfterReclaim}.`,
    };
  },
};

const withinBudget: Check<Run> = {
  id: 'within-budget',
  title: `an ordinary day of web costs at most $${BUDGET_PER_DAY.toFixed(2)} on the cost meter`,
  hint: 'Fargate charges each task for the CPU and memory it reserves, every second, and Fargate Spot 70 % less. Reserve no more than the application needs, and put on FARGATE only the tasks the promise needs.',
  verify({ dayCost, costLines }) {
    if (dayCost === undefined) return { passed: false, observed: 'Not measured: the tasks of web keep dying for memory, so no ordinary day came.' };
    return {
      passed: dayCost <= BUDGET_PER_DAY,
      observed: `A day cost $${dayCost.toFixed(2)} (budget $${BUDGET_PER_DAY.toFixed(2)}): ${costLines.join('; ')}.`,
    };
  },
};

const lab: LabChecks<Run> = {
  input: {
    id: 'requests',
    title: `${TASK_DEFINITION_FILE} registers the family web on Fargate and ${SERVICE_FILE} creates the service web with ${DESIRED} tasks of web:1; ECS accepts both`,
    hint: 'ECS\'s message says which field it refuses. Fargate accepts only certain pairs of cpu and memory, and only one provider of a strategy may have a base.',
  },
  prepare,
  checks: [staysUp, survivesReclaim, withinBudget],
};
export default lab;
