import type { ContainerInstance, CreateServiceRequest, Task } from '../../core/index.js';
import type { Check, LabChecks, LearnerFiles, Prepared } from '../lab-kit/check-types.js';
import { sendRequest } from '../lab-kit/ecs-request.js';
import { serviceFieldProblem } from '../lab-kit/service-fields.js';
import { tasks } from '../lab-kit/words.js';
import { createLabSimulator } from '../lab-kit/lab-simulator.js';

/**
 * Lab "Place tasks": the learner's service is created in a mixed cluster and the lab looks where its tasks went.
 * Each zone has two m5.large (x86_64) and one c6g.large (arm64, Graviton); the c6g.large has the least memory,
 * so binpack alone would fill it first.
 */

const SERVICE_FILE = 'service.json';
const DESIRED = 6;
const ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
const IMAGE_ARCHITECTURE = 'x86_64';

interface Placed {
  task: Task;
  instance: ContainerInstance;
}

interface Run {
  placed: Placed[];
}

const attribute = (instance: ContainerInstance, name: string) => instance.attributes.find((a) => a.name === name)?.value ?? '?';

function prepare(files: LearnerFiles): Prepared<Run> {
  const sim = createLabSimulator({ seed: 1 });
  sim.createCluster({ clusterName: 'default' });
  sim.control.addInstances({ instanceType: 'm5.large', count: 2 * ZONES.length, availabilityZones: ZONES });
  sim.control.addInstances({ instanceType: 'c6g.large', count: ZONES.length, availabilityZones: ZONES });
  sim.registerTaskDefinition({ family: 'web', cpu: '512', memory: '1024', containerDefinitions: [{ name: 'web', image: 'ecs-lab/web:1', essential: true }] });

  const sent = sendRequest(files, SERVICE_FILE, 'CreateService', (request: CreateServiceRequest) => sim.createService(request));
  if (!sent.ok) return sent;
  const problem = serviceFieldProblem(sent.source, sent.value.service, { serviceName: 'web', taskDefinition: 'web:1', desiredCount: DESIRED });
  if (problem) return { ok: false, problem };
  sim.control.runUntilSteady({ service: 'web', maxSeconds: 600 });

  const { taskArns } = sim.listTasks({ serviceName: 'web' });
  const running = taskArns.length === 0 ? [] : sim.describeTasks({ tasks: taskArns }).tasks;
  const instanceArns = [...new Set(running.map((t) => t.containerInstanceArn!))];
  const instances = instanceArns.length === 0 ? [] : sim.describeContainerInstances({ containerInstances: instanceArns }).containerInstances;
  const placed = running.map((task) => ({ task, instance: instances.find((i) => i.containerInstanceArn === task.containerInstanceArn)! }));
  return { ok: true, run: { placed }, observed: `ECS accepted it and placed ${tasks(placed.length)} of web.` };
}

/** "us-east-1a: 2, us-east-1b: 4" */
function countBy(placed: Placed[], key: (p: Placed) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of placed) counts.set(key(p), (counts.get(key(p)) ?? 0) + 1);
  return counts;
}
const listCounts = (counts: Map<string, number>) => [...counts].map(([key, count]) => `${key}: ${count}`).join(', ');

const spreadZones: Check<Run> = {
  id: 'spread-zones',
  title: `the ${DESIRED} tasks are spread evenly over the ${ZONES.length} zones (${DESIRED / ZONES.length} in each)`,
  hint: 'Which strategy balances tasks over the values of an attribute, and which attribute holds the zone?',
  verify({ placed }) {
    const byZone = countBy(placed, (p) => p.task.availabilityZone ?? '?');
    const even = placed.length === DESIRED && ZONES.every((zone) => byZone.get(zone) === DESIRED / ZONES.length);
    return { passed: even, observed: `Tasks per zone: ${listCounts(byZone) || 'none'}.` };
  },
};

const fewestInstances: Check<Run> = {
  id: 'fewest-instances',
  title: `within each zone the tasks share one instance: ${ZONES.length} instances in all, leaving the others free`,
  hint: 'After spreading over the zones, which strategy fills one instance before it uses the next?',
  verify({ placed }) {
    const byInstance = countBy(placed, (p) => `${p.instance.ec2InstanceId} (${p.task.availabilityZone})`);
    return { passed: placed.length === DESIRED && byInstance.size === ZONES.length, observed: `The tasks use ${byInstance.size} instances: ${listCounts(byInstance)}.` };
  },
};

const x86Only: Check<Run> = {
  id: 'x86-only',
  title: `no task runs on an arm64 (Graviton) instance: the image is built for ${IMAGE_ARCHITECTURE} only`,
  hint: 'Strategies only prefer; a constraint forbids. Which constraint type keeps tasks to instances matching an expression, and which attribute holds the CPU architecture?',
  verify({ placed }) {
    const byType = countBy(placed, (p) => `${attribute(p.instance, 'ecs.instance-type')} (${attribute(p.instance, 'ecs.cpu-architecture')})`);
    const wrong = placed.filter((p) => attribute(p.instance, 'ecs.cpu-architecture') !== IMAGE_ARCHITECTURE);
    return {
      passed: placed.length === DESIRED && wrong.length === 0,
      observed: `Tasks per instance type: ${listCounts(byType) || 'none'}${wrong.length ? `: ${tasks(wrong.length)} would fail to start on arm64` : ''}.`,
    };
  },
};

const lab: LabChecks<Run> = {
  input: {
    id: 'service-definition',
    title: `${SERVICE_FILE} is a CreateService request ECS accepts, for service web: ${DESIRED} tasks of web:1`,
    hint: 'ECS\'s message says what it refuses. The cluster query language compares with == and !=, and matches with =~.',
  },
  prepare,
  checks: [spreadZones, fewestInstances, x86Only],
};
export default lab;
