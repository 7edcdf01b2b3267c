import type { Check } from '../lab-kit/check-types.js';
import { duration } from '../lab-kit/words.js';
import { CALM_SECONDS, CUSTOMERS_PER_SECOND, LOST_ZONE } from './fault-run.js';
import { locate } from './shop-files.js';
import { judged, type PartRuns } from './shop-run.js';
import { SHOP } from './situation.js';

/** Part 3, load balancing: the customers reach web, and only web, through the internet-facing load balancer. */

export const customersServed: Check<PartRuns> = {
  id: 'lb-serves',
  title: `web's ${SHOP.desiredCount.web} tasks are healthy targets of web-blue, and customers calling ${SHOP.loadBalancer} at ${CUSTOMERS_PER_SECOND} requests a second see no failed request`,
  hint: 'ECS registers a service\'s tasks with the target groups in its loadBalancers: the target group, and the container name and port that take the traffic (the port mapping of web\'s container).',
  verify: ({ fault: { run } }) =>
    judged(run, ({ files, targets, customers }) => {
      const healthyWeb = targets.filter((t) => t.service === 'web' && t.state === 'healthy').length;
      const seen = `${customers.failedBefore} of ${customers.requests} customer requests failed in ${duration(CALM_SECONDS)}`;
      const passed = healthyWeb === SHOP.desiredCount.web && customers.requests > 0 && customers.failedBefore === 0;
      return {
        passed,
        observed: `The load balancer's target groups have ${healthyWeb} healthy targets of web; ${seen}.`,
        ...(passed ? {} : { location: locate(files.services, 'web', 'loadBalancers') }),
      };
    }),
};

export const onlyWebIsPublic: Check<PartRuns> = {
  id: 'lb-internal',
  title: `${SHOP.loadBalancer}, facing the internet, sends requests to web's tasks only: orders and worker are not its targets`,
  hint: 'orders is called by web, inside the VPC, through Service Connect; the worker takes its work from the queue. Neither needs a target group on the public load balancer.',
  verify: ({ fault: { run } }) =>
    judged(run, ({ files, targets }) => {
      const others = targets.filter((t) => t.service !== 'web');
      if (others.length === 0) return { passed: true, observed: `Every target of ${SHOP.loadBalancer} is a task of web.` };
      const services = [...new Set(others.map((t) => t.service))];
      const entry = services.find((s) => s === 'orders' || s === 'worker');
      return {
        passed: false,
        observed: `${SHOP.loadBalancer} also sends customers to ${others.length} task(s) of ${services.join(' and ')}.`,
        ...(entry ? { location: locate(files.services, entry, 'loadBalancers') } : {}),
      };
    }),
};

export const customersSurviveZoneLoss: Check<PartRuns> = {
  id: 'lb-zone-loss',
  title: `when the Availability Zone ${LOST_ZONE} is lost, the load balancer's customers see no failed request`,
  hint: 'The load balancer stops sending requests to targets that are gone, but it needs targets left in the other zones: how many zones do web\'s tasks run in?',
  verify: ({ fault: { run } }) =>
    judged(run, ({ files, customers, survivors }) =>
      customers.failedAfter === 0
        ? { passed: true, observed: `When ${LOST_ZONE} was lost, web kept ${survivors.web} tasks and no customer request failed.` }
        : {
            passed: false,
            observed: `When ${LOST_ZONE} was lost, web kept ${survivors.web} tasks, and customer requests failed for ${duration(customers.failingSecondsAfter)} (${customers.failedAfter} requests).`,
            location: locate(files.services, 'web', 'networkConfiguration.awsvpcConfiguration.subnets'),
          },
    ),
};
