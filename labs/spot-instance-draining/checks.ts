import type { ServiceCensusPoint } from '../../core/index.js';
import type { Check, LabChecks, LearnerFiles, Prepared } from '../lab-kit/check-types.js';
import { fixedFieldHint, missingFile } from '../lab-kit/input-problems.js';
import { fewestRunning } from '../lab-kit/task-queries.js';
import { duration } from '../lab-kit/words.js';
import { parseAgentConfig } from './agent-config.js';
import { createLabSimulator } from '../lab-kit/lab-simulator.js';

/**
 * Lab "Let Spot instances drain": the learner's ecs.config is the agent configuration of the cluster's Spot
 * instance; the service web runs 4 tasks, then EC2 reclaims the Spot instance.
 */

const FILE = 'ecs.config';
const DESIRED = 4;
const WATCH_SECONDS = 10 * 60;

interface Run {
  history: ServiceCensusPoint[];
  tasksOnSpot: number;
}

function prepare(files: LearnerFiles): Prepared<Run> {
  const text = files[FILE];
  if (text === undefined) return { ok: false, problem: missingFile(FILE) };
  const parsed = parseAgentConfig(text, FILE);
  if (!parsed.ok) return parsed;
  const config = parsed.value;
  if (config.get('ECS_CLUSTER') !== 'default') {
    const message = `ECS_CLUSTER is ${config.get('ECS_CLUSTER') ?? 'not set'}: the instances must join the cluster "default", or they run no task of it.`;
    return { ok: false, problem: { message, hint: fixedFieldHint('ECS_CLUSTER') } };
  }
  const draining = config.get('ECS_ENABLE_SPOT_INSTANCE_DRAINING') === 'true';

  const sim = createLabSimulator({ seed: 1 });
  sim.createCluster({ clusterName: 'default' });
  sim.control.addInstances({ instanceType: 'm5.large', count: 1, availabilityZones: ['us-east-1a'] });
  sim.registerTaskDefinition({ family: 'web', cpu: '512', memory: '1024', containerDefinitions: [{ name: 'web', image: 'ecs-lab/web:1', essential: true }] });
  const [spot] = sim.control.addInstances({ instanceType: 'm5.large', count: 1, availabilityZones: ['us-east-1b'], lifecycle: 'spot', spotInstanceDraining: draining }).containerInstanceArns;
  sim.createService({
    serviceName: 'web',
    taskDefinition: 'web',
    desiredCount: DESIRED,
    placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }],
  });
  sim.control.runUntilSteady({ service: 'web', maxSeconds: 600 });
  const tasksOnSpot = sim.describeContainerInstances({ containerInstances: [spot] }).containerInstances[0].runningTasksCount;

  const mark = sim.control.historyMark();
  sim.control.interruptSpotInstance({ instance: spot });
  sim.control.advance(WATCH_SECONDS);
  return {
    ok: true,
    run: { history: sim.control.taskHistory('web', 'default', mark), tasksOnSpot },
    observed: `The agent joins the cluster default, with Spot instance draining ${draining ? 'on' : 'off'}.`,
  };
}

const noDowntime: Check<Run> = {
  id: 'no-downtime',
  title: `at no time fewer than ${DESIRED} tasks of web run while EC2 reclaims the Spot instance (watched for ${duration(WATCH_SECONDS)})`,
  hint: 'EC2 gives two minutes of notice before it takes a Spot instance back. Who can act on it, and what must happen to the instance so that ECS moves its tasks in time?',
  verify({ history, tasksOnSpot }) {
    const fewest = fewestRunning(history);
    return {
      passed: fewest.count >= DESIRED,
      observed: `The Spot instance ran ${tasksOnSpot} of the ${DESIRED} tasks; after the notice, the fewest tasks running was ${fewest.count}.`,
    };
  },
};

const lab: LabChecks<Run> = {
  input: {
    id: 'agent-config',
    title: `${FILE} is an agent configuration (KEY=value lines) for the cluster default`,
    hint: 'One setting a line, KEY=value, no spaces; the message names the line and the closest known setting.',
  },
  prepare,
  checks: [noDowntime],
};
export default lab;
