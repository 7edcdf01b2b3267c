import fc from 'fast-check';
import { IMAGES, SERVICES, type Op } from './chaos-ops.js';
import { RULES, type NeighbourOp, type ScheduleChoice, type StepAdjustmentChoice } from './neighbour-ops.js';

const service = fc.constantFrom(...SERVICES);
const rule = fc.constantFrom(...RULES);
const op = <K extends NeighbourOp['op']>(name: K) => fc.constant(name);

export const createQueues: fc.Arbitrary<Op> = fc.record(
  { op: op('createQueues'), visibility: fc.constantFrom(5, 20, 60), maxReceiveCount: fc.integer({ min: 1, max: 3 }) },
  { requiredKeys: ['op', 'visibility'] },
);

export const workerImage: fc.Arbitrary<Op> = fc.record({ op: op('registerWorkerImage'), image: fc.constantFrom(...IMAGES), secondsPerMessage: fc.integer({ min: 1, max: 40 }) });

const schedule: fc.Arbitrary<ScheduleChoice> = fc.oneof(
  fc.constant({ kind: 'every-minute' as const }),
  fc.constant({ kind: 'every-5-minutes' as const }),
  fc.record({ kind: fc.constant('hourly' as const), minute: fc.integer({ min: 0, max: 59 }) }),
  fc.record({ kind: fc.constant('once' as const), minutesAhead: fc.integer({ min: 1, max: 30 }) }),
);

export const scheduleRule: fc.Arbitrary<Op> = fc.record({ op: op('putScheduleRule'), rule, schedule, taskCount: fc.integer({ min: 1, max: 2 }) });
export const patternRule: fc.Arbitrary<Op> = fc.record({ op: op('putPatternRule'), rule, pattern: fc.constantFrom('custom' as const, 'service-task-stopped' as const), taskCount: fc.integer({ min: 1, max: 2 }) });

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
  .record({ service, bounds: scheduledBounds, recurring: fc.boolean(), minutesAhead: fc.integer({ min: 1, max: 20 }) })
  .map(({ bounds, ...rest }): Op => ({ op: 'scheduleScaling', ...rest, ...bounds }));

export const messages: fc.Arbitrary<Op> = fc.record({ op: op('sendMessages'), count: fc.integer({ min: 1, max: 5 }), poison: fc.constant(false), delay: fc.constantFrom(0, 10) });

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
      { requiredKeys: ['op', 'from', 'max'] },
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

const taskSetOps: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({ op: op('createTaskSet'), service, revision: fc.integer({ min: 1, max: 6 }), scale, targetGroup: fc.constantFrom(0 as const, 1 as const) }, { requiredKeys: ['op', 'service', 'revision', 'scale'] }),
    weight: 3,
  },
  { arbitrary: fc.record({ op: op('updateTaskSet'), service, pick, scale }), weight: 2 },
  { arbitrary: fc.record({ op: op('promoteTaskSet'), service, pick }), weight: 2 },
  { arbitrary: fc.record({ op: op('deleteTaskSet'), service, pick, force: fc.boolean() }), weight: 1 },
  { arbitrary: fc.record({ op: op('setDeregistrationDelay'), targetGroup: fc.constantFrom(0 as const, 1 as const), seconds: fc.constantFrom(0, 5, 30, 300) }), weight: 1 },
);

/** Time passing in short steps: visibility timeouts, alarm minutes and schedules fall between them. */
export const shortAdvance: fc.Arbitrary<Op> = fc.record({ op: fc.constant('advance' as const), seconds: fc.integer({ min: 1, max: 90 }) });

/** Calm operations on every service around ECS. */
export const neighbourOp: fc.Arbitrary<Op> = fc.oneof(queueOps, ruleOps, scalingOps, taskSetOps);

/** Messages that crash the worker that takes them. */
export const poisonMessages: fc.Arbitrary<Op> = fc.record({ op: op('sendMessages'), count: fc.integer({ min: 1, max: 2 }), poison: fc.constant(true), delay: fc.constant(0) });
