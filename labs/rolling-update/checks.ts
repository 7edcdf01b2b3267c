import { deploymentBounds, type CreateServiceRequest, type PhaseCounts, type Service, type ServiceCensusPoint } from '../../core/index.js';
import type { Check, LabChecks, LearnerFiles, Prepared } from '../lab-kit/check-types.js';
import { fieldProblem, readRequestFile, requestProblem } from '../lab-kit/ecs-request.js';
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
  const read = readRequestFile(files, SERVICE_FILE);
  if (!read.ok) return read;
  const source = read.value;
  const { sim, revision1Arn } = buildCluster();
  let service: Service;
  try {
    // The engine validates whatever the learner wrote: that is the point of this check.
    ({ service } = sim.createService(source.request as unknown as CreateServiceRequest));
  } catch (error) {
    return { ok: false, problem: requestProblem(error, source, 'CreateService') };
  }
  if (service.serviceName !== SITUATION.serviceName) {
    return { ok: false, problem: fieldProblem(source, 'serviceName', `serviceName is "${service.serviceName}"; this lab's service is "${SITUATION.serviceName}".`) };
  }
  if (service.taskDefinition !== revision1Arn) {
    return { ok: false, problem: fieldProblem(source, 'taskDefinition', `taskDefinition is ${shortName(service.taskDefinition)}; the service starts on web:1 (the lab deploys web:2 for you).`) };
  }
  if (service.desiredCount !== SITUATION.desiredCount) {
    return { ok: false, problem: fieldProblem(source, 'desiredCount', `desiredCount is ${service.desiredCount}; this lab's service runs ${SITUATION.desiredCount} tasks.`) };
  }
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
      .filter((d) => d.status !== 'INACTIVE')
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
    hint: 'Compare with the starter: keep serviceName, taskDefinition and desiredCount as they are and tune deploymentConfiguration (placementStrategy is yours to choose too).',
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

/** `arn:...:task-definition/web:2` -> `web:2` */
function shortName(taskDefinitionArn: string): string {
  return taskDefinitionArn.slice(taskDefinitionArn.lastIndexOf('/') + 1);
}

function sinceDeployment(rollout: Rollout, time: number): string {
  const seconds = (time - rollout.deployedAt) / 1000;
  return seconds === 0 ? 'As soon as web:2 was deployed,' : `${duration(seconds)} after web:2 was deployed,`;
}

/** 100 -> "1 min 40 s", 300 -> "5 min", 45 -> "45 s" */
function duration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds % 60);
  if (minutes === 0) return `${rest} s`;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}
