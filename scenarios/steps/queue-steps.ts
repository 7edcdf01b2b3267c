import type { ImageBehaviour } from '../../core/index.js';
import type { ScenarioWorld } from '../world/scenario-world.js';
import { defineSteps, expect } from './step-registry.js';

const queueUrl = async (world: ScenarioWorld, queue: string) => (await world.sim.call('sqs', 'getQueueUrl', { QueueName: queue })).QueueUrl;

async function counts(world: ScenarioWorld, queue: string) {
  const { Attributes = {} } = await world.sim.call('sqs', 'getQueueAttributes', { QueueUrl: await queueUrl(world, queue), AttributeNames: ['All'] });
  return {
    waiting: Number(Attributes.ApproximateNumberOfMessages),
    inFlight: Number(Attributes.ApproximateNumberOfMessagesNotVisible),
    delayed: Number(Attributes.ApproximateNumberOfMessagesDelayed),
  };
}

/** An image whose process is a queue worker. */
function registerWorker(world: ScenarioWorld, image: string, worker: NonNullable<ImageBehaviour['worker']>): Promise<void> {
  return world.sim.control('registerImage', image, { worker });
}

defineSteps('SQS queues and workers', {
  'an SQS queue {string}': async (world, queue: string) => {
    await world.sim.call('sqs', 'createQueue', { QueueName: queue });
  },
  'an SQS queue {string} with a visibility timeout of {int} seconds': async (world, queue: string, seconds: number) => {
    await world.sim.call('sqs', 'createQueue', { QueueName: queue, Attributes: { VisibilityTimeout: String(seconds) } });
  },
  'the image {string} works through messages of the queue {string} at {int} seconds each': (world, image: string, queue: string, seconds: number) =>
    registerWorker(world, image, { queue, secondsPerMessage: seconds }),
  // A poison message: the worker's process exits (code 1) as soon as it takes one whose body contains the text.
  'the image {string} works through messages of the queue {string} at {int} seconds each, but crashes on any message containing {string}': (
    world,
    image: string,
    queue: string,
    seconds: number,
    text: string,
  ) => registerWorker(world, image, { queue, secondsPerMessage: seconds, crashesOnBody: text }),
  'an SQS queue {string} with a visibility timeout of {int} seconds that moves a message received {int} times to the dead-letter queue {string}': async (
    world,
    queue: string,
    seconds: number,
    maxReceiveCount: number,
    deadLetterQueue: string,
  ) => {
    const { Attributes = {} } = await world.sim.call('sqs', 'getQueueAttributes', { QueueUrl: await queueUrl(world, deadLetterQueue), AttributeNames: ['QueueArn'] });
    const RedrivePolicy = JSON.stringify({ deadLetterTargetArn: Attributes.QueueArn, maxReceiveCount });
    await world.sim.call('sqs', 'createQueue', { QueueName: queue, Attributes: { VisibilityTimeout: String(seconds), RedrivePolicy } });
  },
  'the message {string} arrives on the queue {string}': async (world, body: string, queue: string) => {
    await world.markUpdate();
    await world.sim.call('sqs', 'sendMessage', { QueueUrl: await queueUrl(world, queue), MessageBody: body });
  },
  'producers send {int} messages a second to the queue {string} for {int} minutes': async (world, perSecond: number, queue: string, minutes: number) => {
    await world.markUpdate();
    await world.sim.control('produceMessages', { queue, messagesPerSecond: perSecond, forSeconds: minutes * 60 });
  },
  '{int} messages arrive on the queue {string} at once': async (world, count: number, queue: string) => {
    await world.markUpdate();
    await world.sim.control('produceMessages', { queue, count });
  },
  // AWS's recipe: backlog per task = visible messages / running tasks (metric math), tracked at an acceptable backlog.
  'the workers of {string} scale on a backlog of {int} messages per task of the queue {string} with {int} to {int} tasks': async (
    world,
    service: string,
    backlog: number,
    queue: string,
    min: number,
    max: number,
  ) => {
    const scalable = { ServiceNamespace: 'ecs', ResourceId: `service/${world.cluster}/${service}`, ScalableDimension: 'ecs:service:DesiredCount' } as const;
    await world.sim.call('applicationAutoScaling', 'registerScalableTarget', { ...scalable, MinCapacity: min, MaxCapacity: max });
    await world.sim.call('applicationAutoScaling', 'putScalingPolicy', {
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
  'the queue {string} has more than {int} messages waiting': async (world, queue: string, count: number) => {
    const { waiting } = await counts(world, queue);
    expect(waiting > count, () => `The queue has ${waiting} messages waiting.`);
  },
  'the queue {string} is empty': async (world, queue: string) => {
    const { waiting, inFlight, delayed } = await counts(world, queue);
    expect(waiting + inFlight + delayed === 0, () => `The queue has ${waiting} messages waiting, ${inFlight} in flight and ${delayed} delayed.`);
  },
  // Looking in means receiving: with a visibility timeout of 0 the messages stay visible for the next look.
  'the only message on the queue {string} is {string}': async (world, queue: string, body: string) => {
    const { Messages = [] } = await world.sim.call('sqs', 'receiveMessage', { QueueUrl: await queueUrl(world, queue), MaxNumberOfMessages: 10, VisibilityTimeout: 0 });
    const bodies = Messages.map((m) => m.Body);
    expect(bodies.length === 1 && bodies[0] === body, () => `The queue holds ${bodies.length ? bodies.map((b) => JSON.stringify(b)).join(', ') : 'no message'}.`);
  },
  'the tasks of {string} stopped {int} time(s) with exit code {int}': async (world, service: string, times: number, exitCode: number) => {
    const { taskArns } = await world.sim.call('ecs', 'listTasks', { cluster: world.cluster, serviceName: service, desiredStatus: 'STOPPED' });
    const tasks = taskArns.length === 0 ? [] : (await world.sim.call('ecs', 'describeTasks', { cluster: world.cluster, tasks: taskArns.slice(0, 100) })).tasks;
    const exited = tasks.filter((t) => t.containers?.some((c) => c.exitCode === exitCode)).length;
    expect(exited === times, () => `${exited} of the ${tasks.length} stopped tasks of "${service}" exited with code ${exitCode}.`);
  },
  'the queue {string} has {int} message(s) waiting and {int} in flight': async (world, queue: string, waiting: number, inFlight: number) => {
    const actual = await counts(world, queue);
    expect(actual.waiting === waiting && actual.inFlight === inFlight, () => `The queue has ${actual.waiting} messages waiting and ${actual.inFlight} in flight.`);
  },
});
