import type { Check } from '../lab-kit/check-types.js';
import { duration } from '../lab-kit/words.js';
import { registerTaskDefinitions, stopReasons } from './launch-shop.js';
import { FILES, locate, type Judged, type ShopFiles } from './shop-files.js';
import { accepted, judged, type PartRuns } from './shop-run.js';
import { APPS, buildShop, ordersOnQueue, SHOP, type App } from './situation.js';

/**
 * Part 1, task definitions: the three task definitions on their own. Each runs as a one-task service with the
 * lab's own network settings (and no health check grace period), and 20 orders wait on the queue: after
 * WATCH_SECONDS, did each task stay up, and did the worker take the orders?
 */
const WATCH_SECONDS = 5 * 60;
const WAITING_ORDERS = 20;

export interface TaskDefinitionsRun {
  files: ShopFiles;
  /** Why a task of each application stopped, in order (empty: it stayed up). */
  stops: Record<App, string[]>;
  ordersTaken: number;
  workerTaskRole?: string;
}

export function runTaskDefinitions(files: ShopFiles): Judged<TaskDefinitionsRun> {
  const { sim } = buildShop();
  const registered = registerTaskDefinitions(sim, files);
  if (!registered.ok) return registered;
  const network = { awsvpcConfiguration: { subnets: [...SHOP.privateSubnets], assignPublicIp: 'DISABLED' } };
  for (const app of APPS) sim.createService({ cluster: SHOP.cluster, serviceName: app, taskDefinition: `${app}:1`, desiredCount: 1, launchType: 'FARGATE', networkConfiguration: network } as never);
  sim.control.produceMessages({ queue: SHOP.queue, count: WAITING_ORDERS });
  sim.control.advance(WATCH_SECONDS);
  return {
    ok: true,
    value: {
      files,
      stops: { web: stopReasons(sim, 'web'), orders: stopReasons(sim, 'orders'), worker: stopReasons(sim, 'worker') },
      ordersTaken: WAITING_ORDERS - ordersOnQueue(sim),
      workerTaskRole: registered.value.worker.taskRoleArn,
    },
  };
}

export const taskDefinitionsRegister: Check<PartRuns> = {
  id: 'td-register',
  title: `ECS registers the task definitions web, orders and worker of ${FILES.taskDefinitions}, each for Fargate`,
  hint: 'ECS names the field it refuses. Fargate wants requiresCompatibilities ["FARGATE"], networkMode awsvpc, a task-level cpu and memory pair it offers, and an execution role to pull images from ECR.',
  verify: ({ taskDefinitions }) => accepted(taskDefinitions, 'ECS registered web:1, orders:1 and worker:1, all three for Fargate.'),
};

export const taskDefinitionsStayUp: Check<PartRuns> = {
  id: 'td-stay-up',
  title: `a task of each, run as a one-task service, is still the same task ${duration(WATCH_SECONDS)} later`,
  hint: 'Read why the stopped tasks stopped. A container killed for its memory needs more memory in its task; a health check that fails while the application warms up needs a startPeriod longer than the warm-up.',
  verify: ({ taskDefinitions }) =>
    judged(taskDefinitions, ({ stops, files }) => {
      const restless = APPS.filter((app) => stops[app].length > 0);
      if (restless.length === 0) return { passed: true, observed: `No task of web, orders or worker stopped in ${duration(WATCH_SECONDS)}.` };
      const first = restless[0];
      return {
        passed: false,
        observed: restless.map((app) => `${app}: its task stopped ${stops[app].length} time(s), the first with "${stops[app][0]}"`).join('; ') + '.',
        location: locate(files.taskDefinitions, first, 'containerDefinitions'),
      };
    }),
};

export const workerTakesOrders: Check<PartRuns> = {
  id: 'td-worker-role',
  title: `the worker takes all ${WAITING_ORDERS} waiting orders off the queue ${SHOP.queue} within ${duration(WATCH_SECONDS)}`,
  hint: 'The worker calls SQS with the credentials of its task role, not those of the execution role (which is for ECS\'s agent: pulling the image, writing logs). Which role in the account may receive and delete the queue\'s messages?',
  verify: ({ taskDefinitions }) =>
    judged(taskDefinitions, ({ ordersTaken, workerTaskRole, files }) =>
      ordersTaken === WAITING_ORDERS
        ? { passed: true, observed: `The worker took all ${WAITING_ORDERS} orders, as ${workerTaskRole}.` }
        : {
            passed: false,
            observed: `The worker took ${ordersTaken} of ${WAITING_ORDERS} orders in ${duration(WATCH_SECONDS)}; its task role is ${workerTaskRole ?? 'not set'}.`,
            location: locate(files.taskDefinitions, 'worker', 'taskRoleArn'),
          },
    ),
};
