import type { CreateServiceRequest, EcsSimulator } from '../../core/index.js';
import type { Check, LabChecks, LearnerFiles, Prepared } from '../lab-kit/check-types.js';
import { sendRequest } from '../lab-kit/ecs-request.js';
import { serviceFieldProblem } from '../lab-kit/service-fields.js';
import { duration } from '../lab-kit/words.js';
import { createLabSimulator } from '../lab-kit/lab-simulator.js';

/**
 * Lab "Fail over fast": clients call the learner's service backend at 300 requests a second, by DNS (Cloud Map,
 * TTL 300) or through Service Connect, whichever the service offers. Two runs, each with one fault 5 seconds
 * after the clients' last DNS lookup (the worst case): a task is killed; Availability Zone us-east-1a is lost.
 */

const SERVICE_FILE = 'service.json';
const DESIRED = 3;
const REQUESTS_PER_SECOND = 300;
const LONGEST_ERROR_WINDOW_SECONDS = 5;
const FAULT_AFTER_SECONDS = 5;
const WATCH_SECONDS = 6 * 60;
const TTL_SECONDS = 300;
const LOST_ZONE = 'us-east-1a';
const ALIAS = 'backend';
const DNS_NAME = 'backend.demo.local';

/** What the clients saw around one fault. */
interface FaultRun {
  /** How the clients call backend. */
  route: string;
  /** Requests and failures before the fault. */
  requestsBefore: number;
  failedBefore: number;
  /** Seconds from the first failed request after the fault to the last one; 0 when none failed. */
  errorWindow: number;
  failedAfter: number;
}

interface Run {
  killed: FaultRun;
  zoneLost: FaultRun;
}

type Fault = (sim: EcsSimulator) => void;

/** A fresh simulator with the learner's service steady and the clients calling it, then the fault: what the clients saw. */
function playFault(files: LearnerFiles, fault: Fault): Prepared<FaultRun> {
  const sim = createLabSimulator({ seed: 1 });
  sim.createCluster({ clusterName: 'default', capacityProviders: ['FARGATE'] });
  const { NamespaceId } = sim.serviceDiscovery.createPrivateDnsNamespace({ Name: 'demo.local' });
  sim.serviceDiscovery.createService({ Name: 'backend', NamespaceId, DnsConfig: { DnsRecords: [{ Type: 'A', TTL: TTL_SECONDS }] } });
  sim.serviceDiscovery.createHttpNamespace({ Name: 'mesh' });
  sim.registerTaskDefinition({
    family: 'backend',
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '256',
    memory: '512',
    containerDefinitions: [{ name: 'backend', image: 'ecs-lab/backend:1', essential: true, portMappings: [{ name: 'http', containerPort: 8080 }] }],
  });
  const sent = sendRequest(files, SERVICE_FILE, 'CreateService', (request: CreateServiceRequest) => sim.createService(request));
  if (!sent.ok) return sent;
  const problem = serviceFieldProblem(sent.source, sent.value.service, { serviceName: 'backend', taskDefinition: 'backend:1', desiredCount: DESIRED });
  if (problem) return { ok: false, problem };
  sim.control.runUntilSteady({ service: 'backend', maxSeconds: 600 });

  const serviceConnect = usesServiceConnect(sent.source.request);
  sim.control.startTraffic(serviceConnect ? { name: 'clients', serviceConnect: ALIAS, requestsPerSecond: REQUESTS_PER_SECOND } : { name: 'clients', dnsName: DNS_NAME, requestsPerSecond: REQUESTS_PER_SECOND });
  sim.control.advance(FAULT_AFTER_SECONDS);
  const faultAt = sim.control.now * 1000;
  fault(sim);
  sim.control.advance(WATCH_SECONDS);

  const history = sim.control.trafficHistory('clients');
  const before = history.filter((r) => r.time <= faultAt);
  const failing = history.filter((r) => r.time > faultAt && r.errors > 0);
  return {
    ok: true,
    run: {
      route: routeName(serviceConnect),
      requestsBefore: sum(before.map((r) => r.requests)),
      failedBefore: sum(before.map((r) => r.errors)),
      errorWindow: failing.length === 0 ? 0 : (failing[failing.length - 1].time - failing[0].time) / 1000 + 1,
      failedAfter: sum(failing.map((r) => r.errors)),
    },
    observed: `ECS accepted it: service backend, ${DESIRED} tasks of backend:1; the clients call it ${routeName(serviceConnect)}.`,
  };
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/** The clients use Service Connect when the service turns it on, as a client in the namespace would. */
function usesServiceConnect(request: Record<string, unknown>): boolean {
  const config = request.serviceConnectConfiguration as { enabled?: unknown } | undefined;
  return config?.enabled === true;
}

const routeName = (serviceConnect: boolean) => (serviceConnect ? `through Service Connect, by the alias ${ALIAS}` : `by DNS, at ${DNS_NAME} (TTL ${TTL_SECONDS} s)`);

const killOneTask: Fault = (sim) => sim.control.killTask({ task: sim.listTasks({ serviceName: 'backend' }).taskArns[0] });
const loseZone: Fault = (sim) => sim.control.failZone({ availabilityZone: LOST_ZONE });

function prepare(files: LearnerFiles): Prepared<Run> {
  const killed = playFault(files, killOneTask);
  if (!killed.ok) return killed;
  const zoneLost = playFault(files, loseZone);
  if (!zoneLost.ok) return zoneLost;
  return { ok: true, run: { killed: killed.run, zoneLost: zoneLost.run }, observed: killed.observed };
}

const clientsServed: Check<Run> = {
  id: 'clients-served',
  title: 'before anything fails, every request of the clients to backend succeeds',
  hint: `The clients call the name ${ALIAS}. Through Service Connect, that name must be a client alias of the service; by DNS, the service's tasks must register in Cloud Map.`,
  verify({ killed }) {
    return {
      passed: killed.requestsBefore > 0 && killed.failedBefore === 0,
      observed: `The clients call backend ${killed.route}: before the fault, ${killed.failedBefore} of ${killed.requestsBefore} requests failed.`,
    };
  },
};

function windowVerdict(run: FaultRun, what: string) {
  return {
    passed: run.errorWindow <= LONGEST_ERROR_WINDOW_SECONDS,
    observed:
      run.errorWindow === 0
        ? `No request failed after ${what}.`
        : `After ${what}, the clients saw failed requests for ${duration(run.errorWindow)} (${run.failedAfter} failed requests; at most ${LONGEST_ERROR_WINDOW_SECONDS} s allowed).`,
  };
}

const taskKilled: Check<Run> = {
  id: 'task-killed',
  title: `when one task of backend is killed, the clients see failed requests for at most ${LONGEST_ERROR_WINDOW_SECONDS} s`,
  hint: 'Cloud Map forgets the dead task at once. Who still remembers its address, and for how long? What could learn about the change without waiting?',
  verify: ({ killed }) => windowVerdict(killed, 'one task was killed'),
};

const zoneLost: Check<Run> = {
  id: 'zone-lost',
  title: `when the Availability Zone ${LOST_ZONE} is lost, the clients see failed requests for at most ${LONGEST_ERROR_WINDOW_SECONDS} s`,
  hint: 'A lost zone takes every task that ran there at once: if they all ran in one zone, nothing answers until replacements start. Are the tasks spread over several zones, and does the client stop calling the lost ones at once?',
  verify: ({ zoneLost }) => windowVerdict(zoneLost, `${LOST_ZONE} was lost`),
};

const lab: LabChecks<Run> = {
  input: {
    id: 'service-definition',
    title: `${SERVICE_FILE} is a CreateService request ECS accepts, for service backend: ${DESIRED} tasks of backend:1 on Fargate`,
    hint: 'ECS\'s message says which field it refuses. The Service Connect namespace is mesh; the Cloud Map DNS namespace is demo.local.',
  },
  prepare,
  checks: [clientsServed, taskKilled, zoneLost],
};
export default lab;
