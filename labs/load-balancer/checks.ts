import type { CreateServiceRequest, RegisterTaskDefinitionRequest, Task } from '../../core/index.js';
import type { Check, LabChecks, LearnerFiles, Prepared } from '../lab-kit/check-types.js';
import { sendRequest } from '../lab-kit/ecs-request.js';
import { registerTaskDefinitionFile } from '../lab-kit/task-definition-file.js';
import { serviceFieldProblem } from '../lab-kit/service-fields.js';
import { findTasks } from '../lab-kit/task-queries.js';
import { duration, tasks } from '../lab-kit/words.js';
import { buildWorld, SITUATION } from './situation.js';

/**
 * Lab "Put web behind the load balancer": the learner's task definition is registered and their service
 * created; the lab watches it for 15 minutes, then sends clients and deploys web:2 (the same task definition
 * with the image ecs-lab/web:2).
 */

const TASK_DEFINITION_FILE = 'task-definition.json';
const SERVICE_FILE = 'service.json';
const SETTLE_SECONDS = 15 * 60;
const DEADLINE_SECONDS = 20 * 60;
const ELB_FAILURE = 'Task failed ELB health checks';

interface Run {
  running: number;
  healthyTargets: number;
  /** ECS's service event on a task it could not place, else its latest. */
  telling?: string;
  /** Tasks the scheduler stopped for failing the load balancer's health checks in the first 15 minutes. */
  replaced: Task[];
  deployment: { state: string; seconds: number; failedRequests: number };
}

function prepare(files: LearnerFiles): Prepared<Run> {
  const { sim, targetGroup } = buildWorld();
  const registered = registerTaskDefinitionFile(files, TASK_DEFINITION_FILE, sim, SITUATION.family);
  if (!registered.ok) return registered;
  const taskDefinition = registered.value;
  const created = sendRequest(files, SERVICE_FILE, 'CreateService', (request: CreateServiceRequest) => sim.createService(request));
  if (!created.ok) return created;
  const problem = serviceFieldProblem(created.source, created.value.service, { serviceName: SITUATION.serviceName, taskDefinition: 'web:1', desiredCount: SITUATION.desiredCount });
  if (problem) return { ok: false, problem };

  sim.control.advance(SETTLE_SECONDS);
  const settled = sim.describeServices({ services: [SITUATION.serviceName] }).services[0];
  const targets = sim.elbv2.describeTargetHealth({ TargetGroupArn: targetGroup }).TargetHealthDescriptions;
  const replaced = findTasks(sim, { serviceName: SITUATION.serviceName }).filter((t) => t.stoppedReason?.startsWith(ELB_FAILURE));

  // web:2: the learner's task definition with the new image, deployed while clients call.
  const revision2 = structuredClone(registered.source.request) as unknown as RegisterTaskDefinitionRequest;
  for (const container of revision2.containerDefinitions) container.image = container.image.replace(/:1$/, ':2');
  sim.registerTaskDefinition(revision2);
  sim.control.startTraffic({ name: 'clients', loadBalancer: 'web-alb', requestsPerSecond: SITUATION.requestsPerSecond });
  sim.control.advance(60);
  const before = sim.control.trafficHistory('clients').length;
  const startedAt = sim.control.now;
  sim.updateService({ service: SITUATION.serviceName, taskDefinition: 'web:2' });
  sim.control.runUntilSteady({ service: SITUATION.serviceName, maxSeconds: DEADLINE_SECONDS + 300 });
  const after = sim.describeServices({ services: [SITUATION.serviceName] }).services[0];
  const primary = after.deployments.find((d) => d.status === 'PRIMARY');
  return {
    ok: true,
    run: {
      running: settled.runningCount,
      healthyTargets: targets.filter((t) => t.TargetHealth.State === 'healthy').length,
      telling: (settled.events.find((e) => e.message.includes('unable to place a task')) ?? settled.events[0])?.message,
      replaced,
      deployment: {
        state: primary ? `${primary.rolloutState} (${primary.runningCount} of ${primary.desiredCount} tasks of web:2 running)` : 'not started',
        seconds: primary?.rolloutState === 'COMPLETED' ? primary.updatedAt - primary.createdAt : sim.control.now - startedAt,
        failedRequests: sim.control.trafficHistory('clients').slice(before).reduce((sum, s) => sum + s.errors, 0),
      },
    },
    observed: `ECS registered web:${taskDefinition.revision} (network mode ${taskDefinition.networkMode ?? 'bridge'}) and created the service web behind web-tg.`,
  };
}

const sixHealthy: Check<Run> = {
  id: 'six-healthy',
  title: `after ${duration(SETTLE_SECONDS)}, ${tasks(SITUATION.desiredCount)} of web run and web-tg has ${SITUATION.desiredCount} healthy targets`,
  hint: 'Two instances, six tasks: at least three on each instance. Read what ECS said: in bridge mode two tasks cannot both take the same host port on one instance.',
  verify({ running, healthyTargets, telling }) {
    const passed = running === SITUATION.desiredCount && healthyTargets === SITUATION.desiredCount;
    const event = passed || !telling ? '' : ` ECS said: "${telling}"`;
    return { passed, observed: `${tasks(running)} running, ${healthyTargets} healthy targets in web-tg.${event}` };
  },
};

const noTaskReplaced: Check<Run> = {
  id: 'no-task-replaced',
  title: `no task of web is stopped for failing the load balancer's health checks in the first ${duration(SETTLE_SECONDS)}`,
  hint: 'The application answers only after warming up for 90 seconds, and the load balancer calls a target unhealthy after two failed checks 30 s apart. The service can tell the scheduler to ignore target health for a while after a task starts.',
  verify({ replaced }) {
    if (replaced.length === 0) return { passed: true, observed: 'No task was stopped for failing ELB health checks.' };
    return { passed: false, observed: `${tasks(replaced.length)} stopped: "${replaced[0].stoppedReason}", each after ${duration(((replaced[0].stoppedAt ?? 0) - (replaced[0].startedAt ?? 0)) || 0)} of running.` };
  },
};

const deployWithoutErrors: Check<Run> = {
  id: 'deploy-without-errors',
  title: `deploying web:2 while clients call at ${SITUATION.requestsPerSecond} requests a second completes within ${duration(DEADLINE_SECONDS)}, and no request fails`,
  hint: 'Behind a load balancer a new task counts only once its target is healthy, and an old one leaves the target group before it stops. The deployment configuration decides whether old tasks may all go before new ones are ready.',
  verify({ deployment }) {
    const completed = deployment.state.startsWith('COMPLETED') && deployment.seconds <= DEADLINE_SECONDS;
    return {
      passed: completed && deployment.failedRequests === 0,
      observed: `The deployment of web:2 is ${deployment.state} after ${duration(deployment.seconds)}; ${deployment.failedRequests} requests of the clients failed.`,
    };
  },
};

const lab: LabChecks<Run> = {
  input: {
    id: 'requests-accepted',
    title: `${TASK_DEFINITION_FILE} registers the family web, and ${SERVICE_FILE} is a CreateService request ECS accepts for web: ${tasks(SITUATION.desiredCount)} of web:1 behind web-tg`,
    hint: 'ECS\'s message names the field it refuses. The loadBalancers entry names the container and the container port the target group sends requests to, as the task definition has them.',
  },
  prepare,
  checks: [sixHealthy, noTaskReplaced, deployWithoutErrors],
};
export default lab;
