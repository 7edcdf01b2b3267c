import type { CreateServiceRequest, Service } from '../../core/index.js';
import type { Check, LabChecks, LearnerFiles, Prepared } from '../lab-kit/check-types.js';
import { sendRequest } from '../lab-kit/ecs-request.js';
import { serviceFieldProblem } from '../lab-kit/service-fields.js';
import { duration, shortName } from '../lab-kit/words.js';
import { createLabSimulator } from '../lab-kit/lab-simulator.js';

/**
 * Lab "Recover from a bad deployment": the learner's service settles on web:1, then web:2, whose image cannot be
 * pulled, is deployed and watched.
 */

const SERVICE_FILE = 'service.json';
const DESIRED = 4;
const FAIL_WITHIN_SECONDS = 15 * 60;
const WATCH_SECONDS = 30 * 60;
const BROKEN_IMAGE = 'ecs-lab/web:2';

interface Run {
  /** DescribeServices at the end of the watch. */
  service: Service;
  /** Seconds from the deployment to its FAILED state; undefined if it never failed. */
  failedAfter?: number;
  /** Why it failed, as its service deployment says (DescribeServices stops listing it once rolled back). */
  failureReason?: string;
}

function prepare(files: LearnerFiles): Prepared<Run> {
  const sim = createLabSimulator({ seed: 1 });
  sim.createCluster({ clusterName: 'default' });
  sim.control.addInstances({ instanceType: 'm5.large', count: 2, availabilityZones: ['us-east-1a', 'us-east-1b'] });
  sim.control.registerImage(BROKEN_IMAGE, { pullError: `CannotPullContainerError: pull image manifest has been retried 5 time(s): ${BROKEN_IMAGE}: not found` });
  const revision = (image: string) => sim.registerTaskDefinition({ family: 'web', cpu: '512', memory: '1024', containerDefinitions: [{ name: 'web', image, essential: true }] });
  revision('ecs-lab/web:1');

  const sent = sendRequest(files, SERVICE_FILE, 'CreateService', (request: CreateServiceRequest) => sim.createService(request));
  if (!sent.ok) return sent;
  const problem = serviceFieldProblem(sent.source, sent.value.service, { serviceName: 'web', taskDefinition: 'web:1', desiredCount: DESIRED });
  if (problem) return { ok: false, problem };

  sim.control.runUntilSteady({ service: 'web', maxSeconds: WATCH_SECONDS });
  const deployedAt = sim.control.now;
  sim.updateService({ service: 'web', taskDefinition: revision(BROKEN_IMAGE).taskDefinition.taskDefinitionArn });
  const describe = () => sim.describeServices({ services: ['web'] }).services[0];
  // The deployment of web:2, the newest service deployment: its status says whether and why it failed.
  const deploymentOfWeb2 = () => sim.listServiceDeployments({ service: 'web' }).serviceDeployments[0];
  const failed = sim.control.runUntil(() => deploymentOfWeb2().statusReason !== undefined, WATCH_SECONDS);
  const failedAfter = failed ? sim.control.now - deployedAt : undefined;
  const failureReason = deploymentOfWeb2().statusReason;
  sim.control.advance(Math.max(0, WATCH_SECONDS - (sim.control.now - deployedAt)));
  const { deploymentCircuitBreaker } = sent.value.service.deploymentConfiguration;
  return {
    ok: true,
    run: { service: describe(), failedAfter, failureReason },
    observed: `ECS accepted it: service web, ${DESIRED} tasks of web:1, deploymentCircuitBreaker ${JSON.stringify(deploymentCircuitBreaker ?? null)}.`,
  };
}

/** "web:2 IN_PROGRESS (0 running, 12 failed tasks)" for each deployment still listed. */
function deploymentsNow(service: Service): string {
  return service.deployments
    .map((d) => `${shortName(d.taskDefinition)} ${d.status} ${d.rolloutState} (${d.runningCount} running, ${d.failedTasks} failed tasks)`)
    .join('; ');
}

const breakerTrips: Check<Run> = {
  id: 'breaker-trips',
  title: `the deployment of web:2 is marked FAILED within ${duration(FAIL_WITHIN_SECONDS)}, instead of being retried for ever`,
  hint: 'ECS only counts the failed tasks of a deployment, and gives up on it, when deploymentConfiguration asks it to.',
  verify({ service, failedAfter, failureReason }) {
    if (failedAfter !== undefined && failedAfter <= FAIL_WITHIN_SECONDS) {
      return { passed: true, observed: `The deployment of web:2 FAILED ${duration(failedAfter)} after it started: "${failureReason}"` };
    }
    return {
      passed: false,
      observed: `After ${duration(WATCH_SECONDS)} no deployment has FAILED. Deployments: ${deploymentsNow(service)}. ECS's latest event: "${service.events[0]?.message}"`,
    };
  },
};

const rollsBack: Check<Run> = {
  id: 'rolls-back',
  title: `the service rolls back: its PRIMARY deployment is web:1, COMPLETED, with ${DESIRED} tasks running`,
  hint: 'Once a deployment has failed, does ECS stay on it, or go back to the last deployment that completed? The circuit breaker has a switch for that.',
  verify({ service }) {
    const primary = service.deployments.find((d) => d.status === 'PRIMARY')!;
    const rolledBack = shortName(primary.taskDefinition) === 'web:1' && primary.rolloutState === 'COMPLETED' && primary.runningCount === DESIRED;
    return { passed: rolledBack, observed: `After ${duration(WATCH_SECONDS)}: ${deploymentsNow(service)}.` };
  },
};

const lab: LabChecks<Run> = {
  input: {
    id: 'service-definition',
    title: `${SERVICE_FILE} is a CreateService request ECS accepts, for service web: ${DESIRED} tasks of web:1`,
    hint: 'ECS\'s message names the field it does not know and suggests the closest one. Keep serviceName, taskDefinition and desiredCount as they are.',
  },
  prepare,
  checks: [breakerTrips, rollsBack],
};
export default lab;
