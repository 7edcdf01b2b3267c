import { defineMetricsMinute } from '../application-auto-scaling/metrics-and-scaling.js';
import { createCloudMapState } from '../cloud-map/cloud-map-state.js';
import { createCloudWatchHooks } from '../cloudwatch/cloudwatch-hooks.js';
import { createObservabilityState } from '../cloudwatch/observability-state.js';
import { createCostLedger, subscribeCostMeter } from '../cost/cost-meter.js';
import { subscribeIntegrations } from '../ecs/integrations/subscribe-integrations.js';
import { createEcsHooks } from '../ecs/model/ecs-hooks.js';
import { ImageCatalogue } from '../ecs/model/image-catalogue.js';
import { createEcsState, type ServiceRecord } from '../ecs/model/state.js';
import { TaskCensus } from '../ecs/model/task-census.js';
import { watchDeploymentAlarms } from '../ecs/services/deployment-alarm-watch.js';
import { watchManagedDaemonTasks } from '../ecs/services/managed-daemon-task-watch.js';
import { createManagedDaemonsState } from '../ecs/model/managed-daemon-state.js';
import { createStorageState } from '../efs/storage-state.js';
import { createElbState } from '../elb/elb-state.js';
import { watchExpressDeletions } from '../express-mode/delete-express-service.js';
import { createExpressState } from '../express-mode/express-state.js';
import { watchEvents } from '../eventbridge/rules.js';
import { createIamState } from '../iam/iam-state.js';
import { createKernelContext, type SimContext, type SimState, type SimulatorOptions } from '../kernel/context.js';
import { createSqsState } from '../sqs/queue-state.js';
import { createSqsHooks } from '../sqs/sqs-hooks.js';
import { createVpcState } from '../vpc/vpc-state.js';
import { watchWorkers } from '../workload/queue-workers.js';

/** Every service's state, empty. */
function createState(): SimState {
  return {
    ...createEcsState(),
    elb: createElbState(),
    iam: createIamState(),
    storage: createStorageState(),
    cloudMap: createCloudMapState(),
    traffic: new Map(),
    costLedger: createCostLedger(),
    managedInstancesProviders: new Map(),
    managedDaemons: createManagedDaemonsState(),
    rules: new Map(),
    blueGreen: new Map(),
    blueGreenDone: new Map(),
    metrics: new Map(),
    scalableTargets: new Map(),
    alarms: new Map(),
    metricAlarms: new Map(),
    sqs: createSqsState(),
    observability: createObservabilityState(),
    express: createExpressState(),
    vpc: createVpcState(),
  };
}

/**
 * One simulator's context: the kernel, every service's state and hooks, and the subscriptions that join the
 * services (the only place that knows them all). Subscription order is the order of effects.
 */
export function createContext(options: SimulatorOptions, requestServicePass: (service: ServiceRecord) => void): SimContext {
  const ctx: SimContext = Object.assign(createKernelContext(options), {
    state: createState(),
    hooks: { ...createEcsHooks(), ...createCloudWatchHooks(), ...createSqsHooks() },
    census: new TaskCensus(),
    images: new ImageCatalogue(),
    requestServicePass,
  });
  subscribeCostMeter(ctx.hooks);
  subscribeIntegrations(ctx.hooks);
  watchDeploymentAlarms(ctx.hooks);
  watchManagedDaemonTasks(ctx.hooks);
  watchExpressDeletions(ctx.hooks);
  defineMetricsMinute(ctx);
  watchEvents(ctx);
  // Worker containers poll queues from the first queue on.
  ctx.hooks.queueCreated.on(watchWorkers);
  return ctx;
}
