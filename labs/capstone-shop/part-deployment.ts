import type { EcsSimulator, RegisterTaskDefinitionRequest } from '../../core/index.js';
import type { Check } from '../lab-kit/check-types.js';
import { fieldProblem, requestProblem } from '../lab-kit/ecs-request.js';
import { duration, shortName } from '../lab-kit/words.js';
import { launchedFor, launchShop } from './launch-shop.js';
import { entryOf, FILES, locate, type Judged, type ShopFiles } from './shop-files.js';
import { accepted, judged, type PartRuns } from './shop-run.js';
import { BEHAVIOUR, SHOP } from './situation.js';

/**
 * Part 5, a safe deployment: deployment.json (an UpdateService of web) on the settled shop, customers calling
 * the load balancer throughout, then two releases the lab deploys itself: web:2, a good one, and web:3, whose
 * process crashes soon after it starts. Each is watched until web settles, for at most WATCH_SECONDS.
 */
const CUSTOMERS_PER_SECOND = 300;
const WATCH_SECONDS = 25 * 60;
const DEADLINE_SECONDS = 15 * 60;

/** What happened after the lab deployed one release. */
interface Release {
  /** Seconds until web settled; undefined when it had not within WATCH_SECONDS. */
  settledAfter?: number;
  /** Running web tasks by revision at the end ("web:2" → 3). */
  running: Record<string, number>;
  fewestHealthy: number;
  failedRequests: number;
  latestEvent?: string;
}

export interface DeploymentRun {
  files: ShopFiles;
  good: Release;
  bad: Release;
}

export interface DeploymentOutcome {
  /** ECS's answer to deployment.json, on its own (part 5's first check). */
  acceptance: Judged<null>;
  run: Judged<DeploymentRun>;
}

/** deployment.json changes how web deploys; what it runs (revision, count) stays the lab's. */
function updateWeb(sim: EcsSimulator, files: ShopFiles): Judged<null> {
  const source = files.deployment;
  const { request } = source;
  const wrong = (field: string, message: string): Judged<null> => ({ ok: false, problem: fieldProblem(source, field, `${FILES.deployment}: ${message}`) });
  if (request.service !== 'web') return wrong('service', `service is ${JSON.stringify(request.service)}; this release is of the service "web".`);
  if (request.cluster !== SHOP.cluster) return wrong('cluster', `cluster is ${JSON.stringify(request.cluster)}; the shop runs in the cluster "${SHOP.cluster}".`);
  for (const field of ['taskDefinition', 'desiredCount', 'forceNewDeployment']) {
    if (request[field] !== undefined) return wrong(field, `leave ${field} out: the lab deploys web:2 and web:3 itself, to see how your settings handle them.`);
  }
  try {
    sim.updateService(request as never);
    return { ok: true, value: null };
  } catch (error) {
    const problem = requestProblem(error, source, 'UpdateService');
    return { ok: false, problem: { ...problem, message: `${FILES.deployment}: ${problem.message}` } };
  }
}

/** web's task definition as the learner wrote it, with the image of another release. */
function release(sim: EcsSimulator, files: ShopFiles, revision: number): void {
  const web = structuredClone(entryOf(files.taskDefinitions, 'web')) as unknown as RegisterTaskDefinitionRequest;
  for (const container of web.containerDefinitions) if (container.image === SHOP.images.web(1)) container.image = SHOP.images.web(revision);
  sim.registerTaskDefinition(web);
}

function deploy(sim: EcsSimulator, taskDefinition: string): Release {
  const mark = sim.control.historyMark();
  const failedBefore = failedRequests(sim);
  const started = sim.control.now;
  sim.updateService({ cluster: SHOP.cluster, service: 'web', taskDefinition });
  const settled = sim.control.runUntilSteady({ cluster: SHOP.cluster, service: 'web', maxSeconds: WATCH_SECONDS });
  const history = sim.control.taskHistory('web', SHOP.cluster, mark);
  const healthy = history.map((point) => Object.values(point.byTaskDefinition).reduce((sum, counts) => sum + counts.healthy, 0));
  const taskArns = sim.listTasks({ cluster: SHOP.cluster, serviceName: 'web', desiredStatus: 'RUNNING' }).taskArns;
  const running: Record<string, number> = {};
  for (const task of taskArns.length === 0 ? [] : sim.describeTasks({ cluster: SHOP.cluster, tasks: taskArns }).tasks) {
    const revision = shortName(task.taskDefinitionArn);
    running[revision] = (running[revision] ?? 0) + 1;
  }
  return {
    ...(settled ? { settledAfter: sim.control.now - started } : {}),
    running,
    fewestHealthy: Math.min(...healthy),
    failedRequests: failedRequests(sim) - failedBefore,
    latestEvent: sim.describeServices({ cluster: SHOP.cluster, services: ['web'] }).services[0].events[0]?.message,
  };
}

const failedRequests = (sim: EcsSimulator) => sim.control.trafficHistory('customers').reduce((total, r) => total + r.errors, 0);

export function runDeployment(files: ShopFiles): DeploymentOutcome {
  const launched = launchedFor(launchShop(files), true);
  if (!launched.ok) return { acceptance: launched, run: launched };
  const { sim } = launched.value;
  const acceptance = updateWeb(sim, files);
  if (!acceptance.ok) return { acceptance, run: acceptance };
  sim.control.runUntilSteady({ cluster: SHOP.cluster, service: 'web', maxSeconds: WATCH_SECONDS });
  sim.control.startTraffic({ name: 'customers', loadBalancer: SHOP.loadBalancer, requestsPerSecond: CUSTOMERS_PER_SECOND });
  sim.control.advance(60);
  release(sim, files, 2);
  const good = deploy(sim, 'web:2');
  release(sim, files, 3);
  const bad = deploy(sim, 'web:3');
  return { acceptance, run: { ok: true, value: { files, good, bad } } };
}

const runningText = (running: Record<string, number>) =>
  Object.entries(running)
    .map(([revision, count]) => `${count} of ${revision}`)
    .join(', ') || 'none';

function settledText(r: Release): string {
  return r.settledAfter === undefined ? `web had not settled after ${duration(WATCH_SECONDS)} (latest event: "${r.latestEvent ?? 'none'}")` : `web settled after ${duration(r.settledAfter)}`;
}

export const deploymentAccepted: Check<PartRuns> = {
  id: 'deploy-accepted',
  title: `ECS accepts ${FILES.deployment} as an UpdateService of web that changes how it deploys`,
  hint: 'ECS names the field it refuses. deploymentConfiguration holds the strategy and its settings; a strategy that shifts traffic also needs the load balancer\'s advancedConfiguration (the green target group, the two listener rules and the role ECS uses to change them).',
  verify: ({ deployment: { acceptance } }) => accepted(acceptance, 'ECS accepted the update of web.'),
};

export const goodReleaseIsSafe: Check<PartRuns> = {
  id: 'deploy-good',
  title: `web:2 replaces web:1 within ${duration(DEADLINE_SECONDS)}, with never fewer than ${SHOP.desiredCount.web} healthy web tasks and no failed customer request`,
  hint: 'A rolling update keeps at least ceil(desiredCount × minimumHealthyPercent / 100) tasks healthy; with the default maximumPercent of 200 it starts the new tasks before it stops the old ones. Blue/green strategies keep blue whole until green is ready.',
  verify: ({ deployment: { run } }) =>
    judged(run, ({ files, good }) => {
      const inTime = good.settledAfter !== undefined && good.settledAfter <= DEADLINE_SECONDS && good.running['web:2'] === SHOP.desiredCount.web;
      const passed = inTime && good.fewestHealthy >= SHOP.desiredCount.web && good.failedRequests === 0;
      return {
        passed,
        observed: `${settledText(good)}, running ${runningText(good.running)}; the fewest healthy web tasks was ${good.fewestHealthy}, and ${good.failedRequests} customer requests failed.`,
        ...(passed ? {} : { location: locate(files.deployment, 'deploymentConfiguration') }),
      };
    }),
};

export const badReleaseRollsBack: Check<PartRuns> = {
  id: 'deploy-bad',
  title: `web:3, whose process crashes ${BEHAVIOUR.badReleaseCrashSeconds} s after it starts, is rolled back to web:2 by ECS within ${duration(DEADLINE_SECONDS)}, and no customer request fails`,
  hint: 'Without help, ECS retries a release whose tasks keep failing for as long as it is deployed. The deployment circuit breaker with rollback, or an alarm that rolls back, turns those failures into a return to the last release that worked.',
  verify: ({ deployment: { run } }) =>
    judged(run, ({ files, bad }) => {
      const rolledBack = bad.settledAfter !== undefined && bad.settledAfter <= DEADLINE_SECONDS && bad.running['web:2'] === SHOP.desiredCount.web && !bad.running['web:3'];
      const passed = rolledBack && bad.failedRequests === 0;
      return {
        passed,
        observed: `${settledText(bad)}, running ${runningText(bad.running)}; ${bad.failedRequests} customer requests failed.`,
        ...(passed ? {} : { location: locate(files.deployment, 'deploymentConfiguration') }),
      };
    }),
};
