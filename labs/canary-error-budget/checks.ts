import { EcsError } from '../../core/index.js';
import type { Check, LabChecks, LearnerFiles, Prepared } from '../lab-kit/check-types.js';
import { describeRunning, isOngoing, latestServiceDeployment, percentTo, runningByRevision } from '../lab-kit/deployment-watch.js';
import { readRequestFile, requestProblem, sendRequest } from '../lab-kit/ecs-request.js';
import { duration } from '../lab-kit/words.js';
import { buildWorld, SITUATION, type World } from './situation.js';

/**
 * Lab "Keep a bad version inside the error budget": the learner's alarm is created and their deployment
 * configuration set on checkout; after 10 quiet minutes checkout:2 (20 % of its answers are 5xx) is deployed,
 * then, 10 minutes after that one ends, checkout:3 (as good as checkout:1).
 */

const ALARM_FILE = 'alarm.json';
const CONFIGURATION_FILE = 'deployment-configuration.json';
const ERROR_BUDGET = 300;
const DEADLINE_SECONDS = 30 * 60;
const QUIET_SECONDS = 10 * 60;
/** Longer than any deployment the settings allow to be judged: the slowest that fits in the deadline, and some. */
const WATCH_SECONDS = 90 * 60;

interface Rollout {
  status: string;
  statusReason?: string;
  seconds: number;
  failedRequests: number;
  /** The most production traffic the new revision got at any time (0-100). */
  mostProduction: number;
  /** The state of each alarm the deployment watches as it started (ECS ignores one already in ALARM). */
  alarmsAtStart: Array<{ name: string; state: string }>;
  /** The alarm monitor's status: TRIGGERED when an alarm rolled the deployment back. */
  alarmStatus?: string;
  rollbackReason?: string;
  running: Record<string, number>;
}

interface Run {
  bad: Rollout;
  good: Rollout;
}

function deploy(world: World, revision: number): Rollout {
  const { sim } = world;
  const green = percentTo(sim, world.productionRule, world.blue) >= 50 ? world.green : world.blue;
  const trafficBefore = sim.control.trafficHistory('clients').length;
  const watched = sim.describeServices({ services: [SITUATION.serviceName] }).services[0].deploymentConfiguration?.alarms;
  const names = watched?.enable ? watched.alarmNames : [];
  const states = names.length === 0 ? [] : sim.cloudWatch.describeAlarms({ AlarmNames: names }).MetricAlarms;
  const alarmsAtStart = names.map((name) => ({ name, state: states.find((a) => a.AlarmName === name)?.StateValue ?? 'INSUFFICIENT_DATA' }));
  sim.updateService({ service: SITUATION.serviceName, taskDefinition: `checkout:${revision}` });
  let mostProduction = 0;
  sim.control.runUntil(() => {
    mostProduction = Math.max(mostProduction, percentTo(sim, world.productionRule, green));
    return !isOngoing(latestServiceDeployment(sim, SITUATION.serviceName).status);
  }, WATCH_SECONDS);
  const deployment = latestServiceDeployment(sim, SITUATION.serviceName);
  return {
    status: deployment.status,
    statusReason: deployment.statusReason,
    seconds: (deployment.finishedAt ?? sim.control.nowEpochSeconds) - (deployment.startedAt ?? 0),
    failedRequests: sim.control.trafficHistory('clients').slice(trafficBefore).reduce((sum, s) => sum + s.errors, 0),
    mostProduction,
    alarmsAtStart,
    alarmStatus: deployment.alarms?.status,
    rollbackReason: deployment.rollback?.reason,
    running: runningByRevision(sim, SITUATION.serviceName),
  };
}

function prepare(files: LearnerFiles): Prepared<Run> {
  const world = buildWorld();
  const { sim } = world;
  const alarm = sendRequest(files, ALARM_FILE, 'PutMetricAlarm', (request: never) => sim.cloudWatch.putMetricAlarm(request));
  if (!alarm.ok) return alarm;
  const read = readRequestFile(files, CONFIGURATION_FILE);
  if (!read.ok) return read;
  try {
    sim.updateService({ service: SITUATION.serviceName, deploymentConfiguration: read.value.request as never });
  } catch (error) {
    if (!(error instanceof EcsError)) throw error;
    // The file is the deploymentConfiguration member: ECS names its fields from the request's top.
    const field = error.field?.replace(/^deploymentConfiguration\.?/, '');
    return { ok: false, problem: requestProblem(new EcsError(error.name, error.message, field || undefined), read.value, 'UpdateService') };
  }
  sim.control.advance(QUIET_SECONDS);
  const bad = deploy(world, 2);
  sim.control.advance(QUIET_SECONDS);
  const good = deploy(world, 3);
  const { strategy } = sim.describeServices({ services: [SITUATION.serviceName] }).services[0].deploymentConfiguration ?? {};
  const name = String((alarm.source.request as { AlarmName?: unknown }).AlarmName);
  return { ok: true, run: { bad, good }, observed: `CloudWatch created the alarm ${name}; checkout now deploys with the strategy ${strategy}.` };
}

/** "The deployment of checkout:2 ended ROLLBACK_SUCCESSFUL after 3 min (alarm monitor TRIGGERED: ...); running: ..." */
function outcome(revision: string, rollout: Rollout): string {
  const ended = isOngoing(rollout.status) ? 'was still' : 'ended';
  const why = rollout.rollbackReason ? ` (${rollout.rollbackReason})` : '';
  const firing = rollout.alarmsAtStart.filter((a) => a.state === 'ALARM').map((a) => a.name);
  const already = firing.length > 0 ? ` ${firing.join(', ')} was already in ALARM when it started.` : '';
  return `The deployment of ${revision} ${ended} ${rollout.status} after ${duration(rollout.seconds)}${why}, alarm monitor ${rollout.alarmStatus ?? 'DISABLED'}; running: ${describeRunning(rollout.running)}.${already}`;
}

const badRollsBack: Check<Run> = {
  id: 'bad-rolls-back',
  title: 'the deployment of checkout:2, which answers 20 % of requests with a 5xx, is rolled back by the alarm',
  hint: 'ECS rolls back on an alarm only when the deployment configuration names it, with rollback on, and only if it goes into ALARM during the deployment: an alarm already firing when the deployment starts is ignored.',
  verify({ bad }) {
    return { passed: bad.status === 'ROLLBACK_SUCCESSFUL' && bad.alarmStatus === 'TRIGGERED', observed: outcome('checkout:2', bad) };
  },
};

const errorBudget: Check<Run> = {
  id: 'error-budget',
  title: `at most ${ERROR_BUDGET} requests of the clients fail from the start of the checkout:2 deployment to its end`,
  hint: 'The failures are the share of production traffic on the bad version, for as long as it has it. A smaller first slice, and an alarm that decides on the first bad minute, both shrink that.',
  verify({ bad }) {
    const observed = `${bad.failedRequests} requests failed while checkout:2 was deployed (budget ${ERROR_BUDGET}); it had up to ${bad.mostProduction} % of production traffic.`;
    return { passed: bad.failedRequests <= ERROR_BUDGET && !isOngoing(bad.status), observed };
  },
};

const goodDeploys: Check<Run> = {
  id: 'good-deploys',
  title: `the deployment of checkout:3, as good as checkout:1, succeeds within ${duration(DEADLINE_SECONDS)}`,
  hint: 'Add up the waits: green starts, then every step and its bake, then the final bake. And every version answers 0.1 % of requests with a 5xx, about 6 a minute: an alarm that goes off on that rolls back good versions too.',
  verify({ good }) {
    const late = good.status === 'SUCCESSFUL' && good.seconds > DEADLINE_SECONDS ? ` That is past the ${duration(DEADLINE_SECONDS)} the release window allows.` : '';
    return { passed: good.status === 'SUCCESSFUL' && good.seconds <= DEADLINE_SECONDS, observed: `${outcome('checkout:3', good)}${late}` };
  },
};

const lab: LabChecks<Run> = {
  input: {
    id: 'requests-accepted',
    title: `${ALARM_FILE} is a PutMetricAlarm request CloudWatch accepts, and ${CONFIGURATION_FILE} a deployment configuration ECS accepts for checkout`,
    hint: 'The message is the service\'s own answer and names the field it refuses. The deployment configuration file holds what UpdateService takes as deploymentConfiguration, nothing around it.',
  },
  prepare,
  checks: [badRollsBack, errorBudget, goodDeploys],
};
export default lab;
