import { describe, expect, it } from 'vitest';
import { createSimulator, restoreSimulator, type EcsSimulator } from '../../core/index.js';
import { messagesInSecond } from '../../core/workload/producer.js';
import { rejection } from './rejection.js';

const QUEUE_ARN = 'arn:aws:sqs:us-east-1:123456789012:jobs';

function counts(sim: EcsSimulator, url: string) {
  const { Attributes } = sim.sqs.getQueueAttributes({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] });
  return { visible: Number(Attributes?.ApproximateNumberOfMessages), notVisible: Number(Attributes?.ApproximateNumberOfMessagesNotVisible) };
}

/** An EC2 cluster with a queue "jobs" and a worker image that takes `secondsPerMessage` a message; its task role may use the queue or not. */
function workerCluster(options: { allowed: boolean; secondsPerMessage: number; visibilityTimeout?: number; crashesOnBody?: string }) {
  const sim = createSimulator({ seed: 3 });
  sim.createCluster({ clusterName: 'demo' });
  sim.control.addInstances({ cluster: 'demo', instanceType: 'm5.large', count: 1 });
  const url = sim.sqs.createQueue({ QueueName: 'jobs', Attributes: { VisibilityTimeout: String(options.visibilityTimeout ?? 30) } }).QueueUrl;
  sim.control.registerImage('worker:1', { worker: { queue: 'jobs', secondsPerMessage: options.secondsPerMessage, crashesOnBody: options.crashesOnBody } });
  sim.iam.createRole({ RoleName: 'worker-role' });
  const actions = options.allowed ? ['sqs:ReceiveMessage', 'sqs:DeleteMessage'] : ['sqs:SendMessage'];
  sim.iam.putRolePolicy({ RoleName: 'worker-role', PolicyName: 'queue', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: QUEUE_ARN }] } });
  sim.logs.createLogGroup({ logGroupName: '/ecs/worker' });
  sim.registerTaskDefinition({
    family: 'worker',
    taskRoleArn: 'arn:aws:iam::123456789012:role/worker-role',
    containerDefinitions: [
      {
        name: 'worker',
        image: 'worker:1',
        cpu: 256,
        memory: 256,
        logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/worker', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs' } },
      },
    ],
  });
  return { sim, url };
}

/** Runs one worker task and moves time until it is RUNNING; returns its id. */
function runWorker(sim: EcsSimulator): string {
  const taskArn = sim.runTask({ cluster: 'demo', taskDefinition: 'worker' }).tasks[0].taskArn!;
  sim.control.runUntil(() => sim.describeTasks({ cluster: 'demo', tasks: [taskArn] }).tasks[0].lastStatus === 'RUNNING', 120);
  return taskArn;
}

describe('an SQS queue', () => {
  it('hides a received message for the visibility timeout, then offers it again with a new receipt handle', () => {
    const sim = createSimulator();
    const url = sim.sqs.createQueue({ QueueName: 'jobs', Attributes: { VisibilityTimeout: '45' } }).QueueUrl;
    expect(url).toBe('https://sqs.us-east-1.amazonaws.com/123456789012/jobs');
    expect(sim.sqs.sendMessage({ QueueUrl: url, MessageBody: 'abc' }).MD5OfMessageBody).toBe('900150983cd24fb0d6963f7d28e17f72');
    const first = sim.sqs.receiveMessage({ QueueUrl: url, AttributeNames: ['All'] }).Messages![0];
    expect(first).toMatchObject({ Body: 'abc', MD5OfBody: '900150983cd24fb0d6963f7d28e17f72', Attributes: { ApproximateReceiveCount: '1' } });
    expect(counts(sim, url)).toEqual({ visible: 0, notVisible: 1 });
    expect(sim.sqs.receiveMessage({ QueueUrl: url })).toEqual({});
    sim.control.advance(44);
    expect(counts(sim, url)).toEqual({ visible: 0, notVisible: 1 });
    sim.control.advance(1);
    expect(counts(sim, url)).toEqual({ visible: 1, notVisible: 0 });
    const second = sim.sqs.receiveMessage({ QueueUrl: url, AttributeNames: ['ApproximateReceiveCount'] }).Messages![0];
    expect(second.ReceiptHandle).not.toBe(first.ReceiptHandle);
    expect(second.Attributes?.ApproximateReceiveCount).toBe('2');
  });

  it('deletes a message only with its latest receipt handle; an older one is accepted and deletes nothing', () => {
    const sim = createSimulator();
    const url = sim.sqs.createQueue({ QueueName: 'jobs', Attributes: { VisibilityTimeout: '0' } }).QueueUrl;
    sim.sqs.sendMessage({ QueueUrl: url, MessageBody: 'job' });
    const stale = sim.sqs.receiveMessage({ QueueUrl: url }).Messages![0].ReceiptHandle;
    const latest = sim.sqs.receiveMessage({ QueueUrl: url }).Messages![0].ReceiptHandle;
    expect(sim.sqs.deleteMessage({ QueueUrl: url, ReceiptHandle: stale })).toEqual({});
    expect(counts(sim, url)).toEqual({ visible: 1, notVisible: 0 });
    sim.sqs.deleteMessage({ QueueUrl: url, ReceiptHandle: latest });
    expect(counts(sim, url)).toEqual({ visible: 0, notVisible: 0 });
  });

  it('answers in SQS exception names, naming the field, and a refused call changes nothing', () => {
    const sim = createSimulator();
    const url = sim.sqs.createQueue({ QueueName: 'jobs' }).QueueUrl;
    sim.sqs.sendMessage({ QueueUrl: url, MessageBody: 'kept' });
    const journal = () => sim.control.snapshot().journal.length;
    const before = { counts: counts(sim, url), journal: journal() };
    expect(rejection(() => sim.sqs.getQueueUrl({ QueueName: 'nope' }))).toMatchObject({ name: 'QueueDoesNotExist', field: 'QueueName', message: 'The specified queue does not exist.' });
    expect(rejection(() => sim.sqs.sendMessage({ QueueUrl: `${url}-x`, MessageBody: 'b' }))).toMatchObject({ name: 'QueueDoesNotExist', field: 'QueueUrl' });
    expect(rejection(() => sim.sqs.createQueue({ QueueName: 'jobs', Attributes: { VisibilityTimeout: '60' } }))).toMatchObject({ name: 'QueueNameExists', field: 'Attributes.VisibilityTimeout' });
    expect(rejection(() => sim.sqs.createQueue({ QueueName: 'other', Attributes: { Visibility: '60' } }))).toMatchObject({ name: 'InvalidAttributeName', field: 'Attributes.Visibility' });
    expect(rejection(() => sim.sqs.createQueue({ QueueName: 'other', Attributes: { VisibilityTimeout: '50000' } }))).toMatchObject({ name: 'InvalidAttributeValue', field: 'Attributes.VisibilityTimeout' });
    expect(rejection(() => sim.sqs.createQueue({ QueueName: 'jobs.fifo' }))).toMatchObject({ name: 'InvalidParameterValue', field: 'QueueName' });
    expect(rejection(() => sim.sqs.receiveMessage({ QueueUrl: url, MaxNumberOfMessages: 11 }))).toMatchObject({ name: 'InvalidParameterValue', field: 'MaxNumberOfMessages' });
    expect(rejection(() => sim.sqs.deleteMessage({ QueueUrl: url, ReceiptHandle: 'forged' }))).toMatchObject({ name: 'ReceiptHandleIsInvalid', field: 'ReceiptHandle' });
    expect(rejection(() => sim.sqs.getQueueAttributes({ QueueUrl: url, AttributeNames: ['Colour'] }))).toMatchObject({ name: 'InvalidAttributeName', field: 'AttributeNames' });
    expect(sim.sqs.createQueue({ QueueName: 'jobs', Attributes: { VisibilityTimeout: '30' } }).QueueUrl).toBe(url);
    expect({ counts: counts(sim, url), journal: journal() - 1 }).toEqual(before);
    expect(() => sim.sqs.getQueueUrl({ QueueName: 'other' })).toThrow(/does not exist/);
  });
});

describe('producers', () => {
  it('spread a fractional rate evenly and send exactly rate × seconds messages', () => {
    const perSecond = Array.from({ length: 10 }, (_, i) => messagesInSecond(2.5, i + 1));
    expect(perSecond).toEqual([2, 3, 2, 3, 2, 3, 2, 3, 2, 3]);
    const sim = createSimulator();
    const url = sim.sqs.createQueue({ QueueName: 'jobs' }).QueueUrl;
    expect(sim.control.produceMessages({ queue: 'jobs', messagesPerSecond: 2.5, forSeconds: 10 })).toEqual({ messages: 25 });
    sim.control.advance(4);
    expect(counts(sim, url).visible).toBe(10);
    sim.control.advance(60);
    expect(counts(sim, url).visible).toBe(25);
    sim.control.produceMessages({ queue: 'jobs', count: 5 });
    expect(counts(sim, url).visible).toBe(30);
  });

  it('refuse an unknown queue or a request that is neither a burst nor a steady rate', () => {
    const sim = createSimulator();
    sim.sqs.createQueue({ QueueName: 'jobs' });
    expect(rejection(() => sim.control.produceMessages({ queue: 'nope', count: 1 }))).toMatchObject({ name: 'InvalidParameterException', field: 'queue' });
    expect(rejection(() => sim.control.produceMessages({ queue: 'jobs', count: 1, messagesPerSecond: 1 }))).toMatchObject({ field: 'count' });
    expect(rejection(() => sim.control.produceMessages({ queue: 'jobs', messagesPerSecond: 1 }))).toMatchObject({ field: 'forSeconds' });
  });
});

describe('a worker task', () => {
  it('consumes one message per secondsPerMessage while RUNNING', () => {
    const { sim, url } = workerCluster({ allowed: true, secondsPerMessage: 2 });
    runWorker(sim);
    sim.control.produceMessages({ queue: 'jobs', count: 30 });
    sim.control.advance(1);
    expect(counts(sim, url)).toEqual({ visible: 29, notVisible: 1 });
    sim.control.advance(19);
    expect(counts(sim, url)).toEqual({ visible: 19, notVisible: 1 });
    sim.control.advance(40);
    expect(counts(sim, url)).toEqual({ visible: 0, notVisible: 0 });
  });

  it('stopped mid-message leaves the message invisible until its visibility timeout, then it reappears', () => {
    const { sim, url } = workerCluster({ allowed: true, secondsPerMessage: 30, visibilityTimeout: 60 });
    const taskArn = runWorker(sim);
    sim.control.produceMessages({ queue: 'jobs', count: 1 });
    sim.control.advance(10);
    sim.stopTask({ cluster: 'demo', task: taskArn });
    sim.control.advance(49);
    expect(counts(sim, url)).toEqual({ visible: 0, notVisible: 1 });
    sim.control.advance(1);
    expect(counts(sim, url)).toEqual({ visible: 1, notVisible: 0 });
  });

  it('whose task role may not receive from the queue logs AccessDenied and consumes nothing', () => {
    const { sim, url } = workerCluster({ allowed: false, secondsPerMessage: 2 });
    const taskArn = runWorker(sim);
    sim.control.produceMessages({ queue: 'jobs', count: 5 });
    sim.control.advance(120);
    expect(counts(sim, url)).toEqual({ visible: 5, notVisible: 0 });
    const taskId = taskArn.slice(taskArn.lastIndexOf('/') + 1);
    const lines = sim.logs.getLogEvents({ logGroupName: '/ecs/worker', logStreamName: `ecs/worker/${taskId}`, startFromHead: true }).events.map((e) => e.message);
    expect(lines).toContain(`AccessDenied: User: arn:aws:sts::123456789012:assumed-role/worker-role/${taskId} is not authorized to perform: sqs:ReceiveMessage on resource: ${QUEUE_ARN}`);
    expect(lines.filter((l) => l.startsWith('AccessDenied')).length).toBe(1);
  });
});

describe('a worker that crashes on a poison message', () => {
  it('exits with code 1 as it takes it, stopping its task, and leaves the message in flight until the visibility timeout', () => {
    const { sim, url } = workerCluster({ allowed: true, secondsPerMessage: 2, visibilityTimeout: 60, crashesOnBody: 'poison' });
    const taskArn = runWorker(sim);
    sim.sqs.sendMessage({ QueueUrl: url, MessageBody: 'good' });
    sim.sqs.sendMessage({ QueueUrl: url, MessageBody: 'order 7: poison' });
    sim.sqs.sendMessage({ QueueUrl: url, MessageBody: 'never reached' });
    sim.control.advance(3);
    const [task] = sim.describeTasks({ cluster: 'demo', tasks: [taskArn] }).tasks;
    expect(task).toMatchObject({ desiredStatus: 'STOPPED', stopCode: 'EssentialContainerExited', containers: [expect.objectContaining({ exitCode: 1 })] });
    expect(counts(sim, url)).toEqual({ visible: 1, notVisible: 1 });
    const taskId = taskArn.slice(taskArn.lastIndexOf('/') + 1);
    const lines = sim.logs.getLogEvents({ logGroupName: '/ecs/worker', logStreamName: `ecs/worker/${taskId}`, startFromHead: true }).events.map((e) => e.message);
    expect(lines.at(-1)).toMatch(/^Error: could not process message [0-9a-f-]+: "order 7: poison". Exiting.$/);
    // Taken 2 s in (after the good message), so visible again 60 s later.
    sim.control.advance(58);
    expect(counts(sim, url)).toEqual({ visible: 1, notVisible: 1 });
    sim.control.advance(1);
    expect(counts(sim, url)).toEqual({ visible: 2, notVisible: 0 });
  });

  it('is refused an empty crashesOnBody, which every body would contain', () => {
    const sim = createSimulator();
    expect(rejection(() => sim.control.registerImage('worker:1', { worker: { queue: 'jobs', secondsPerMessage: 1, crashesOnBody: '' } }))).toMatchObject({
      name: 'InvalidParameterException',
      field: 'behaviour.worker.crashesOnBody',
    });
  });
});

describe('queue snapshots', () => {
  it('restore a run with queues, producers and workers to the same state', () => {
    const { sim, url } = workerCluster({ allowed: true, secondsPerMessage: 3 });
    runWorker(sim);
    sim.control.produceMessages({ queue: 'jobs', messagesPerSecond: 1, forSeconds: 120 });
    sim.sqs.sendMessage({ QueueUrl: url, MessageBody: 'by hand', DelaySeconds: 5 });
    sim.sqs.receiveMessage({ QueueUrl: url });
    sim.control.advance(45);
    const restored = restoreSimulator(JSON.parse(JSON.stringify(sim.control.snapshot())));
    for (const s of [sim, restored]) s.control.advance(300);
    expect(counts(restored, url)).toEqual(counts(sim, url));
    expect(JSON.stringify(restored.control.events())).toBe(JSON.stringify(sim.control.events()));
  });
});
