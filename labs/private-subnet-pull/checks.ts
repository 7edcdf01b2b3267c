import type { CreateServiceRequest, Task } from '../../core/index.js';
import type { Check, LabChecks, LearnerFiles, Prepared } from '../lab-kit/check-types.js';
import { sendRequest, sendRequestList } from '../lab-kit/ecs-request.js';
import { serviceFieldProblem } from '../lab-kit/service-fields.js';
import { findTasks } from '../lab-kit/task-queries.js';
import { duration, tasks } from '../lab-kit/words.js';
import { buildAccount, SITUATION, WATCH_SECONDS } from './situation.js';

/**
 * Lab "Pull an image with no way to the internet": the learner's VPC endpoints are created, then their service
 * api, and the lab watches what becomes of its tasks on Fargate.
 */

const SERVICE_FILE = 'service.json';
const ENDPOINTS_FILE = 'vpc-endpoints.json';

interface Run {
  running: Task[];
  lastStoppedReason?: string;
  subnets: string[];
  assignPublicIp: string;
}

function prepare(files: LearnerFiles): Prepared<Run> {
  const sim = buildAccount();
  const endpoints = sendRequestList(files, ENDPOINTS_FILE, 'endpoints', 'CreateVpcEndpoint', (request: never) => sim.control.createVpcEndpoint(request));
  if (!endpoints.ok) return endpoints;
  const sent = sendRequest(files, SERVICE_FILE, 'CreateService', (request: CreateServiceRequest) => sim.createService(request));
  if (!sent.ok) return sent;
  const { service } = sent.value;
  const problem = serviceFieldProblem(sent.source, service, SITUATION);
  if (problem) return { ok: false, problem };
  sim.control.advance(WATCH_SECONDS);
  const all = findTasks(sim, { serviceName: SITUATION.serviceName });
  const stopped = all.filter((t) => t.lastStatus === 'STOPPED').sort((a, b) => (b.stoppedAt ?? 0) - (a.stoppedAt ?? 0));
  const vpc = service.networkConfiguration?.awsvpcConfiguration;
  const created = endpoints.value.map(({ VpcEndpoint }) => `${VpcEndpoint.ServiceName.split('.').slice(3).join('.')} (${VpcEndpoint.VpcEndpointType})`);
  return {
    ok: true,
    run: {
      running: all.filter((t) => t.lastStatus === 'RUNNING'),
      lastStoppedReason: stopped[0]?.stoppedReason,
      subnets: vpc?.subnets ?? [],
      assignPublicIp: vpc?.assignPublicIp ?? 'DISABLED',
    },
    observed: `EC2 created ${created.length === 0 ? 'no endpoint' : `the endpoints ${created.join(', ')}`}; ECS created the service api with ${tasks(SITUATION.desiredCount)} of api:1.`,
  };
}

const tasksRun: Check<Run> = {
  id: 'tasks-run',
  title: `both tasks of api are RUNNING after ${duration(WATCH_SECONDS)}: Fargate pulled the image from ECR`,
  hint: 'Read the stopped reason: a registry that never answers is a route problem, not a permissions one. Which endpoints does a pull from ECR go through, and where are the image layers kept?',
  verify({ running, lastStoppedReason }) {
    if (running.length === SITUATION.desiredCount) {
      return { passed: true, observed: `${tasks(running.length)} of api are RUNNING${lastStoppedReason ? '' : ', and none stopped'}.` };
    }
    return { passed: false, observed: `${tasks(running.length)} of api RUNNING after ${duration(WATCH_SECONDS)}. The last one stopped: ${lastStoppedReason ?? '(none stopped)'}` };
  },
};

const privateOnly: Check<Run> = {
  id: 'private-only',
  title: 'the tasks run in the private subnets only, with no public IP',
  hint: 'The security team allows no task an address the internet can reach: a public subnet with a public IP would pull the image, and break that rule.',
  verify({ subnets, assignPublicIp }) {
    const outside = subnets.filter((s) => !(SITUATION.privateSubnets as readonly string[]).includes(s));
    const where = `subnets ${subnets.join(', ') || '(none)'}, assignPublicIp ${assignPublicIp}`;
    if (outside.length > 0) return { passed: false, observed: `The service uses ${where}: ${outside.join(', ')} ${outside.length === 1 ? 'is' : 'are'} not private.` };
    if (assignPublicIp !== 'DISABLED') return { passed: false, observed: `The service uses ${where}: every task would get a public IP.` };
    return { passed: true, observed: `The service uses ${where}.` };
  },
};

const twoZones: Check<Run> = {
  id: 'two-zones',
  title: 'the running tasks are in two Availability Zones',
  hint: 'ECS spreads a Fargate service over the zones of the subnets you give it. One subnet is one zone, and losing that zone would take every task.',
  verify({ running }) {
    const zones = [...new Set(running.map((t) => t.availabilityZone))].sort();
    return { passed: zones.length >= 2, observed: `The running tasks are in ${zones.length === 0 ? 'no zone (none runs)' : zones.join(' and ')}.` };
  },
};

const lab: LabChecks<Run> = {
  input: {
    id: 'requests-accepted',
    title: `${ENDPOINTS_FILE} holds CreateVpcEndpoint requests EC2 accepts, and ${SERVICE_FILE} a CreateService request ECS accepts for api: ${tasks(SITUATION.desiredCount)} of api:1`,
    hint: 'The message is the service\'s own answer, and names the field it refuses. EC2 makes a Gateway endpoint unless VpcEndpointType says otherwise, and only S3 and DynamoDB have gateway endpoints.',
  },
  prepare,
  checks: [tasksRun, privateOnly, twoZones],
};
export default lab;
