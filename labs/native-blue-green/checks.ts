import { EcsError, type CreateServiceRequest, type Service } from '../../core/index.js';
import type { Check, LabChecks, LearnerFiles, Prepared } from '../lab-kit/check-types.js';
import { sendRequest } from '../lab-kit/ecs-request.js';
import { serviceFieldProblem } from '../lab-kit/service-fields.js';
import { describeRunning, isOngoing, latestServiceDeployment, percentTo, runningByRevision } from '../lab-kit/deployment-watch.js';
import { duration } from '../lab-kit/words.js';
import { buildWorld, SITUATION, type World } from './situation.js';

/**
 * Lab "Move to native blue/green": the learner's service.json is created, then web:2 is deployed (its smoke test
 * passes) and web:3 (its smoke test fails), each with UpdateService, as a pipeline would.
 */

const SERVICE_FILE = 'service.json';
const DEADLINE_SECONDS = 20 * 60;
/** Long enough for a deployment within the deadline to finish, and a rollback to settle. */
const WATCH_SECONDS = 40 * 60;

/** What the lab saw of one deployment. */
interface Rollout {
  /** UpdateService refused it: ECS's words. */
  refused?: string;
  status?: string;
  strategy?: string;
  seconds: number;
  /** web:N tasks running at the end, by revision. */
  running: Record<string, number>;
  /** Traffic on green (0-100) when the lifecycle hooks ran, stage by stage. */
  hookRuns: Array<{ stage: string; test: number; production: number }>;
  /** The most production traffic the new revision's target group got at any time. */
  mostProduction: number;
  failedRequests: number;
}

interface Run {
  service: Service;
  good: Rollout;
  bad: Rollout;
}

/** The target group the deployment's new tasks register in: the one the production rule does not favour now. */
function idleGroup(world: World): string {
  return percentTo(world.sim, world.productionRule, world.blue) >= 50 ? world.green : world.blue;
}

/**
 * Deploys web:N as a pipeline would. The smoke test takes a while: its first answer is IN_PROGRESS, and ECS
 * calls it again 30 s later, when it answers `smokeTest`. Each stage's first hook run notes the traffic on green.
 */
function deploy(world: World, revision: number, smokeTest: 'SUCCEEDED' | 'FAILED'): Rollout {
  const { sim } = world;
  sim.control.setLambdaAnswer({ functionArn: SITUATION.smokeTest, hookStatus: 'IN_PROGRESS' });
  const green = idleGroup(world);
  const hookRuns: Rollout['hookRuns'] = [];
  const unsubscribe = sim.control.subscribe((event) => {
    if (event.kind !== 'eventbridge' || event.event['detail-type'] !== 'ECS Hook State Change') return;
    const detail = event.event.detail as { eventName?: string; lifecycleStage?: string };
    if (detail.eventName !== 'HOOK_IN_PROGRESS' || hookRuns.some((r) => r.stage === detail.lifecycleStage)) return;
    hookRuns.push({ stage: detail.lifecycleStage ?? '?', test: percentTo(sim, world.testRule, green), production: percentTo(sim, world.productionRule, green) });
    sim.control.setLambdaAnswer({ functionArn: SITUATION.smokeTest, hookStatus: smokeTest });
  });
  const startedAt = sim.control.now;
  const trafficBefore = sim.control.trafficHistory('clients').length;
  let mostProduction = 0;
  const rollout = (extra: Partial<Rollout>): Rollout => {
    unsubscribe();
    const errors = sim.control.trafficHistory('clients').slice(trafficBefore).reduce((sum, s) => sum + s.errors, 0);
    return { seconds: sim.control.now - startedAt, running: runningByRevision(sim, SITUATION.serviceName), hookRuns, mostProduction, failedRequests: errors, ...extra };
  };
  try {
    sim.updateService({ service: SITUATION.serviceName, taskDefinition: `web:${revision}` });
  } catch (error) {
    if (!(error instanceof EcsError)) throw error;
    return rollout({ refused: `${error.name}: ${error.message}` });
  }
  const finished = () => {
    mostProduction = Math.max(mostProduction, percentTo(sim, world.productionRule, green));
    return !isOngoing(latestServiceDeployment(sim, SITUATION.serviceName).status);
  };
  sim.control.runUntil(finished, WATCH_SECONDS);
  const deployment = latestServiceDeployment(sim, SITUATION.serviceName);
  const strategy = sim.describeServices({ services: [SITUATION.serviceName] }).services[0].deploymentConfiguration?.strategy ?? 'ROLLING';
  return rollout({ status: deployment.status, strategy, seconds: (deployment.finishedAt ?? sim.control.nowEpochSeconds) - (deployment.startedAt ?? 0) });
}

function prepare(files: LearnerFiles): Prepared<Run> {
  const world = buildWorld();
  const { sim } = world;
  const sent = sendRequest(files, SERVICE_FILE, 'CreateService', (request: CreateServiceRequest) => sim.createService(request));
  if (!sent.ok) return sent;
  const problem = serviceFieldProblem(sent.source, sent.value.service, SITUATION);
  if (problem) return { ok: false, problem };
  sim.control.runUntilSteady({ service: SITUATION.serviceName, maxSeconds: 15 * 60 });
  const good = deploy(world, 2, 'SUCCEEDED');
  const bad = deploy(world, 3, 'FAILED');
  const service = sim.describeServices({ services: [SITUATION.serviceName] }).services[0];
  const controller = sent.value.service.deploymentController?.type ?? 'ECS';
  return { ok: true, run: { service, good, bad }, observed: `ECS created the service web (deployment controller ${controller}) with 2 tasks of web:1 behind web-alb.` };
}

const deploysNatively: Check<Run> = {
  id: 'deploys-natively',
  title: `UpdateService to web:2 runs an ECS blue/green deployment (strategy BLUE_GREEN) that succeeds within ${duration(DEADLINE_SECONDS)}`,
  hint: 'Read ECS\'s answer to UpdateService: with the CODE_DEPLOY controller only CodeDeploy may deploy. The ECS controller runs blue/green itself when deploymentConfiguration says so, and the bake time counts towards the deadline.',
  verify({ good }) {
    if (good.refused) return { passed: false, observed: `UpdateService to web:2 was refused: ${good.refused}` };
    const ended = isOngoing(good.status) ? 'was still' : 'ended';
    const outcome = `The deployment of web:2 (strategy ${good.strategy}) ${ended} ${good.status} after ${duration(good.seconds)}; running: ${describeRunning(good.running)}.`;
    const passed = good.strategy === 'BLUE_GREEN' && good.status === 'SUCCESSFUL' && good.seconds <= DEADLINE_SECONDS && good.running['web:2'] === SITUATION.desiredCount;
    return { passed, observed: outcome };
  },
};

const testBeforeProduction: Check<Run> = {
  id: 'test-before-production',
  title: 'the smoke-test Lambda function runs while green has all the test traffic and none of the production traffic',
  hint: 'The CodeDeploy AfterAllowTestTraffic hook has an ECS counterpart among the lifecycle stages. ECS moves test traffic only when the load balancer entry names the test listener rule.',
  verify({ good, service }) {
    const hooks = service.deploymentConfiguration?.lifecycleHooks ?? [];
    const smoke = hooks.find((h) => h.hookTargetArn === SITUATION.smokeTest);
    if (!smoke) return { passed: false, observed: `The service has no lifecycle hook calling smoke-test${hooks.length ? ` (its hooks call ${hooks.map((h) => h.hookTargetArn ?? h.targetType).join(', ')})` : ''}.` };
    const runs = good.hookRuns.filter((r) => smoke.lifecycleStages?.includes(r.stage as never));
    if (runs.length === 0) return { passed: false, observed: `During the deployment of web:2 no hook ran at ${smoke.lifecycleStages?.join(', ')}.` };
    const seen = runs.map((r) => `at ${r.stage} green had ${r.test} % of the test traffic and ${r.production} % of production`).join('; ');
    const passed = runs.some((r) => r.test === 100 && r.production === 0);
    return { passed, observed: `When ECS first called smoke-test ${seen}.` };
  },
};

const badVersionRollsBack: Check<Run> = {
  id: 'bad-version-rolls-back',
  title: 'deploying web:3, whose smoke test fails, rolls back to web:2 before any production request reaches it, and no request fails',
  hint: 'A hook that answers FAILED rolls the deployment back, so the smoke test must run before production traffic moves. Blue keeps running until the deployment ends: rolling back is a traffic switch.',
  verify({ bad }) {
    if (bad.refused) return { passed: false, observed: `UpdateService to web:3 was refused: ${bad.refused}` };
    const passed = bad.status === 'ROLLBACK_SUCCESSFUL' && bad.mostProduction === 0 && bad.failedRequests === 0 && bad.running['web:2'] === SITUATION.desiredCount;
    const production = bad.mostProduction === 0 ? 'no production traffic reached web:3' : `web:3 got up to ${bad.mostProduction} % of production traffic`;
    return { passed, observed: `The deployment of web:3 ended ${bad.status}: ${production}, ${bad.failedRequests} requests failed, running: ${describeRunning(bad.running)}.` };
  },
};

const lab: LabChecks<Run> = {
  input: {
    id: 'service-accepted',
    title: `${SERVICE_FILE} is a CreateService request ECS accepts, for service web: ${SITUATION.desiredCount} tasks of web:1`,
    hint: 'ECS\'s message names the field it refuses. A native blue/green service keeps the ECS deployment controller, and each load balancer entry names its alternate target group, both listener rules and the role ECS changes them with.',
  },
  prepare,
  checks: [deploysNatively, testBeforeProduction, badVersionRollsBack],
};
export default lab;
