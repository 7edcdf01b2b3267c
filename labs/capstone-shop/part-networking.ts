import type { Check } from '../lab-kit/check-types.js';
import { duration } from '../lab-kit/words.js';
import { CALM_SECONDS, LOST_ZONE, ORDERS_ALIAS, ORDERS_CALLS_PER_SECOND, type ClientsSaw } from './fault-run.js';
import { SETTLE_SECONDS, stopReasons } from './launch-shop.js';
import { entryOf, FILES, locate, waitFor } from './shop-files.js';
import { accepted, judged, type PartRuns } from './shop-run.js';
import { APPS, SHOP } from './situation.js';

/** Part 2, networking: where the tasks live, how web finds orders, and what a lost Availability Zone does. */

export const servicesSettle: Check<PartRuns> = {
  id: 'net-services',
  title: `ECS accepts the services orders, worker and web of ${FILES.services}, and each reaches a steady state within ${duration(SETTLE_SECONDS)}`,
  hint: 'ECS names the field it refuses. Fargate tasks use awsvpc: each service needs a networkConfiguration. A service that never settles has tasks that keep stopping: read its events.',
  verify({ fault: { launch } }) {
    if (!launch.ok) return accepted(launch.stage === 'services' ? launch : waitFor('ECS registers the task definitions (part 1)', launch.problem), '');
    const { steady, sim } = launch.value;
    const unsettled = APPS.filter((app) => !steady[app]);
    if (unsettled.length === 0) return { passed: true, observed: 'ECS created orders, worker and web, and each reached a steady state.' };
    const [first] = unsettled;
    const stops = stopReasons(sim, first);
    const why = stops.length > 0 ? `Its tasks stopped ${stops.length} time(s), the last with "${stops[stops.length - 1]}".` : `Its latest event: "${sim.describeServices({ cluster: SHOP.cluster, services: [first] }).services[0].events[0]?.message ?? 'none'}".`;
    return { passed: false, observed: `${unsettled.join(' and ')} did not reach a steady state in ${duration(SETTLE_SECONDS)}. ${first}: ${why}` };
  },
};

export const tasksInPrivateSubnets: Check<PartRuns> = {
  id: 'net-private',
  title: `every task runs in the private subnets (${SHOP.privateSubnets.join(', ')}) without a public IP address`,
  hint: 'Only the load balancer belongs in the public subnets. Tasks in private subnets reach ECR through the VPC\'s NAT gateway, so they need no public IP: assignPublicIp DISABLED.',
  verify: ({ fault: { run } }) =>
    judged(run, ({ services, files }) => {
      for (const app of APPS) {
        const vpc = services[app].networkConfiguration?.awsvpcConfiguration;
        const outside = (vpc?.subnets ?? []).filter((subnet) => !(SHOP.privateSubnets as readonly string[]).includes(subnet));
        if (outside.length > 0) {
          return { passed: false, observed: `${app} runs tasks in ${outside.join(', ')}, which is not one of the private subnets.`, location: locate(files.services, app, 'networkConfiguration.awsvpcConfiguration.subnets') };
        }
        if (vpc?.assignPublicIp === 'ENABLED') {
          return { passed: false, observed: `${app}'s tasks get a public IP address (assignPublicIp ENABLED).`, location: locate(files.services, app, 'networkConfiguration.awsvpcConfiguration.assignPublicIp') };
        }
      }
      return { passed: true, observed: 'The tasks of orders, worker and web run in the private subnets, with no public IP address.' };
    }),
};

export const webFindsOrders: Check<PartRuns> = {
  id: 'net-service-connect',
  title: `web calls orders at http://${ORDERS_ALIAS} through Service Connect (namespace ${SHOP.namespace}), and every call succeeds`,
  hint: `With Service Connect, the service that answers (orders) publishes a client alias, the name and port callers use, for its named port mapping; the service that calls (web) turns Service Connect on in the same namespace to get the proxy that knows the name.`,
  verify: ({ fault: { run } }) =>
    judged(run, ({ files, ordersCalls }) => {
      const web = entryOf(files.services, 'web').serviceConnectConfiguration as { enabled?: unknown; namespace?: unknown } | undefined;
      if (web?.enabled !== true || web.namespace !== SHOP.namespace) {
        return { passed: false, observed: `web does not take part in Service Connect in the namespace ${SHOP.namespace}, so it has no proxy that knows the name ${ORDERS_ALIAS}.`, location: locate(files.services, 'web', 'serviceConnectConfiguration') };
      }
      const { requests, failedBefore } = ordersCalls;
      return failedBefore === 0 && requests > 0
        ? { passed: true, observed: `web's ${requests} calls to http://${ORDERS_ALIAS} in ${duration(CALM_SECONDS)} all succeeded.` }
        : { passed: false, observed: `${failedBefore} of web's ${requests} calls to http://${ORDERS_ALIAS} failed (${ORDERS_CALLS_PER_SECOND} a second for ${duration(CALM_SECONDS)}).`, location: locate(files.services, 'orders', 'serviceConnectConfiguration') };
    }),
};

export const survivesZoneLoss: Check<PartRuns> = {
  id: 'net-zone-loss',
  title: `when the Availability Zone ${LOST_ZONE} is lost, web and orders keep running tasks and web's calls to orders do not fail`,
  hint: 'A service puts its tasks in the subnets it names, one zone each. With a single subnet, every task is in the same zone, and a lost zone takes them all until replacements start somewhere else.',
  verify: ({ fault: { run } }) =>
    judged(run, ({ files, survivors, ordersCalls }) => {
      const wiped = (['web', 'orders'] as const).filter((app) => survivors[app] === 0);
      if (wiped.length > 0) {
        return { passed: false, observed: `When ${LOST_ZONE} was lost, ${wiped.join(' and ')} had no task left running. ${callsAfter(ordersCalls)}`, location: locate(files.services, wiped[0], 'networkConfiguration.awsvpcConfiguration.subnets') };
      }
      return { passed: ordersCalls.failedAfter === 0, observed: `When ${LOST_ZONE} was lost, web kept ${survivors.web} and orders ${survivors.orders} tasks running. ${callsAfter(ordersCalls)}` };
    }),
};

function callsAfter(saw: ClientsSaw): string {
  return saw.failedAfter === 0 ? 'No call to orders failed.' : `Calls to orders failed for ${duration(saw.failingSecondsAfter)} (${saw.failedAfter} calls).`;
}
