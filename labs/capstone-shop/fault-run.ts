import type { EcsSimulator, Service } from '../../core/index.js';
import { launchedFor, launchShop, type ByApp, type Launch } from './launch-shop.js';
import type { Judged, ShopFiles } from './shop-files.js';
import { APPS, SHOP, type App } from './situation.js';

/**
 * Parts 2 and 3 watch the same run: the learner's shop settled, customers calling the load balancer and web
 * calling orders by its Service Connect name for CALM_SECONDS, then the Availability Zone of each service's
 * first subnet lost (the simulator puts a service's first subnet in us-east-1a), watched for AFTER_SECONDS.
 */
export const CALM_SECONDS = 2 * 60;
const AFTER_SECONDS = 3 * 60;
export const LOST_ZONE = 'us-east-1a';
export const CUSTOMERS_PER_SECOND = 300;
export const ORDERS_CALLS_PER_SECOND = 100;
/** The name web calls orders by, through Service Connect. */
export const ORDERS_ALIAS = 'orders';

/** What one kind of client saw: before the fault, and after it. */
export interface ClientsSaw {
  requests: number;
  failedBefore: number;
  /** Seconds with a failed request after the fault. */
  failingSecondsAfter: number;
  failedAfter: number;
}

export interface FaultRun {
  files: ShopFiles;
  services: ByApp<Service>;
  steady: ByApp<boolean>;
  /** Each target of the load balancer's two target groups, by the service whose task it is. */
  targets: Array<{ service: string; state: string }>;
  customers: ClientsSaw;
  ordersCalls: ClientsSaw;
  /** Tasks running just after the zone was lost. */
  survivors: ByApp<number>;
}

/** The launch on its own (part 2's first check reports it), and the run when there was one. */
export interface FaultOutcome {
  launch: Launch;
  run: Judged<FaultRun>;
}

export function runUnderFault(files: ShopFiles): FaultOutcome {
  const launch = launchShop(files);
  const launched = launchedFor(launch);
  if (!launched.ok) return { launch, run: launched };
  const { sim, arns, services, steady } = launched.value;
  const targets = [arns.webBlue, arns.webGreen].flatMap((arn) =>
    sim.elbv2.describeTargetHealth({ TargetGroupArn: arn }).TargetHealthDescriptions.map((d) => ({ service: serviceOfTarget(sim, d.Target.Id), state: d.TargetHealth.State })),
  );
  sim.control.startTraffic({ name: 'customers', loadBalancer: SHOP.loadBalancer, requestsPerSecond: CUSTOMERS_PER_SECOND });
  sim.control.startTraffic({ name: 'web-to-orders', serviceConnect: ORDERS_ALIAS, requestsPerSecond: ORDERS_CALLS_PER_SECOND });
  sim.control.advance(CALM_SECONDS);
  const faultAt = sim.control.now * 1000;
  sim.control.failZone({ availabilityZone: LOST_ZONE });
  const survivors = {} as ByApp<number>;
  for (const app of APPS) survivors[app] = runningTasks(sim, app);
  sim.control.advance(AFTER_SECONDS);
  return {
    launch,
    run: {
      ok: true,
      value: { files, services, steady, targets, customers: clientsSaw(sim, 'customers', faultAt), ordersCalls: clientsSaw(sim, 'web-to-orders', faultAt), survivors },
    },
  };
}

/** The service of the task whose ENI has the target's IP address (a task of no service: "a standalone task"). */
function serviceOfTarget(sim: EcsSimulator, ip: string): string {
  for (const app of APPS) {
    const arns = sim.listTasks({ cluster: SHOP.cluster, serviceName: app }).taskArns;
    const tasks = arns.length === 0 ? [] : sim.describeTasks({ cluster: SHOP.cluster, tasks: arns }).tasks;
    const owns = tasks.some((task) => task.attachments?.some((a) => a.details?.some((d) => d.name === 'privateIPv4Address' && d.value === ip)));
    if (owns) return app;
  }
  return 'a standalone task';
}

function runningTasks(sim: EcsSimulator, app: App): number {
  return sim.listTasks({ cluster: SHOP.cluster, serviceName: app, desiredStatus: 'RUNNING' }).taskArns.length;
}

function clientsSaw(sim: EcsSimulator, name: string, faultAt: number): ClientsSaw {
  const history = sim.control.trafficHistory(name);
  const sum = (records: typeof history, key: 'requests' | 'errors') => records.reduce((total, r) => total + r[key], 0);
  const before = history.filter((r) => r.time <= faultAt);
  const failing = history.filter((r) => r.time > faultAt && r.errors > 0);
  return { requests: sum(before, 'requests'), failedBefore: sum(before, 'errors'), failingSecondsAfter: failing.length, failedAfter: sum(failing, 'errors') };
}
