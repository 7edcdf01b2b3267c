import fc from 'fast-check';
import type { ImageBehaviour } from '../../core/index.js';
import { DAEMON_FAMILY, FAMILIES, IMAGES, SERVICES, type ChaosRun, type ClusterSpec, type Family, type InstanceGroup, type Op } from './chaos-ops.js';
import { blueGreenDeploy, neighbourOp, neighbourPrelude, poisonMessages, shortAdvance } from './neighbour-arbitraries.js';

const INSTANCE_TYPES = ['t3.medium', 'm5.large', 'c5.large', 'm5.xlarge'] as const;

const instanceGroup = (lifecycles: Array<'on-demand' | 'spot'>): fc.Arbitrary<InstanceGroup> =>
  fc.record({
    instanceType: fc.constantFrom(...INSTANCE_TYPES),
    count: fc.integer({ min: 1, max: 4 }),
    zones: fc.integer({ min: 1, max: 3 }),
    lifecycle: fc.constantFrom(...lifecycles),
    spotInstanceDraining: fc.boolean(),
  });

export const clusterSpec = (lifecycles: Array<'on-demand' | 'spot'> = ['on-demand', 'spot']): fc.Arbitrary<ClusterSpec> =>
  fc.record({ fargate: fc.boolean(), groups: fc.array(instanceGroup(lifecycles), { minLength: 1, maxLength: 3 }) });

const healthyImage: fc.Arbitrary<ImageBehaviour> = fc.record(
  { pullSeconds: fc.integer({ min: 0, max: 30 }), startSeconds: fc.integer({ min: 0, max: 10 }), stopSeconds: fc.integer({ min: 0, max: 40 }) },
  { requiredKeys: [] },
);

const faultyImage: fc.Arbitrary<ImageBehaviour> = fc.oneof(
  fc.record({ crashAfterSeconds: fc.integer({ min: 0, max: 300 }), exitCode: fc.integer({ min: 0, max: 255 }) }),
  fc.constant({ pullError: 'manifest unknown' }),
  fc.record({ unhealthyAfterSeconds: fc.integer({ min: 0, max: 120 }) }),
);

const percentPair = fc.record({
  minimumHealthyPercent: fc.constantFrom(0, 50, 75, 100),
  maximumPercent: fc.constantFrom(100, 125, 150, 200),
});

const circuitBreaker = fc.option(fc.record({ enable: fc.boolean(), rollback: fc.boolean() }), { nil: undefined });

/** The daemon family (worker) takes no static port: a daemon holds it on every instance, so no other task could. */
const portsFor = (family: Family) =>
  family === DAEMON_FAMILY ? fc.constantFrom('none' as const, 'dynamic' as const) : fc.constantFrom('none' as const, 'dynamic' as const, 'static' as const, 'host' as const);

const revisionOf = (family: Family): fc.Arbitrary<Op> =>
  fc.record({
    op: fc.constant('registerTaskDefinition' as const),
    family: fc.constant(family),
    image: fc.constantFrom(...IMAGES),
    cpu: fc.constantFrom(128, 256, 512, 1024),
    memory: fc.constantFrom(128, 256, 512, 1024, 2048),
    ports: portsFor(family),
    healthCheck: fc.boolean(),
  });

const registerTaskDefinition: fc.Arbitrary<Op> = fc.constantFrom(...FAMILIES).chain(revisionOf);

const createService: fc.Arbitrary<Op> = fc
  .record({
    service: fc.constantFrom(...SERVICES),
    family: fc.constantFrom(...FAMILIES, 'fg' as const),
    desiredCount: fc.integer({ min: 0, max: 8 }),
    circuitBreaker,
    strategy: fc.constantFrom('default' as const, 'binpack' as const, 'spread-zone' as const, 'random' as const),
    distinctInstance: fc.boolean(),
    fargateWeights: fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 3 })),
    loadBalanced: fc.boolean(),
    autoScalingGroup: fc.boolean(),
    blueGreen: fc.boolean(),
    external: fc.integer({ min: 0, max: 3 }).map((roll) => roll === 0),
  })
  .chain((base) => fc.tuple(fc.constant(base), percentPair, fc.integer({ min: 0, max: 9 })))
  // About one worker service in ten is a DAEMON.
  .map(([base, percents, roll]): Op => ({ op: 'createService', ...base, ...percents, daemon: roll === 0 && base.family === DAEMON_FAMILY }));

const updateService: fc.Arbitrary<Op> = fc.record(
  {
    op: fc.constant('updateService' as const),
    service: fc.constantFrom(...SERVICES),
    revision: fc.integer({ min: 1, max: 6 }),
    desiredCount: fc.integer({ min: 0, max: 8 }),
    minimumHealthyPercent: fc.constantFrom(0, 50, 100),
    maximumPercent: fc.constantFrom(100, 150, 200),
    circuitBreaker: fc.record({ enable: fc.boolean(), rollback: fc.boolean() }),
    forceNewDeployment: fc.boolean(),
  },
  { requiredKeys: ['op', 'service'] },
);

const advance: fc.Arbitrary<Op> = fc.record({ op: fc.constant('advance' as const), seconds: fc.integer({ min: 1, max: 600 }) });

/**
 * Operations with no fault: calls that deploy (rolling or blue/green), scale (by hand, by target tracking or
 * by an Auto Scaling group's managed scaling) and add capacity, deployment alarms, time passing, and calls
 * to the services around ECS (`neighbours` weighs them against the 25 of the others).
 */
const calmOp = (neighbours: number): fc.Arbitrary<Op> => fc.oneof(
  { arbitrary: registerTaskDefinition, weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('registerFargateTaskDefinition' as const), image: fc.constantFrom(...IMAGES) }), weight: 1 },
  { arbitrary: createService, weight: 3 },
  { arbitrary: updateService, weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('runTask' as const), family: fc.constantFrom(...FAMILIES), count: fc.integer({ min: 1, max: 3 }) }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('addInstances' as const), group: instanceGroup(['on-demand', 'spot']) }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('setInstanceState' as const), pick: fc.nat(50), status: fc.constant('ACTIVE' as const) }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('registerImage' as const), image: fc.constantFrom(...IMAGES), behaviour: healthyImage }), weight: 1 },
  { arbitrary: advance, weight: 5 },
  {
    arbitrary: fc.record({ op: fc.constant('addAutoScalingGroup' as const), instanceType: fc.constantFrom('m5.large', 'm5.xlarge'), targetCapacity: fc.constantFrom(50, 80, 100) }),
    weight: 1,
  },
  {
    arbitrary: fc
      .record({ service: fc.constantFrom(...SERVICES), min: fc.integer({ min: 0, max: 3 }), extra: fc.integer({ min: 0, max: 5 }), targetCpu: fc.constantFrom(20, 50, 75) })
      .map(({ service, min, extra, targetCpu }): Op => ({ op: 'autoScale', service, min, max: min + extra, targetCpu })),
    weight: 1,
  },
  { arbitrary: fc.record({ op: fc.constant('watchAlarm' as const), service: fc.constantFrom(...SERVICES), rollback: fc.boolean() }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('setAlarmState' as const), state: fc.constant('OK' as const) }), weight: 1 },
  { arbitrary: blueGreenDeploy, weight: 2 },
  { arbitrary: neighbourOp, weight: neighbours },
);

const faultOp: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('registerImage' as const), image: fc.constantFrom(...IMAGES), behaviour: faultyImage }),
  fc.record({ op: fc.constant('stopTask' as const), pick: fc.nat(100) }),
  fc.record({ op: fc.constant('setInstanceState' as const), pick: fc.nat(50), status: fc.constant('DRAINING' as const) }),
  fc.record({ op: fc.constant('interruptSpotInstance' as const), pick: fc.nat(50) }),
  fc.record({ op: fc.constant('interruptFargateSpotTasks' as const), count: fc.integer({ min: 1, max: 4 }) }),
  fc.record({
    op: fc.constant('setFargateCapacity' as const),
    provider: fc.constantFrom('FARGATE' as const, 'FARGATE_SPOT' as const),
    maxTasks: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
  }),
  fc.record({ op: fc.constant('deleteService' as const), service: fc.constantFrom(...SERVICES) }),
  fc.record({ op: fc.constant('setAlarmState' as const), state: fc.constant('ALARM' as const) }),
  poisonMessages,
);

/** Every family registered once first, so that most services and tasks can start. */
const firstRevisions: fc.Arbitrary<Op[]> = fc.tuple(
  ...FAMILIES.map(revisionOf),
  fc.record({ op: fc.constant('registerFargateTaskDefinition' as const), image: fc.constantFrom(...IMAGES) }),
);

/** A run: a seed, a cluster, every family registered, `prelude`, one to three services, then `rest`. */
const runOf = (prelude: fc.Arbitrary<Op[]>, rest: fc.Arbitrary<Op[]>, cluster = clusterSpec()): fc.Arbitrary<ChaosRun> =>
  fc.record({
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    cluster,
    ops: fc.tuple(firstRevisions, prelude, fc.array(createService, { minLength: 1, maxLength: 3 }), rest).map((parts) => parts.flat()),
  });

export const chaosRun = (maxOps: number): fc.Arbitrary<ChaosRun> =>
  runOf(fc.constant([]), fc.array(fc.oneof({ arbitrary: calmOp(4), weight: 3 }, { arbitrary: faultOp, weight: 1 }), { minLength: 5, maxLength: maxOps, size: 'max' }));

/**
 * Runs that lean on the services around ECS: they start with a blue/green service, an EXTERNAL one,
 * queues and two rules (neighbourPrelude), and about half of their calm operations are on queues, rules,
 * scaling policies, task sets, blue/green deployments and target groups.
 * Time passes more often than in other runs: alarms, scaling and schedules act once a minute.
 */
export const neighboursRun = (maxOps: number): fc.Arbitrary<ChaosRun> =>
  runOf(
    neighbourPrelude,
    fc.array(fc.oneof({ arbitrary: calmOp(25), weight: 3 }, { arbitrary: faultOp, weight: 1 }, { arbitrary: shortAdvance, weight: 2 }), { minLength: 5, maxLength: maxOps, size: 'max' }),
  );

const deployOnly: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: registerTaskDefinition, weight: 3 },
  {
    arbitrary: fc.record(
      { op: fc.constant('updateService' as const), service: fc.constantFrom(...SERVICES), revision: fc.integer({ min: 1, max: 6 }), forceNewDeployment: fc.boolean() },
      { requiredKeys: ['op', 'service'] },
    ),
    weight: 3,
  },
  { arbitrary: fc.record({ op: fc.constant('addInstances' as const), group: instanceGroup(['on-demand']) }), weight: 1 },
  { arbitrary: advance, weight: 4 },
);

/**
 * Runs in which nothing disturbs a deployment: on-demand capacity only, healthy images, no stops, no
 * draining, and each service keeps the desired count and percentages it was created with.
 */
export const deploymentRun = (maxOps: number): fc.Arbitrary<ChaosRun> =>
  runOf(fc.constant([]), fc.array(deployOnly, { minLength: 3, maxLength: maxOps, size: 'max' }), clusterSpec(['on-demand']));
