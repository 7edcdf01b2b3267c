import type { ContainerInstance, EcsSimulator, ServiceCensusPoint } from '../../core/index.js';
import type { Check, LabChecks, LearnerFiles, Prepared } from '../lab-kit/check-types.js';
import { loadLearnerModule } from '../lab-kit/learner-module.js';
import { fewestRunning } from '../lab-kit/task-queries.js';
import { duration, tasks } from '../lab-kit/words.js';
import { createLabSimulator } from '../lab-kit/lab-simulator.js';

/**
 * Lab "Drain an instance before maintenance": the service web runs 6 tasks on 3 instances; the learner's
 * prepareForMaintenance is called with one of them, and the lab looks at what happened until it returned.
 */

const FILE = 'maintenance.ts';
const DESIRED = 6;

interface Run {
  instance: ContainerInstance;
  history: ServiceCensusPoint[];
  /** Virtual seconds the learner's function let pass. */
  tookSeconds: number;
}

function buildCluster(): EcsSimulator {
  const sim = createLabSimulator({ seed: 1 });
  sim.createCluster({ clusterName: 'default' });
  sim.control.addInstances({ instanceType: 'm5.large', count: 3, availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'] });
  sim.registerTaskDefinition({ family: 'web', cpu: '512', memory: '1024', containerDefinitions: [{ name: 'web', image: 'ecs-lab/web:1', essential: true }] });
  sim.createService({
    serviceName: 'web',
    taskDefinition: 'web',
    desiredCount: DESIRED,
    deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200 },
    placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }],
  });
  sim.control.runUntilSteady({ service: 'web', maxSeconds: 600 });
  return sim;
}

function prepare(files: LearnerFiles): Prepared<Run> {
  const loaded = loadLearnerModule(files, FILE, 'drain-for-maintenance');
  if (!loaded.ok) return loaded;
  const sim = buildCluster();
  const [arn] = sim.listContainerInstances().containerInstanceArns;
  const describe = () => sim.describeContainerInstances({ containerInstances: [arn] }).containerInstances[0];
  const mark = sim.control.historyMark();
  const startedAt = sim.control.now;
  const called = loaded.value.call('default', sim, arn);
  if (!called.ok) return called;
  return {
    ok: true,
    run: { instance: describe(), history: sim.control.taskHistory('web', 'default', mark), tookSeconds: sim.control.now - startedAt },
    observed: `prepareForMaintenance ran to the end and let ${duration(sim.control.now - startedAt)} pass.`,
  };
}

const noDowntime: Check<Run> = {
  id: 'no-downtime',
  title: `at no time fewer than ${DESIRED} tasks of web are running while the instance is prepared`,
  hint: 'Who should stop the instance\'s tasks, and when? ECS can start their replacements first, if you let it.',
  verify({ history }) {
    const fewest = fewestRunning(history);
    return { passed: fewest.count >= DESIRED, observed: `The fewest tasks of web running at any time was ${fewest.count}.` };
  },
};

const instanceEmpty: Check<Run> = {
  id: 'instance-empty',
  title: 'when prepareForMaintenance returns, the instance is DRAINING and runs no task',
  hint: 'An ACTIVE instance may be given new tasks at any time, and draining is not instant: return only once the instance is empty.',
  verify({ instance, tookSeconds }) {
    const empty = instance.runningTasksCount === 0 && instance.pendingTasksCount === 0;
    return {
      passed: instance.status === 'DRAINING' && empty,
      observed: `After ${duration(tookSeconds)} the instance is ${instance.status} and runs ${tasks(instance.runningTasksCount + instance.pendingTasksCount)}.`,
    };
  },
};

const lab: LabChecks<Run> = {
  input: {
    id: 'runs',
    title: `${FILE} compiles, and its default export runs to the end without an error`,
    hint: 'The message says what your code threw, and where. ECS\'s own errors name the parameter they refuse.',
  },
  prepare,
  checks: [noDowntime, instanceEmpty],
};
export default lab;
