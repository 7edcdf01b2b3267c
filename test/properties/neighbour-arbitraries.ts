import fc from 'fast-check';
import { BLUE_GREEN_CONFIGS, IMAGES, SERVICES, type Op, type ServiceName } from './chaos-ops.js';
import { BLUE_GREEN_SERVICE, EXTERNAL_SERVICE, RULES, type NeighbourOp, type ScheduleChoice, type StepAdjustmentChoice } from './neighbour-ops.js';

const service = fc.constantFrom(...SERVICES);
/** Mostly the service made for it, sometimes any other (whose answer may well be a refusal). */
const mostly = (name: ServiceName) => fc.oneof({ arbitrary: fc.constant(name), weight: 3 }, { arbitrary: service, weight: 1 });
const rule = fc.constantFrom(...RULES);
const op = <K extends NeighbourOp['op']>(name: K) => fc.constant(name);

const createQueues: fc.Arbitrary<Op> = fc.record(
  { op: op('createQueues'), visibility: fc.constantFrom(5, 20, 60), maxReceiveCount: fc.integer({ min: 1, max: 3 }) },
  { requiredKeys: ['op', 'visibility'] },
);

const workerImage: fc.Arbitrary<Op> = fc.record({ op: op('registerWorkerImage'), image: fc.constantFrom(...IMAGES), secondsPerMessage: fc.integer({ min: 1, max: 40 }) });

const schedule: fc.Arbitrary<ScheduleChoice> = fc.oneof(
  fc.constant({ kind: 'every-minute' as const }),
  fc.constant({ kind: 'every-5-minutes' as const }),
  fc.record({ kind: fc.constant('hourly' as const), minute: fc.integer({ min: 0, max: 59 }) }),
  fc.record({ kind: fc.constant('once' as const), minutesAhead: fc.integer({ min: 1, max: 30 }) }),
);

const scheduleRule: fc.Arbitrary<Op> = fc.record({ op: op('putScheduleRule'), rule, schedule, taskCount: fc.integer({ min: 1, max: 2 }) });
const patternRule: fc.Arbitrary<Op> = fc.record({ op: op('putPatternRule'), rule, pattern: fc.constantFrom('custom' as const, 'service-task-stopped' as const), taskCount: fc.integer({ min: 1, max: 2 }) });

const adjustment: fc.Arbitrary<StepAdjustmentChoice> = fc.oneof(
  fc.record({ type: fc.constant('ChangeInCapacity' as const), by: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ type: fc.constant('PercentChangeInCapacity' as const), by: fc.constantFrom(10, 50, 200) }),
  fc.record({ type: fc.constant('ExactCapacity' as const), to: fc.integer({ min: 0, max: 8 }) }),
);

const stepScale: fc.Arbitrary<Op> = fc
  .record({ service, min: fc.integer({ min: 0, max: 3 }), extra: fc.integer({ min: 0, max: 5 }), direction: fc.constantFrom('out' as const, 'in' as const), threshold: fc.constantFrom(5, 30, 80), adjustment })
  .map(({ min, extra, ...rest }): Op => ({ op: 'stepScale', ...rest, min, max: min + extra }));

/** Either bound alone (which may cross the target's other bound), or both with the minimum at most the maximum. */
const scheduledBounds = fc.oneof(
  fc.record({ min: fc.integer({ min: 0, max: 6 }) }),
  fc.record({ max: fc.integer({ min: 0, max: 8 }) }),
  fc.record({ min: fc.integer({ min: 0, max: 4 }), extra: fc.integer({ min: 0, max: 4 }) }).map(({ min, extra }) => ({ min, max: min + extra })),
);

const scheduleScaling: fc.Arbitrary<Op> = fc
  .record({ service, bounds: scheduledBounds, recurring: fc.boolean(), minutesAhead: fc.integer({ min: 1, max: 5 }) })
  .map(({ bounds, ...rest }): Op => ({ op: 'scheduleScaling', ...rest, ...bounds }));

const messages: fc.Arbitrary<Op> = fc.record({ op: op('sendMessages'), count: fc.integer({ min: 1, max: 5 }), poison: fc.constant(false), delay: fc.constantFrom(0, 10) });

/** A CodeDeploy blue/green deployment of a revision, its replacement behind either target group. */
const blueGreenOf = (target: fc.Arbitrary<ServiceName>, green: fc.Arbitrary<0 | 1 | 'idle'>): fc.Arbitrary<Op> =>
  fc.record({ op: fc.constant('blueGreenDeploy' as const), service: target, revision: fc.integer({ min: 1, max: 6 }), config: fc.constantFrom(...BLUE_GREEN_CONFIGS), green });

export const blueGreenDeploy = blueGreenOf(service, fc.constantFrom(0 as const, 1 as const));
const taskSetService = mostly(EXTERNAL_SERVICE);

const pick = fc.nat(20);
const scale = fc.constantFrom(0, 30, 50, 100);

/** Queues and the test's consumer: sends, receives by hand, deletes (with fresh or stale handles), settings. */
const queueOps: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: createQueues, weight: 1 },
  {
    arbitrary: fc.record(
      { op: op('setQueueAttributes'), visibility: fc.constantFrom(5, 20, 60), maxReceiveCount: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }) },
      { requiredKeys: ['op'] },
    ),
    weight: 1,
  },
  { arbitrary: messages, weight: 3 },
  {
    arbitrary: fc.record(
      {
        op: op('receiveMessages'),
        from: fc.constantFrom('main' as const, 'main' as const, 'dlq' as const),
        max: fc.integer({ min: 1, max: 10 }),
        visibility: fc.constantFrom(2, 10, 30),
        deleteAtOnce: fc.boolean(),
      },
      { requiredKeys: ['op', 'from', 'max', 'deleteAtOnce'] },
    ),
    weight: 3,
  },
  { arbitrary: fc.record({ op: op('deleteReceived'), pick }), weight: 2 },
  { arbitrary: workerImage, weight: 1 },
);

const ruleOps: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: scheduleRule, weight: 2 },
  { arbitrary: patternRule, weight: 2 },
  { arbitrary: fc.record({ op: op('putEvents'), count: fc.integer({ min: 1, max: 4 }) }), weight: 2 },
  { arbitrary: fc.record({ op: op('deleteRule'), rule }), weight: 1 },
);

const scalingOps: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: stepScale, weight: 2 },
  { arbitrary: scheduleScaling, weight: 2 },
  { arbitrary: fc.record({ op: op('deregisterScalableTarget'), service }), weight: 1 },
);

/** Task sets: blue/green deployments (CODE_DEPLOY), the EXTERNAL controller's own calls, and the groups' delays. */
const taskSetOps: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: blueGreenOf(mostly(BLUE_GREEN_SERVICE), fc.constantFrom('idle' as const, 'idle' as const, 0 as const, 1 as const)), weight: 10 },
  {
    arbitrary: fc.record({ op: op('createTaskSet'), service: taskSetService, revision: fc.integer({ min: 1, max: 6 }), scale, targetGroup: fc.constantFrom(0 as const, 1 as const) }, { requiredKeys: ['op', 'service', 'revision', 'scale'] }),
    weight: 3,
  },
  { arbitrary: fc.record({ op: op('updateTaskSet'), service: taskSetService, pick, scale }), weight: 2 },
  { arbitrary: fc.record({ op: op('promoteTaskSet'), service: taskSetService, pick }), weight: 2 },
  { arbitrary: fc.record({ op: op('deleteTaskSet'), service: taskSetService, pick, force: fc.boolean() }), weight: 1 },
  { arbitrary: fc.record({ op: op('setDeregistrationDelay'), targetGroup: fc.constantFrom(0 as const, 1 as const), seconds: fc.constantFrom(0, 5, 30, 300) }), weight: 1 },
);

/** Time passing in short steps: visibility timeouts, alarm minutes and schedules fall between them. */
export const shortAdvance: fc.Arbitrary<Op> = fc.record({ op: fc.constant('advance' as const), seconds: fc.integer({ min: 1, max: 90 }) });

/** Calm operations on every service around ECS. */
export const neighbourOp: fc.Arbitrary<Op> = fc.oneof(queueOps, ruleOps, scalingOps, taskSetOps);

/** A revision of `web` with a dynamic host port, so that it can serve behind a load balancer. */
const servingRevision: fc.Arbitrary<Op> = fc.record({
  op: fc.constant('registerTaskDefinition' as const),
  family: fc.constant('web' as const),
  image: fc.constantFrom(...IMAGES),
  cpu: fc.constantFrom(128, 256),
  memory: fc.constantFrom(128, 256),
  ports: fc.constant('dynamic' as const),
  healthCheck: fc.boolean(),
});

/** A `web` service on EC2 with the default placement, behind the load balancer or deployed by task sets. */
const webService = (name: ServiceName, controller: { blueGreen: boolean; external: boolean }): fc.Arbitrary<Op> =>
  fc.record({ desiredCount: fc.integer({ min: 1, max: 4 }), minimumHealthyPercent: fc.constantFrom(50, 100), maximumPercent: fc.constantFrom(150, 200) }).map(
    (counts): Op => ({ op: 'createService', service: name, family: 'web', ...counts, strategy: 'default', distinctInstance: false, daemon: false, loadBalanced: controller.blueGreen, ...controller }),
  );

/**
 * What the runs around ECS start with: a blue/green service and an EXTERNAL one with a task set, queues
 * with a worker image and messages, a scheduled rule and a pattern rule.
 */
export const neighbourPrelude: fc.Arbitrary<Op[]> = fc.tuple(
  servingRevision,
  webService(BLUE_GREEN_SERVICE, { blueGreen: true, external: false }),
  webService(EXTERNAL_SERVICE, { blueGreen: false, external: true }),
  fc.record({ op: op('createTaskSet'), service: fc.constant(EXTERNAL_SERVICE), revision: fc.constant(99), scale: fc.constant(100), targetGroup: fc.constantFrom(0 as const, 1 as const) }),
  createQueues,
  workerImage,
  messages,
  scheduleRule,
  patternRule,
);

/** Messages that crash the worker that takes them. */
export const poisonMessages: fc.Arbitrary<Op> = fc.record({ op: op('sendMessages'), count: fc.integer({ min: 1, max: 2 }), poison: fc.constant(true), delay: fc.constant(0) });
