import type { Check, LabChecks, LearnerFiles, Prepared } from '../lab-kit/check-types.js';
import { sendRequest } from '../lab-kit/ecs-request.js';
import { runningAt } from '../lab-kit/task-queries.js';
import { tasks } from '../lab-kit/words.js';
import { buildAccount, SITUATION } from './situation.js';

/**
 * Lab "Launch the campaign site with Express Mode": the learner's CreateExpressGatewayService request is sent;
 * customers call its endpoint, quietly, then at the launch, and later a bot storm hits it.
 */

const FILE = 'express-service.json';

interface Run {
  /** Failed requests of the customers in the first 5 minutes after the launch began. */
  launchFailures: number;
  launchRequests: number;
  mostTasks: number;
}

const minutes = (n: number) => n * 60;

function prepare(files: LearnerFiles): Prepared<Run> {
  const sim = buildAccount();
  const sent = sendRequest(files, FILE, 'CreateExpressGatewayService', (request: never) => sim.createExpressGatewayService(request));
  if (!sent.ok) return sent;
  const { service } = sent.value as { service: { serviceArn: string; cluster: string; activeConfigurations?: Array<{ ingressPaths?: Array<{ endpoint: string }> }> } };
  const endpoint = service.activeConfigurations?.[0]?.ingressPaths?.[0]?.endpoint ?? '';
  const cluster = service.cluster.slice(service.cluster.lastIndexOf('/') + 1);
  const name = service.serviceArn.slice(service.serviceArn.lastIndexOf('/') + 1);

  const mark = sim.control.historyMark();
  const url = `https://${endpoint}/`;
  sim.control.startTraffic({
    name: 'customers',
    url,
    requestsPerSecond: SITUATION.quietRps,
    pattern: { type: 'spike', toRequestsPerSecond: SITUATION.launchRps, atSecond: minutes(SITUATION.launchAfterMinutes), forSeconds: minutes(SITUATION.launchMinutes) },
  });
  sim.control.startTraffic({
    name: 'bots',
    url,
    requestsPerSecond: 0,
    pattern: { type: 'spike', toRequestsPerSecond: SITUATION.botRps, atSecond: minutes(SITUATION.botsAfterMinutes), forSeconds: minutes(SITUATION.botMinutes) },
  });
  sim.control.advance(minutes(SITUATION.botsAfterMinutes + SITUATION.botMinutes + 10));

  const launchStart = mark.time + minutes(SITUATION.launchAfterMinutes) * 1000;
  const launch = sim.control.trafficHistory('customers').filter((s) => s.time > launchStart && s.time <= launchStart + minutes(5) * 1000);
  const history = sim.control.taskHistory(name, cluster, mark);
  return {
    ok: true,
    run: {
      launchFailures: launch.reduce((sum, s) => sum + s.errors, 0),
      launchRequests: launch.reduce((sum, s) => sum + s.requests, 0),
      mostTasks: Math.max(0, ...history.map(runningAt)),
    },
    observed: `ECS created the Express service ${name}: a Fargate service in the cluster ${cluster} behind a shared load balancer, reached at https://${endpoint}/.`,
  };
}

const readyForLaunch: Check<Run> = {
  id: 'ready-for-launch',
  title: `no customer request fails in the first 5 minutes of the launch (${SITUATION.launchRps} requests a second, up from ${SITUATION.quietRps})`,
  hint: 'Target tracking scales out only after the CPU has been high for a few minutes, and one task serves about 200 requests a second. The launch time is known: how many tasks should already be running when it comes?',
  verify({ launchFailures, launchRequests }) {
    return { passed: launchFailures === 0, observed: `${launchFailures} of ${launchRequests} customer requests failed in the first 5 minutes of the launch.` };
  },
};

const withinBudget: Check<Run> = {
  id: 'within-budget',
  title: `at no time do more than ${tasks(SITUATION.mostTasks)} run, not even when a bot storm hits the site`,
  hint: 'Express Mode scales the service between scalingTarget.minTaskCount and maxTaskCount; left out, the maximum here is 20. A storm of requests nobody pays for would be served at your cost.',
  verify({ mostTasks }) {
    return { passed: mostTasks > 0 && mostTasks <= SITUATION.mostTasks, observed: `At most ${tasks(mostTasks)} ran at once (the campaign's budget is ${SITUATION.mostTasks}).` };
  },
};

const lab: LabChecks<Run> = {
  input: {
    id: 'request-accepted',
    title: `${FILE} is a CreateExpressGatewayService request ECS accepts`,
    hint: 'ECS\'s message names the member it refuses. Express Mode needs the image, the execution role its tasks run with, and the infrastructure role it builds the load balancer and scaling with.',
  },
  prepare,
  checks: [readyForLaunch, withinBudget],
};
export default lab;
