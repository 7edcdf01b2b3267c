import type { EcsSimulator } from '../../core/index.js';
import type { Check } from '../lab-kit/check-types.js';
import { duration, tasks } from '../lab-kit/words.js';
import { launchedFor, launchShop, type ByApp } from './launch-shop.js';
import { FILES, locate, sendEntry, type Judged, type ShopFiles } from './shop-files.js';
import { accepted, judged, type PartRuns } from './shop-run.js';
import { ordersOnQueue, SHOP } from './situation.js';

/**
 * Part 4, scaling: the learner's scaling.json on the settled shop, then a sale. Customers call the load
 * balancer at BASE_RPS; SALE_AT into the run they jump to SALE_RPS for SALE_SECONDS, and SALE_ORDERS orders
 * land on the queue at once. The run goes on AFTER_SALE_SECONDS after the sale, sampled every minute.
 */
const BASE_RPS = 200;
const SALE_RPS = 1500;
const SALE_AT_SECONDS = 5 * 60;
const SALE_SECONDS = 20 * 60;
const AFTER_SALE_SECONDS = 40 * 60;
const SALE_ORDERS = 600;
/** From this long into the sale on, no customer request may fail. */
const CAUGHT_UP_WITHIN_SECONDS = 10 * 60;
/** What the shop may spend on web: at most this many tasks. */
const WEB_BUDGET_TASKS = 12;
const ORDERS_TAKEN_WITHIN_SECONDS = 10 * 60;
const SCALED = ['web', 'worker'] as const;
type Scaled = (typeof SCALED)[number];

const resourceId = (service: Scaled) => `service/${SHOP.cluster}/${service}`;

/** One minute of the run: where the services and the queue stood at its end, and what the customers saw in it. */
interface Minute {
  desired: Record<Scaled, number>;
  queued: number;
  failedRequests: number;
}

export interface ScalingRun {
  files: ShopFiles;
  minutes: Minute[];
}

function applyScaling(sim: EcsSimulator, files: ShopFiles): Judged<null> {
  const source = files.scaling;
  const lists: Array<[string, string, (request: never) => unknown]> = [
    ['scalableTargets', 'RegisterScalableTarget', (r) => sim.applicationAutoScaling.registerScalableTarget(r)],
    ['scalingPolicies', 'PutScalingPolicy', (r) => sim.applicationAutoScaling.putScalingPolicy(r)],
  ];
  for (const [list, operation, call] of lists) {
    for (let i = 0; i < (source.request[list] as unknown[]).length; i++) {
      const sent = sendEntry(source, `${list}[${i}]`, operation, call);
      if (!sent.ok) return sent;
    }
  }
  for (const service of SCALED) {
    const { ScalableTargets } = sim.applicationAutoScaling.describeScalableTargets({ ServiceNamespace: 'ecs', ResourceIds: [resourceId(service)] });
    const { ScalingPolicies } = sim.applicationAutoScaling.describeScalingPolicies({ ServiceNamespace: 'ecs', ResourceId: resourceId(service) });
    if (ScalableTargets.length === 0 || ScalingPolicies.length === 0) {
      const missing = ScalableTargets.length === 0 ? 'no scalable target' : 'a scalable target but no scaling policy';
      return { ok: false, problem: { message: `${FILES.scaling} gives ${resourceId(service)} ${missing}: web and worker each need both.`, location: locate(source, ScalableTargets.length === 0 ? 'scalableTargets' : 'scalingPolicies') } };
    }
  }
  return { ok: true, value: null };
}

export interface ScalingOutcome {
  /** Application Auto Scaling's answer to scaling.json, on its own (part 4's first check). */
  acceptance: Judged<null>;
  run: Judged<ScalingRun>;
}

export function runScaling(files: ShopFiles): ScalingOutcome {
  const launched = launchedFor(launchShop(files), true);
  if (!launched.ok) return { acceptance: launched, run: launched };
  const { sim } = launched.value;
  const acceptance = applyScaling(sim, files);
  if (!acceptance.ok) return { acceptance, run: acceptance };
  sim.control.startTraffic({
    name: 'customers',
    loadBalancer: SHOP.loadBalancer,
    requestsPerSecond: BASE_RPS,
    pattern: { type: 'spike', toRequestsPerSecond: SALE_RPS, atSecond: SALE_AT_SECONDS, forSeconds: SALE_SECONDS },
  });
  const minutes: Minute[] = [];
  let failedSoFar = 0;
  for (let minute = 1; minute * 60 <= SALE_AT_SECONDS + SALE_SECONDS + AFTER_SALE_SECONDS; minute++) {
    if ((minute - 1) * 60 === SALE_AT_SECONDS) sim.control.produceMessages({ queue: SHOP.queue, count: SALE_ORDERS });
    sim.control.advance(60);
    const failed = sim.control.trafficHistory('customers').reduce((total, r) => total + r.errors, 0);
    const desired = Object.fromEntries(SCALED.map((s) => [s, sim.describeServices({ cluster: SHOP.cluster, services: [s] }).services[0].desiredCount])) as Record<Scaled, number>;
    minutes.push({ desired, queued: ordersOnQueue(sim), failedRequests: failed - failedSoFar });
    failedSoFar = failed;
  }
  return { acceptance, run: { ok: true, value: { files, minutes } } };
}

const minutesOf = (seconds: number) => seconds / 60;
const saleMinutes = (run: ScalingRun) => run.minutes.slice(minutesOf(SALE_AT_SECONDS), minutesOf(SALE_AT_SECONDS + SALE_SECONDS));
const countsSeen = (counts: number[]) => counts.filter((count, i) => i === 0 || count !== counts[i - 1]).join(' → ');
const policyOf = (files: ShopFiles, service: Scaled) => {
  const policies = files.scaling.request.scalingPolicies as Array<{ ResourceId?: unknown }>;
  const index = policies.findIndex((p) => p.ResourceId === resourceId(service));
  return index >= 0 ? `scalingPolicies[${index}]` : 'scalingPolicies';
};
const targetOf = (files: ShopFiles, service: Scaled) => {
  const targets = files.scaling.request.scalableTargets as Array<{ ResourceId?: unknown }>;
  const index = targets.findIndex((t) => t.ResourceId === resourceId(service));
  return index >= 0 ? `scalableTargets[${index}]` : 'scalableTargets';
};

export const scalingAccepted: Check<PartRuns> = {
  id: 'scale-accepted',
  title: `Application Auto Scaling accepts ${FILES.scaling}: a scalable target and a scaling policy for each of web and worker`,
  hint: 'Application Auto Scaling names the field it refuses. Both requests of a service name the same ResourceId, service/<cluster>/<service>, with ServiceNamespace ecs and ScalableDimension ecs:service:DesiredCount.',
  verify: ({ scaling: { acceptance } }) => accepted(acceptance, 'Application Auto Scaling registered web and worker, each with a scaling policy.'),
};

export const webKeepsUp: Check<PartRuns> = {
  id: 'scale-web',
  title: `during a sale (customers ${BASE_RPS} → ${SALE_RPS} requests a second), no request fails from ${duration(CAUGHT_UP_WITHIN_SECONDS)} into it on, and web never runs more than ${tasks(WEB_BUDGET_TASKS)}`,
  hint: 'One web task serves about 200 requests a second. Target tracking adds tasks in proportion to how far its metric is above the target, up to MaxCapacity, and waits between steps. Does the policy have room to reach enough tasks, within the budget?',
  verify: ({ scaling: { run } }) =>
    judged(run, (value) => {
      const sale = saleMinutes(value);
      const late = sale.slice(minutesOf(CAUGHT_UP_WITHIN_SECONDS));
      const failedLate = late.reduce((total, m) => total + m.failedRequests, 0);
      const counts = value.minutes.map((m) => m.desired.web);
      const most = Math.max(...counts);
      const seen = `web's desired count went ${countsSeen(counts)}`;
      if (most > WEB_BUDGET_TASKS) return { passed: false, observed: `${seen}: ${most} tasks, over the budget of ${WEB_BUDGET_TASKS}.`, location: locate(value.files.scaling, targetOf(value.files, 'web'), 'MaxCapacity') };
      if (failedLate > 0) return { passed: false, observed: `${seen}; from ${duration(CAUGHT_UP_WITHIN_SECONDS)} into the sale on, ${failedLate} customer requests still failed.`, location: locate(value.files.scaling, policyOf(value.files, 'web')) };
      const failedEarly = sale.reduce((total, m) => total + m.failedRequests, 0);
      return { passed: true, observed: `${seen}; ${failedEarly} requests failed while it scaled out, none after.` };
    }),
};

export const workerTakesTheRush: Check<PartRuns> = {
  id: 'scale-worker',
  title: `the ${SALE_ORDERS} orders of the sale are all taken off the queue within ${duration(ORDERS_TAKEN_WITHIN_SECONDS)}`,
  hint: `One worker takes an order every 2 seconds: ${SALE_ORDERS} orders would take it ${duration(SALE_ORDERS * 2)}. A queue worker's CPU says little about the work waiting; the backlog per task (messages visible ÷ running tasks) does.`,
  verify: ({ scaling: { run } }) =>
    judged(run, (value) => {
      const after = value.minutes.slice(minutesOf(SALE_AT_SECONDS));
      const empty = after.findIndex((m) => m.queued === 0);
      const counts = countsSeen(after.map((m) => m.desired.worker));
      if (empty >= 0 && (empty + 1) * 60 <= ORDERS_TAKEN_WITHIN_SECONDS) {
        return { passed: true, observed: `The queue was empty ${duration((empty + 1) * 60)} after the orders arrived; the worker's desired count went ${counts}.` };
      }
      const within = after[minutesOf(ORDERS_TAKEN_WITHIN_SECONDS) - 1];
      return {
        passed: false,
        observed: `${duration(ORDERS_TAKEN_WITHIN_SECONDS)} after the orders arrived, ${within.queued} were still on the queue; the worker's desired count went ${counts}.`,
        location: locate(value.files.scaling, policyOf(value.files, 'worker')),
      };
    }),
};

export const backToNormal: Check<PartRuns> = {
  id: 'scale-in',
  title: `${duration(AFTER_SALE_SECONDS)} after the sale, web is back to ${tasks(SHOP.desiredCount.web)} and worker to ${tasks(SHOP.desiredCount.worker)}`,
  hint: 'After the load, target tracking removes tasks slowly, down to MinCapacity, unless its policy says DisableScaleIn. Scaling in below the usual size is no saving either: web keeps one task per zone.',
  verify: ({ scaling: { run } }) =>
    judged(run, (value) => {
      const last = value.minutes[value.minutes.length - 1].desired;
      const usual: ByApp<number> = SHOP.desiredCount;
      const off = SCALED.filter((s) => last[s] !== usual[s]);
      const observed = `${duration(AFTER_SALE_SECONDS)} after the sale, web wants ${tasks(last.web)} and worker ${tasks(last.worker)}.`;
      return off.length === 0 ? { passed: true, observed } : { passed: false, observed, location: locate(value.files.scaling, policyOf(value.files, off[0])) };
    }),
};

