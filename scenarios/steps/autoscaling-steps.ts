import type { ScenarioWorld } from '../world/scenario-world.js';
import { defineSteps, expect } from './step-registry.js';
import { describeService } from './service-inspection.js';
import { startSpike } from './spike-traffic.js';

const scalable = (world: ScenarioWorld, service: string) =>
  ({ ServiceNamespace: 'ecs', ResourceId: `service/${world.cluster}/${service}`, ScalableDimension: 'ecs:service:DesiredCount' }) as const;

/** A target tracking policy named `<service>-<cpu|memory>-<target>` on the service's average CPU or memory. */
async function trackAverage(world: ScenarioWorld, service: string, resource: 'cpu' | 'memory', target: number, min: number, max: number): Promise<void> {
  await world.sim.call('applicationAutoScaling', 'registerScalableTarget', { ...scalable(world, service), MinCapacity: min, MaxCapacity: max });
  await world.sim.call('applicationAutoScaling', 'putScalingPolicy', {
    ...scalable(world, service),
    PolicyName: `${service}-${resource}-${target}`,
    PolicyType: 'TargetTrackingScaling',
    TargetTrackingScalingPolicyConfiguration: {
      TargetValue: target,
      PredefinedMetricSpecification: { PredefinedMetricType: resource === 'cpu' ? 'ECSServiceAverageCPUUtilization' : 'ECSServiceAverageMemoryUtilization' },
    },
  });
}

/** The service's scaling activities, oldest first. */
async function scalingActivities(world: ScenarioWorld, service: string) {
  return (await world.sim.call('applicationAutoScaling', 'describeScalingActivities', scalable(world, service))).ScalingActivities.slice().reverse();
}

defineSteps('Service auto scaling', {
  'target tracking keeps the CPU of {string} at {int} % with {int} to {int} tasks': (world, service: string, target: number, min: number, max: number) =>
    trackAverage(world, service, 'cpu', target, min, max),
  'target tracking keeps the memory of {string} at {int} % with {int} to {int} tasks': (world, service: string, target: number, min: number, max: number) =>
    trackAverage(world, service, 'memory', target, min, max),
  'each task of {string} holds {int} MiB, plus {int} MiB for every request per second it serves': async (world, image: string, base: number, perRequest: number) => {
    await world.sim.control('registerImage', image, { baseMemoryMiB: base, memoryPerRequestPerSecondMiB: perRequest });
  },
  // The table reads "| CPU from | CPU below | add tasks |"; a step's bounds are distances from the alarm threshold.
  'step scaling adds tasks to {string}, {int} to {int} tasks, when the CPU alarm {string} is above {int} % for {int} minutes:': async (
    world,
    service: string,
    min: number,
    max: number,
    alarm: string,
    threshold: number,
    minutes: number,
    table: string[][],
  ) => {
    await world.sim.call('applicationAutoScaling', 'registerScalableTarget', { ...scalable(world, service), MinCapacity: min, MaxCapacity: max });
    const { PolicyARN } = await world.sim.call('applicationAutoScaling', 'putScalingPolicy', {
      ...scalable(world, service),
      PolicyName: `${service}-cpu-steps`,
      PolicyType: 'StepScaling',
      StepScalingPolicyConfiguration: {
        AdjustmentType: 'ChangeInCapacity',
        StepAdjustments: table.slice(1).map(([from, below, add]) => ({
          MetricIntervalLowerBound: Number(from) - threshold,
          ...(below ? { MetricIntervalUpperBound: Number(below) - threshold } : {}),
          ScalingAdjustment: Number(add),
        })),
        Cooldown: 300,
        MetricAggregationType: 'Average',
      },
    });
    await world.sim.call('cloudWatch', 'putMetricAlarm', {
      AlarmName: alarm,
      Namespace: 'AWS/ECS',
      MetricName: 'CPUUtilization',
      Dimensions: [
        { Name: 'ClusterName', Value: world.cluster },
        { Name: 'ServiceName', Value: service },
      ],
      Statistic: 'Average',
      Period: 60,
      EvaluationPeriods: minutes,
      DatapointsToAlarm: minutes,
      Threshold: threshold,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: [PolicyARN],
    });
  },
  'a scheduled action {string} sets {string} to between {int} and {int} tasks at {string}': async (world, name: string, service: string, min: number, max: number, schedule: string) => {
    await world.sim.call('applicationAutoScaling', 'putScheduledAction', { ...scalable(world, service), ScheduledActionName: name, Schedule: schedule, ScalableTargetAction: { MinCapacity: min, MaxCapacity: max } });
  },
  'clients call the load balancer {string} at {int} requests per second, spiking to {int} after {int} minutes for {int} minutes': async (
    world,
    lb: string,
    rps: number,
    peak: number,
    after: number,
    lasting: number,
  ) => startSpike(world, { loadBalancer: lb }, rps, peak, after, lasting),
  '{int} hour(s) pass(es)': async (world, hours: number) => {
    await world.sim.control('advance', hours * 3600);
  },
  'the desired count of {string} is between {int} and {int}': async (world, service: string, low: number, high: number) => {
    const { desiredCount } = await describeService(world, service);
    expect(desiredCount >= low && desiredCount <= high, () => `The desired count is ${desiredCount}.`);
  },
  'the desired count of {string} is {int}': async (world, service: string, count: number) => {
    const { desiredCount } = await describeService(world, service);
    expect(desiredCount === count, () => `The desired count is ${desiredCount}.`);
  },
  'the CPU of {string} was at most {int} % over the last {int} minutes': async (world, service: string, limit: number, minutes: number) => {
    const recent = (await world.sim.control('metricHistory', { cluster: world.cluster, service, metric: 'CPUUtilization' })).slice(-minutes);
    const worst = Math.max(...recent.map((d) => d.value));
    expect(recent.length > 0 && worst <= limit, () => `The CPU reached ${worst.toFixed(1)} %.`);
  },
  'the scaling activities of {string} are, oldest first:': async (world, service: string, table: string[][]) => {
    const got = (await scalingActivities(world, service)).map((a) => `${a.Description} | ${a.Cause}`);
    const wanted = table.slice(1).map(([description, cause]) => `${description} | ${cause}`);
    expect(JSON.stringify(got) === JSON.stringify(wanted), () => `The scaling activities were:\n${got.join('\n')}`);
  },
  '{string} scaled out in bigger steps than it scaled in': async (world, service: string) => {
    const counts = (await scalingActivities(world, service)).map((a) => Number(/desired count to (\d+)/.exec(a.Description)![1]));
    const steps = counts.slice(1).map((c, i) => c - counts[i]);
    const biggestOut = Math.max(0, ...steps.filter((s) => s > 0));
    const biggestIn = Math.max(0, ...steps.filter((s) => s < 0).map((s) => -s));
    expect(biggestOut > biggestIn, () => `Desired counts went ${counts.join(' → ')}.`);
  },
});
