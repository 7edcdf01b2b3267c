import type { CreateServiceRequest, Task } from '../../core/index.js';
import type { Check, LabChecks, LearnerFiles, Prepared } from '../lab-kit/check-types.js';
import { sendRequest } from '../lab-kit/ecs-request.js';
import { registerTaskDefinitionFile } from '../lab-kit/task-definition-file.js';
import { serviceFieldProblem } from '../lab-kit/service-fields.js';
import { findTasks } from '../lab-kit/task-queries.js';
import { tasks } from '../lab-kit/words.js';
import { buildAccount, SITUATION } from './situation.js';

/**
 * Lab "Move the API from EC2 to Fargate": the lab meters the two instances for an hour, registers the learner's
 * task definition and creates their service, retires the instances, and watches the service for an hour.
 */

const TASK_DEFINITION_FILE = 'task-definition.json';
const SERVICE_FILE = 'service.json';
const HOUR = 3600;

interface Run {
  /** The service's tasks after the hour: running ones, by where they run. */
  running: Task[];
  lastStoppedReason?: string;
  /** Whether any task of api started on Fargate: without one, memory and cost on Fargate were not measured. */
  ranOnFargate: boolean;
  memoryKills: number;
  memoryReason?: string;
  size: string;
  instancesPerHour: number;
  /** Not measured when the tasks kept dying for memory. */
  servicePerHour?: number;
}

function prepare(files: LearnerFiles): Prepared<Run> {
  const sim = buildAccount();
  const metered = sim.control.costReport().total;
  sim.control.advance(HOUR);
  const instancesPerHour = sim.control.costReport().total - metered;

  const registered = registerTaskDefinitionFile(files, TASK_DEFINITION_FILE, sim, SITUATION.family);
  if (!registered.ok) return registered;
  const taskDefinition = registered.value;
  const created = sendRequest(files, SERVICE_FILE, 'CreateService', (request: CreateServiceRequest) => sim.createService(request));
  if (!created.ok) return created;
  const problem = serviceFieldProblem(created.source, created.value.service, { serviceName: SITUATION.serviceName, taskDefinition: 'api:1', desiredCount: SITUATION.desiredCount });
  if (problem) return { ok: false, problem };

  sim.control.advance(5 * 60);
  // The instances are retired: terminated, as the team's plan says.
  for (const arn of sim.listContainerInstances().containerInstanceArns) sim.control.failInstance({ instance: arn });
  const before = sim.control.costReport().total;
  // An hour, cut short when the tasks keep dying for memory: no ordinary hour comes then.
  sim.control.advance(10 * 60);
  const killsSoFar = () =>
    findTasks(sim, { serviceName: SITUATION.serviceName })
      .flatMap((t) => t.containers.map((c) => c.reason ?? ''))
      .filter((r) => r.startsWith('OutOfMemoryError'));
  const dying = killsSoFar().length > 0;
  if (!dying) sim.control.advance(HOUR - 10 * 60);
  const servicePerHour = dying ? undefined : sim.control.costReport().total - before;

  const all = findTasks(sim, { serviceName: SITUATION.serviceName });
  const stopped = all.filter((t) => t.lastStatus === 'STOPPED').sort((a, b) => (b.stoppedAt ?? 0) - (a.stoppedAt ?? 0));
  const kills = killsSoFar();
  return {
    ok: true,
    run: {
      running: all.filter((t) => t.lastStatus === 'RUNNING'),
      lastStoppedReason: stopped[0]?.stoppedReason,
      ranOnFargate: all.some((t) => t.launchType === 'FARGATE'),
      memoryKills: kills.length,
      memoryReason: kills[0],
      size: `${taskDefinition.cpu ?? '?'} CPU units and ${taskDefinition.memory ?? '?'} MiB`,
      instancesPerHour,
      servicePerHour,
    },
    observed: `ECS registered api:${taskDefinition.revision} (compatible with ${taskDefinition.compatibilities?.join(' and ')}, network mode ${taskDefinition.networkMode}) and created the service api.`,
  };
}

const runsOnFargate: Check<Run> = {
  id: 'runs-on-fargate',
  title: `after both EC2 instances are terminated, ${tasks(SITUATION.desiredCount)} of api run on Fargate`,
  hint: 'A task definition that Fargate accepts can still be launched on EC2: the service says where its tasks go, with a launch type or a capacity provider strategy. Where do they go once the instances are gone?',
  verify({ running, lastStoppedReason }) {
    const onFargate = running.filter((t) => t.launchType === 'FARGATE').length;
    const passed = onFargate === SITUATION.desiredCount;
    const stopped = passed || !lastStoppedReason ? '' : ` The last task to stop said: "${lastStoppedReason}".`;
    return { passed, observed: `${tasks(running.length)} of api running, ${onFargate} of them on Fargate.${stopped}` };
  },
};

const staysUp: Check<Run> = {
  id: 'stays-up',
  title: `no container of api is killed for memory (the API holds about ${SITUATION.appMemoryMiB} MiB)`,
  hint: 'On EC2 the container had its own memory limit; on Fargate the task\'s memory is the ceiling of all its containers, and only some sizes exist: 512 MiB, 1 GB, 2 GB... with 0.25 vCPU.',
  verify({ ranOnFargate, memoryKills, memoryReason, size }) {
    if (!ranOnFargate) return { passed: false, observed: 'Not measured: no task of api ran on Fargate.' };
    if (memoryKills === 0) return { passed: true, observed: `No container was killed for memory with ${size}.` };
    // ListTasks gives the lab 100 stopped tasks a page, and it reads one.
    const times = memoryKills >= 100 ? 'at least 100' : String(memoryKills);
    return { passed: false, observed: `Containers were killed ${times} times with ${size}: ${memoryReason}.` };
  },
};

const cheaper: Check<Run> = {
  id: 'cheaper',
  title: 'an hour of the service on Fargate costs less than an hour of the two m5.large instances it replaces',
  hint: 'Fargate bills each task for the vCPU and memory it reserves, by the second. Three tasks of the size the API needs cost far less than two idle-most-of-the-time instances; three of the largest sizes do not.',
  verify({ ranOnFargate, instancesPerHour, servicePerHour, size }) {
    if (!ranOnFargate) return { passed: false, observed: `Not measured: no task of api ran on Fargate (an hour of the two instances cost $${instancesPerHour.toFixed(3)}).` };
    if (servicePerHour === undefined) return { passed: false, observed: 'Not measured: the tasks of api keep dying for memory, so no ordinary hour came.' };
    return {
      passed: servicePerHour < instancesPerHour,
      observed: `An hour of api on Fargate (${tasks(SITUATION.desiredCount)} of ${size}) cost $${servicePerHour.toFixed(3)}; an hour of the two instances cost $${instancesPerHour.toFixed(3)}.`,
    };
  },
};

const lab: LabChecks<Run> = {
  input: {
    id: 'requests-accepted',
    title: `${TASK_DEFINITION_FILE} registers the family api for Fargate, and ${SERVICE_FILE} is a CreateService request ECS accepts for api: ${tasks(SITUATION.desiredCount)} of api:1`,
    hint: 'ECS\'s message names the field it refuses. Fargate wants the awsvpc network mode, a task-level cpu and memory it sells, and an execution role when the task pulls from ECR or logs with awslogs; a service of awsvpc tasks names its subnets.',
  },
  prepare,
  checks: [runsOnFargate, staysUp, cheaper],
};
export default lab;
