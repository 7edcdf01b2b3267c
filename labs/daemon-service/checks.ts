import type { CreateServiceRequest, EcsSimulator } from '../../core/index.js';
import type { Check, LabChecks, LearnerFiles, Prepared } from '../lab-kit/check-types.js';
import { sendRequest } from '../lab-kit/ecs-request.js';
import { serviceFieldProblem } from '../lab-kit/service-fields.js';
import { duration } from '../lab-kit/words.js';
import { createLabSimulator } from '../lab-kit/lab-simulator.js';

/** Lab "Run an agent on every instance": the learner's service starts on 3 instances, then 2 more join. */

const SERVICE_FILE = 'service.json';
const FIRST_INSTANCES = 3;
const JOINING = 2;
const SETTLE_SECONDS = 2 * 60;

/** Tasks of the agent per instance (instance id -> running tasks), every ACTIVE instance listed. */
type Census = Map<string, number>;

interface Run {
  before: Census;
  after: Census;
}

function census(sim: EcsSimulator): Census {
  const { containerInstanceArns } = sim.listContainerInstances({ status: 'ACTIVE' });
  const instances = sim.describeContainerInstances({ containerInstances: containerInstanceArns }).containerInstances;
  const counts: Census = new Map(instances.map((i) => [i.ec2InstanceId, 0]));
  const { taskArns } = sim.listTasks({ serviceName: 'agent' });
  for (const task of taskArns.length ? sim.describeTasks({ tasks: taskArns }).tasks : []) {
    if (task.lastStatus !== 'RUNNING') continue;
    const instance = instances.find((i) => i.containerInstanceArn === task.containerInstanceArn);
    if (instance) counts.set(instance.ec2InstanceId, (counts.get(instance.ec2InstanceId) ?? 0) + 1);
  }
  return counts;
}

function prepare(files: LearnerFiles): Prepared<Run> {
  const sim = createLabSimulator({ seed: 1 });
  sim.createCluster({ clusterName: 'default' });
  const zones = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
  sim.control.addInstances({ instanceType: 'm5.large', count: FIRST_INSTANCES, availabilityZones: zones });
  sim.registerTaskDefinition({ family: 'agent', cpu: '128', memory: '256', containerDefinitions: [{ name: 'agent', image: 'ecs-lab/log-shipper:1', essential: true }] });
  const sent = sendRequest(files, SERVICE_FILE, 'CreateService', (request: CreateServiceRequest) => sim.createService(request));
  if (!sent.ok) return sent;
  const problem = serviceFieldProblem(sent.source, sent.value.service, { serviceName: 'agent', taskDefinition: 'agent:1' });
  if (problem) return { ok: false, problem };
  sim.control.runUntilSteady({ service: 'agent', maxSeconds: 600 });
  const before = census(sim);
  sim.control.addInstances({ instanceType: 'm5.large', count: JOINING, availabilityZones: zones });
  sim.control.advance(SETTLE_SECONDS);
  return {
    ok: true,
    run: { before, after: census(sim) },
    observed: `ECS accepted it: service agent of agent:1, schedulingStrategy ${sent.value.service.schedulingStrategy}.`,
  };
}

/** "i-0a1b: 1, i-2c3d: 0" */
const perInstance = (counts: Census) => [...counts].map(([id, count]) => `${id}: ${count}`).join(', ');
const onePerInstance = (counts: Census) => [...counts.values()].every((count) => count === 1);

const onEveryInstance: Check<Run> = {
  id: 'one-per-instance',
  title: `each of the ${FIRST_INSTANCES} instances runs exactly one task of agent`,
  hint: 'A log shipper reads the logs of the instance it runs on: two on one instance ship the same logs twice, none leaves an instance unwatched.',
  verify({ before }) {
    return { passed: onePerInstance(before), observed: `Tasks of agent per instance: ${perInstance(before)}.` };
  },
};

const followsNewInstances: Check<Run> = {
  id: 'follows-new-instances',
  title: `when ${JOINING} more instances join, within ${duration(SETTLE_SECONDS)} each of the ${FIRST_INSTANCES + JOINING} runs exactly one task of agent`,
  hint: 'Nobody updates desiredCount when the cluster grows. Which scheduling strategy counts the instances for you?',
  verify({ after }) {
    return { passed: onePerInstance(after), observed: `${duration(SETTLE_SECONDS)} after ${JOINING} instances joined: ${perInstance(after)}.` };
  },
};

const lab: LabChecks<Run> = {
  input: {
    id: 'service-definition',
    title: `${SERVICE_FILE} is a CreateService request ECS accepts, for service agent of agent:1`,
    hint: 'ECS\'s message says which field does not belong. Some fields make no sense for every scheduling strategy.',
  },
  prepare,
  checks: [onEveryInstance, followsNewInstances],
};
export default lab;
