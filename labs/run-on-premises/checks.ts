import type { CreateServiceRequest, EcsSimulator, Task } from '../../core/index.js';
import type { Check, LabChecks, LearnerFiles, Prepared } from '../lab-kit/check-types.js';
import { sendRequest } from '../lab-kit/ecs-request.js';
import { registerTaskDefinitionFile } from '../lab-kit/task-definition-file.js';
import { serviceFieldProblem } from '../lab-kit/service-fields.js';
import { fewestRunning } from '../lab-kit/task-queries.js';
import { tasks } from '../lab-kit/words.js';
import { buildCluster, SITUATION } from './situation.js';

/**
 * Lab "Run the scanner on your own servers": the learner's task definition and service are created in the
 * cluster hybrid; after 5 minutes the lab looks where the tasks run, then the server running the most of them
 * loses power, and the lab watches the service for 5 minutes more.
 */

const TASK_DEFINITION_FILE = 'task-definition.json';
const SERVICE_FILE = 'service.json';
const SETTLE_SECONDS = 5 * 60;
const WATCH_SECONDS = 5 * 60;

interface Run {
  running: Task[];
  /** The running tasks' places: a server of the factory, or an EC2 instance in a zone. */
  places: string[];
  fewestAfterOutage?: number;
  outageServer?: string;
  outageTasks?: number;
}

/** Where each task runs: "server <id>" for an ECS Anywhere server, "EC2 <zone>" for an instance. */
function placesOf(sim: EcsSimulator, running: Task[]): { place: string; instance: string }[] {
  const arns = [...new Set(running.map((t) => t.containerInstanceArn).filter((a): a is string => !!a))];
  const instances = arns.length === 0 ? [] : sim.describeContainerInstances({ cluster: SITUATION.cluster, containerInstances: arns }).containerInstances;
  return running.map((t) => {
    const instance = instances.find((i) => i.containerInstanceArn === t.containerInstanceArn);
    const external = instance?.attributes?.some((a) => a.name === 'ecs.capability.external');
    const id = instance?.ec2InstanceId ?? t.containerInstanceArn?.slice(-8) ?? '?';
    return { place: external ? `server ${id}` : `EC2 ${t.availabilityZone ?? id}`, instance: t.containerInstanceArn ?? '' };
  });
}

function runningTasks(sim: EcsSimulator): Task[] {
  const { taskArns } = sim.listTasks({ cluster: SITUATION.cluster, serviceName: SITUATION.serviceName });
  return taskArns.length === 0 ? [] : sim.describeTasks({ cluster: SITUATION.cluster, tasks: taskArns }).tasks.filter((t) => t.lastStatus === 'RUNNING');
}

function prepare(files: LearnerFiles): Prepared<Run> {
  const sim = buildCluster();
  const registered = registerTaskDefinitionFile(files, TASK_DEFINITION_FILE, sim, SITUATION.family);
  if (!registered.ok) return registered;
  const created = sendRequest(files, SERVICE_FILE, 'CreateService', (request: CreateServiceRequest) => sim.createService({ ...request, cluster: SITUATION.cluster }));
  if (!created.ok) return created;
  const problem = serviceFieldProblem(created.source, created.value.service, { serviceName: SITUATION.serviceName, taskDefinition: 'scanner:1', desiredCount: SITUATION.desiredCount });
  if (problem) return { ok: false, problem };

  sim.control.advance(SETTLE_SECONDS);
  const running = runningTasks(sim);
  const places = placesOf(sim, running);
  const servers = places.filter((p) => p.place.startsWith('server'));
  const run: Run = { running, places: places.map((p) => p.place) };
  if (servers.length > 0) {
    // The server running the most scanners loses power.
    const counts = new Map<string, number>();
    for (const s of servers) counts.set(s.instance, (counts.get(s.instance) ?? 0) + 1);
    const [busiest, count] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    const mark = sim.control.historyMark();
    sim.control.failInstance({ cluster: SITUATION.cluster, instance: busiest });
    sim.control.advance(WATCH_SECONDS);
    run.fewestAfterOutage = fewestRunning(sim.control.taskHistory(SITUATION.serviceName, SITUATION.cluster, mark)).count;
    run.outageServer = servers.find((s) => s.instance === busiest)!.place;
    run.outageTasks = count;
  }
  return { ok: true, run, observed: `ECS registered scanner:1 and created the service scanner in the cluster hybrid.` };
}

const onPremisesOnly: Check<Run> = {
  id: 'on-premises-only',
  title: `after ${SETTLE_SECONDS / 60} minutes, ${tasks(SITUATION.desiredCount)} of scanner run, all on the factory's own servers`,
  hint: 'Tasks go where their launch type (or capacity provider) says: EC2 for the cluster\'s instances, EXTERNAL for servers registered with ECS Anywhere. The task definition must be compatible with it.',
  verify({ running, places }) {
    const onServers = places.filter((p) => p.startsWith('server')).length;
    const where = places.length === 0 ? 'none runs' : places.join(', ');
    return { passed: running.length === SITUATION.desiredCount && onServers === running.length, observed: `${tasks(running.length)} of scanner running: ${where}.` };
  },
};

const survivesAServer: Check<Run> = {
  id: 'survives-a-server',
  title: 'when the server running the most scanners loses power, at least 2 scanners keep running',
  hint: 'ECS places tasks on ECS Anywhere servers as on instances, with the service\'s placement strategy: binpack fills one server before the next, spread puts them on different servers.',
  verify({ fewestAfterOutage, outageServer, outageTasks }) {
    if (fewestAfterOutage === undefined) return { passed: false, observed: 'Not measured: no scanner ran on the factory\'s servers.' };
    return {
      passed: fewestAfterOutage >= 2,
      observed: `${outageServer} ran ${tasks(outageTasks ?? 0)} and lost power; the fewest scanners running afterwards was ${fewestAfterOutage}.`,
    };
  },
};

const lab: LabChecks<Run> = {
  input: {
    id: 'requests-accepted',
    title: `${TASK_DEFINITION_FILE} registers the family scanner, and ${SERVICE_FILE} is a CreateService request ECS accepts for scanner: ${tasks(SITUATION.desiredCount)} of scanner:1`,
    hint: 'ECS\'s message names the field it refuses. ECS Anywhere servers run tasks in the bridge, host or none network mode, not awsvpc.',
  },
  prepare,
  checks: [onPremisesOnly, survivesAServer],
};
export default lab;
