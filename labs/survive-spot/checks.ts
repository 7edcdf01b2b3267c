import type { CreateServiceRequest, ServiceCensusPoint } from '../../core/index.js';
import type { Check, LabChecks, LearnerFiles, Prepared } from '../lab-kit/check-types.js';
import { sendRequest } from '../lab-kit/ecs-request.js';
import { serviceFieldProblem } from '../lab-kit/service-fields.js';
import { fewestRunning } from '../lab-kit/task-queries.js';
import { duration, tasks } from '../lab-kit/words.js';
import { createLabSimulator } from '../lab-kit/lab-simulator.js';

/**
 * Lab "Survive a Fargate Spot reclaim": the learner's service settles on Fargate, then AWS reclaims every
 * FARGATE_SPOT task and has no Spot capacity left for the rest of the watch.
 */

const SERVICE_FILE = 'service.json';
const DESIRED = 8;
const FEWEST_ON_SPOT = 6;
const MUST_SURVIVE = 2;
const WATCH_SECONDS = 15 * 60;

interface Run {
  /** Capacity provider -> running tasks, once the service settled. */
  byProvider: Record<string, number>;
  reclaimed: number;
  /** The service's history from the reclaim on. */
  history: ServiceCensusPoint[];
}

function prepare(files: LearnerFiles): Prepared<Run> {
  const sim = createLabSimulator({ seed: 1 });
  sim.createCluster({ clusterName: 'default', capacityProviders: ['FARGATE', 'FARGATE_SPOT'] });
  sim.registerTaskDefinition({
    family: 'web',
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '256',
    memory: '512',
    containerDefinitions: [{ name: 'web', image: 'ecs-lab/web:1', essential: true }],
  });
  const sent = sendRequest(files, SERVICE_FILE, 'CreateService', (request: CreateServiceRequest) => sim.createService(request));
  if (!sent.ok) return sent;
  const problem = serviceFieldProblem(sent.source, sent.value.service, { serviceName: 'web', taskDefinition: 'web:1', desiredCount: DESIRED });
  if (problem) return { ok: false, problem };
  sim.control.runUntilSteady({ service: 'web', maxSeconds: 600 });

  const running = sim.describeTasks({ tasks: sim.listTasks({ serviceName: 'web' }).taskArns }).tasks;
  const byProvider: Record<string, number> = {};
  for (const task of running) byProvider[task.capacityProviderName ?? task.launchType] = (byProvider[task.capacityProviderName ?? task.launchType] ?? 0) + 1;

  const mark = sim.control.historyMark();
  sim.control.setFargateCapacity({ capacityProvider: 'FARGATE_SPOT', maxTasks: 0 });
  const { taskArns } = sim.control.interruptFargateSpotTasks({ service: 'web', count: DESIRED });
  sim.control.advance(WATCH_SECONDS);
  return {
    ok: true,
    run: { byProvider, reclaimed: taskArns.length, history: sim.control.taskHistory('web', 'default', mark) },
    observed: `ECS accepted it: service web, ${DESIRED} tasks of web:1, strategy ${sent.value.service.capacityProviderStrategy?.map((s) => `${s.capacityProvider} base ${s.base ?? 0} weight ${s.weight ?? 0}`).join(', ') || '(none)'}.`,
  };
}

const perProvider = (byProvider: Record<string, number>) =>
  Object.entries(byProvider)
    .map(([provider, count]) => `${count} on ${provider}`)
    .join(', ') || 'no task running';

const mostlySpot: Check<Run> = {
  id: 'mostly-spot',
  title: `at least ${FEWEST_ON_SPOT} of the ${DESIRED} tasks run on FARGATE_SPOT (the budget)`,
  hint: 'Fargate Spot costs up to 70% less. After the base, how do the weights share the remaining tasks between the providers?',
  verify({ byProvider }) {
    return { passed: (byProvider.FARGATE_SPOT ?? 0) >= FEWEST_ON_SPOT, observed: `Once the service settled: ${perProvider(byProvider)}.` };
  },
};

const survivesReclaim: Check<Run> = {
  id: 'survives-reclaim',
  title: `at least ${MUST_SURVIVE} tasks keep running while AWS reclaims every Spot task and has no Spot capacity for ${duration(WATCH_SECONDS)}`,
  hint: 'Which tasks does a Spot reclaim never touch? Make sure some of the service always runs there, whatever the weights.',
  verify({ reclaimed, history }) {
    const fewest = fewestRunning(history);
    return {
      passed: fewest.count >= MUST_SURVIVE,
      observed: `AWS reclaimed ${tasks(reclaimed)}; the fewest tasks running afterwards was ${fewest.count}.`,
    };
  },
};

const lab: LabChecks<Run> = {
  input: {
    id: 'service-definition',
    title: `${SERVICE_FILE} is a CreateService request ECS accepts, for service web: ${DESIRED} tasks of web:1 on Fargate`,
    hint: 'ECS\'s message says what it refuses. Only one capacity provider of a strategy may have a base.',
  },
  prepare,
  checks: [mostlySpot, survivesReclaim],
};
export default lab;
