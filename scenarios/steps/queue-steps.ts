import type { ScenarioWorld } from '../world/scenario-world.js';
import { defineSteps, expect } from './step-registry.js';

const queueUrl = (world: ScenarioWorld, queue: string) => world.sim.sqs.getQueueUrl({ QueueName: queue }).QueueUrl;

function counts(world: ScenarioWorld, queue: string) {
  const { Attributes = {} } = world.sim.sqs.getQueueAttributes({ QueueUrl: queueUrl(world, queue), AttributeNames: ['All'] });
  return {
    waiting: Number(Attributes.ApproximateNumberOfMessages),
    inFlight: Number(Attributes.ApproximateNumberOfMessagesNotVisible),
    delayed: Number(Attributes.ApproximateNumberOfMessagesDelayed),
  };
}

defineSteps('SQS queues and workers', {
  'an SQS queue {string}': (world, queue: string) => {
    world.sim.sqs.createQueue({ QueueName: queue });
  },
  'an SQS queue {string} with a visibility timeout of {int} seconds': (world, queue: string, seconds: number) => {
    world.sim.sqs.createQueue({ QueueName: queue, Attributes: { VisibilityTimeout: String(seconds) } });
  },
  'the image {string} works through messages of the queue {string} at {int} seconds each': (world, image: string, queue: string, seconds: number) => {
    world.sim.control.registerImage(image, { worker: { queue, secondsPerMessage: seconds } });
  },
  'producers send {int} messages a second to the queue {string} for {int} minutes': (world, perSecond: number, queue: string, minutes: number) => {
    world.markUpdate();
    world.sim.control.produceMessages({ queue, messagesPerSecond: perSecond, forSeconds: minutes * 60 });
  },
  '{int} messages arrive on the queue {string} at once': (world, count: number, queue: string) => {
    world.markUpdate();
    world.sim.control.produceMessages({ queue, count });
  },
  // AWS's recipe: backlog per task = visible messages / running tasks (metric math), tracked at an acceptable backlog.
  'the workers of {string} scale on a backlog of {int} messages per task of the queue {string} with {int} to {int} tasks': (
    world,
    service: string,
    backlog: number,
    queue: string,
    min: number,
    max: number,
  ) => {
    const scalable = { ServiceNamespace: 'ecs', ResourceId: `service/${world.cluster}/${service}`, ScalableDimension: 'ecs:service:DesiredCount' } as const;
    world.sim.applicationAutoScaling.registerScalableTarget({ ...scalable, MinCapacity: min, MaxCapacity: max });
    world.sim.applicationAutoScaling.putScalingPolicy({
      ...scalable,
      PolicyName: `${service}-backlog-per-task`,
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: {
        TargetValue: backlog,
        CustomizedMetricSpecification: {
          Metrics: [
            {
              Id: 'm1',
              MetricStat: { Metric: { Namespace: 'AWS/SQS', MetricName: 'ApproximateNumberOfMessagesVisible', Dimensions: [{ Name: 'QueueName', Value: queue }] }, Stat: 'Sum' },
              ReturnData: false,
            },
            {
              Id: 'm2',
              MetricStat: {
                Metric: { Namespace: 'ECS/ContainerInsights', MetricName: 'RunningTaskCount', Dimensions: [{ Name: 'ClusterName', Value: world.cluster }, { Name: 'ServiceName', Value: service }] },
                Stat: 'Average',
              },
              ReturnData: false,
            },
            { Id: 'e1', Expression: 'm1 / m2', Label: 'Backlog per task', ReturnData: true },
          ],
        },
      },
    });
  },
  'the queue {string} has more than {int} messages waiting': (world, queue: string, count: number) => {
    const { waiting } = counts(world, queue);
    expect(waiting > count, () => `The queue has ${waiting} messages waiting.`);
  },
  'the queue {string} is empty': (world, queue: string) => {
    const { waiting, inFlight, delayed } = counts(world, queue);
    expect(waiting + inFlight + delayed === 0, () => `The queue has ${waiting} messages waiting, ${inFlight} in flight and ${delayed} delayed.`);
  },
  'the queue {string} has {int} message(s) waiting and {int} in flight': (world, queue: string, waiting: number, inFlight: number) => {
    const actual = counts(world, queue);
    expect(actual.waiting === waiting && actual.inFlight === inFlight, () => `The queue has ${actual.waiting} messages waiting and ${actual.inFlight} in flight.`);
  },
});
