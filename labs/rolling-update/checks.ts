import { deploymentBounds, type CreateServiceRequest, type PhaseCounts, type ServiceCensusPoint } from '../../core/index.js';
import type { Check, LabChecks, LearnerFiles, Prepared } from '../lab-kit/check-types.js';
import { sendRequest } from '../lab-kit/ecs-request.js';
import { serviceFieldProblem } from '../lab-kit/service-fields.js';
import { duration, shortName } from '../lab-kit/words.js';
import { buildCluster, deployRevision2, SITUATION, WATCH_SECONDS, type Rollout } from './situation.js';

/** Lab "Tune a rolling update": the learner's service.json is created as is, then revision 2 is deployed. */

const SERVICE_FILE = 'service.json';

const GOAL = {
  deadlineSeconds: 5 * 60,
  fewestHealthy: 4,
  // Never plan for more tasks than the cluster can hold.
  mostTasks: SITUATION.roomForTasks,
} as const;

interface Run {
  rollout: Rollout;
  minimumHealthyPercent: number;
  maximumPercent: number;
}

function prepare(files: LearnerFiles): Prepared<Run> {
  const sim = buildCluster();
  const sent = sendRequest(files, SERVICE_FILE, 'CreateService', (request: CreateServiceRequest) => sim.createService(request));
  if (!sent.ok) return sent;
  const { service } = sent.value;
  const problem = serviceFieldProblem(sent.source, service, { serviceName: SITUATION.serviceName, taskDefinition: 'web:1', desiredCount: SITUATION.desiredCount });
  if (problem) return { ok: false, problem };
  const { minimumHealthyPercent, maximumPercent } = service.deploymentConfiguration;
  const cluster = service.clusterArn.slice(service.clusterArn.lastIndexOf('/') + 1);
  return {
    ok: true,
    run: { rollout: deployRevision2(sim, cluster, service.serviceName), minimumHealthyPercent, maximumPercent },
    observed: `ECS accepted it: service web, ${SITUATION.desiredCount} tasks of web:1, minimumHealthyPercent ${minimumHealthyPercent}, maximumPercent ${maximumPercent}.`,
  };
}

const deploymentCompletes: Check<Run> = {
  id: 'deployment-completes',
  title: `the deployment of web:2 completes (rolloutState COMPLETED) within ${duration(GOAL.deadlineSeconds)}`,
  hint: 'Read ECS\'s latest service event. Between minimumHealthyPercent and maximumPercent there must be room for ECS to either stop an old task or start a new one.',
  verify({ rollout }) {
    const primary = rollout.service.deployments.find((d) => d.status === 'PRIMARY')!;
    if (primary.rolloutState === 'COMPLETED') {
      const seconds = primary.updatedAt - primary.createdAt;
      return {
        passed: seconds <= GOAL.deadlineSeconds,
        observed: `The deployment completed after ${duration(seconds)} (goal: at most ${duration(GOAL.deadlineSeconds)}).`,
      };
    }
    const running = rollout.service.deployments
      .map((d) => `${d.runningCount} of ${shortName(d.taskDefinition)}`)
      .join(', ');
    return {
      passed: false,
      observed: `After ${duration(WATCH_SECONDS)} the deployment is still ${primary.rolloutState} (tasks running: ${running}). ECS's latest service event: "${rollout.service.events[0]?.message}"`,
    };
  },
};

const neverTooFewHealthy: Check<Run> = {
  id: 'min-healthy',
  title: `at no time fewer than ${GOAL.fewestHealthy} tasks are healthy`,
  hint: `ECS keeps at least ceil(desiredCount × minimumHealthyPercent / 100) tasks healthy. Which minimumHealthyPercent makes that at least ${GOAL.fewestHealthy}?`,
  verify({ rollout, minimumHealthyPercent, maximumPercent }) {
    const lowest = extreme(rollout.history, (c) => c.healthy, (a, b) => a < b);
    const { lower } = deploymentBounds(SITUATION.desiredCount, minimumHealthyPercent, maximumPercent);
    const rule = `minimumHealthyPercent ${minimumHealthyPercent} lets ECS go down to ceil(${SITUATION.desiredCount} × ${minimumHealthyPercent} / 100) = ${lower}`;
    return lowest.count >= GOAL.fewestHealthy
      ? { passed: true, observed: `The fewest healthy tasks at any time was ${lowest.count} (${rule}).` }
      : { passed: false, observed: `${sinceDeployment(rollout, lowest.time)} only ${lowest.count} tasks were healthy: ${rule}.` };
  },
};

const neverTooManyTasks: Check<Run> = {
  id: 'max-tasks',
  title: `at no time more than ${GOAL.mostTasks} tasks running or pending (and maximumPercent does not allow more)`,
  hint: `ECS runs at most floor(desiredCount × maximumPercent / 100) tasks during a deployment, and the default maximumPercent is 200. Which maximumPercent makes that at most ${GOAL.mostTasks}?`,
  verify({ rollout, minimumHealthyPercent, maximumPercent }) {
    const peak = extreme(rollout.history, (c) => c.pending + c.running, (a, b) => a > b);
    const { upper } = deploymentBounds(SITUATION.desiredCount, minimumHealthyPercent, maximumPercent);
    const rule = `maximumPercent ${maximumPercent} allows floor(${SITUATION.desiredCount} × ${maximumPercent} / 100) = ${upper}`;
    if (peak.count > GOAL.mostTasks) {
      return { passed: false, observed: `${sinceDeployment(rollout, peak.time)} ${peak.count} tasks were running or pending (${rule}).` };
    }
    if (upper > GOAL.mostTasks) {
      return {
        passed: false,
        observed: `At most ${peak.count} tasks were running or pending, but only because the cluster has room for ${SITUATION.roomForTasks}: ${rule}. On a cluster that scales out, ECS would have run (and billed) ${upper}.`,
      };
    }
    return { passed: true, observed: `At most ${peak.count} tasks were running or pending at once (${rule}).` };
  },
};

const lab: LabChecks<Run> = {
  input: {
    id: 'service-definition',
    title: `${SERVICE_FILE} is a CreateService request ECS accepts, for service web: ${SITUATION.desiredCount} tasks of web:1`,
    hint: 'ECS\'s message names the field it refuses and, for a misspelt one, the closest it knows. Tune deploymentConfiguration (placementStrategy is yours to choose too).',
  },
  prepare,
  checks: [deploymentCompletes, neverTooFewHealthy, neverTooManyTasks],
};
export default lab;

/** The highest or lowest total over the history, and when it first happened. */
function extreme(history: ServiceCensusPoint[], count: (c: PhaseCounts) => number, better: (a: number, b: number) => boolean) {
  let found = { count: Number.NaN, time: 0 };
  for (const point of history) {
    const total = Object.values(point.byTaskDefinition).reduce((sum, c) => sum + count(c), 0);
    if (Number.isNaN(found.count) || better(total, found.count)) found = { count: total, time: point.time };
  }
  return found;
}

function sinceDeployment(rollout: Rollout, time: number): string {
  const seconds = (time - rollout.deployedAt) / 1000;
  return seconds === 0 ? 'As soon as web:2 was deployed,' : `${duration(seconds)} after web:2 was deployed,`;
}
