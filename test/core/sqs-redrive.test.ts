import { describe, expect, it } from 'vitest';
import { createSimulator, restoreSimulator, type EcsSimulator } from '../../core/index.js';
import { rejection } from './rejection.js';

const DLQ_ARN = 'arn:aws:sqs:us-east-1:123456789012:jobs-dlq';
const redrive = (maxReceiveCount: unknown, deadLetterTargetArn = DLQ_ARN) => JSON.stringify({ deadLetterTargetArn, maxReceiveCount });

/** A queue "jobs" (visibility 10 s) whose messages go to "jobs-dlq" after `maxReceiveCount` receives. */
function queues(maxReceiveCount = 3) {
  const sim = createSimulator();
  const dlq = sim.sqs.createQueue({ QueueName: 'jobs-dlq' }).QueueUrl;
  const jobs = sim.sqs.createQueue({ QueueName: 'jobs', Attributes: { VisibilityTimeout: '10', RedrivePolicy: redrive(maxReceiveCount) } }).QueueUrl;
  return { sim, jobs, dlq };
}

const receive = (sim: EcsSimulator, url: string) => sim.sqs.receiveMessage({ QueueUrl: url, MaxNumberOfMessages: 10, AttributeNames: ['All'] }).Messages ?? [];
const attributes = (sim: EcsSimulator, url: string) => sim.sqs.getQueueAttributes({ QueueUrl: url, AttributeNames: ['All'] }).Attributes ?? {};
const held = (sim: EcsSimulator, url: string) => {
  const a = attributes(sim, url);
  return Number(a.ApproximateNumberOfMessages) + Number(a.ApproximateNumberOfMessagesNotVisible) + Number(a.ApproximateNumberOfMessagesDelayed);
};

describe('a redrive policy', () => {
  it('delivers a message maxReceiveCount times, then moves it to the dead-letter queue with its id and body', () => {
    const { sim, jobs, dlq } = queues(3);
    const { MessageId } = sim.sqs.sendMessage({ QueueUrl: jobs, MessageBody: 'poison' });
    for (const receiveCount of ['1', '2', '3']) {
      const [message] = receive(sim, jobs);
      expect(message).toMatchObject({ MessageId, Body: 'poison', Attributes: { ApproximateReceiveCount: receiveCount } });
      sim.control.advance(10);
    }
    expect(receive(sim, jobs)).toEqual([]);
    expect(held(sim, jobs)).toBe(0);
    expect(receive(sim, dlq)).toEqual([expect.objectContaining({ MessageId, Body: 'poison', Attributes: expect.objectContaining({ ApproximateReceiveCount: '4' }) })]);
  });

  it('moves a message on from a dead-letter queue only after receives made there, even when the policies form a loop', () => {
    const { sim, jobs, dlq } = queues(2);
    // The dead-letter queue sends back to the source queue after one receive of its own.
    const jobsArn = sim.sqs.getQueueAttributes({ QueueUrl: jobs, AttributeNames: ['QueueArn'] }).Attributes!.QueueArn;
    sim.sqs.setQueueAttributes({ QueueUrl: dlq, Attributes: { RedrivePolicy: redrive(1, jobsArn) } });
    sim.sqs.sendMessage({ QueueUrl: jobs, MessageBody: 'poison' });
    for (let i = 0; i < 2; i++) {
      expect(receive(sim, jobs)).toHaveLength(1);
      sim.control.advance(10);
    }
    expect([held(sim, jobs), held(sim, dlq)]).toEqual([0, 1]);
    sim.control.advance(600);
    // Nobody received it in the dead-letter queue: it stays there.
    expect([held(sim, jobs), held(sim, dlq)]).toEqual([0, 1]);
    expect(receive(sim, dlq)).toHaveLength(1);
    sim.control.advance(30);
    expect([held(sim, jobs), held(sim, dlq)]).toEqual([1, 0]);
  });

  it('leaves a message that is deleted before its last receive ends where it was, and never moves it', () => {
    const { sim, jobs, dlq } = queues(1);
    sim.sqs.sendMessage({ QueueUrl: jobs, MessageBody: 'good' });
    const [message] = receive(sim, jobs);
    sim.sqs.deleteMessage({ QueueUrl: jobs, ReceiptHandle: message.ReceiptHandle! });
    sim.control.advance(60);
    expect([held(sim, jobs), held(sim, dlq)]).toEqual([0, 0]);
  });

  it('is shown by GetQueueAttributes as SQS writes it, and removed by an empty RedrivePolicy', () => {
    const { sim, jobs } = queues(3);
    expect(JSON.parse(attributes(sim, jobs).RedrivePolicy)).toEqual({ deadLetterTargetArn: DLQ_ARN, maxReceiveCount: 3 });
    sim.sqs.setQueueAttributes({ QueueUrl: jobs, Attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: DLQ_ARN, maxReceiveCount: '5' }) } });
    expect(JSON.parse(sim.sqs.getQueueAttributes({ QueueUrl: jobs, AttributeNames: ['RedrivePolicy'] }).Attributes!.RedrivePolicy)).toMatchObject({ maxReceiveCount: 5 });
    sim.sqs.setQueueAttributes({ QueueUrl: jobs, Attributes: { RedrivePolicy: '' } });
    expect(attributes(sim, jobs).RedrivePolicy).toBeUndefined();
  });

  it.each([
    ['a dead-letter queue that does not exist', redrive(3, 'arn:aws:sqs:us-east-1:123456789012:nope'), 'Reason: Dead letter target does not exist.'],
    ['a maxReceiveCount of 0', redrive(0), 'Reason: Invalid value for maxReceiveCount: 0, valid values are from 1 to 1000 both inclusive.'],
    ['a maxReceiveCount of 1001', redrive(1001), 'Reason: Invalid value for maxReceiveCount: 1001, valid values are from 1 to 1000 both inclusive.'],
    ['no deadLetterTargetArn', JSON.stringify({ maxReceiveCount: 3 }), 'Reason: Redrive policy does not contain mandatory attribute: deadLetterTargetArn.'],
    ['text that is not JSON', 'three times', 'Reason: Invalid JSON.'],
  ])('with %s is refused and leaves the queue as it was', (_, policy, reason) => {
    const { sim, jobs } = queues(3);
    const before = attributes(sim, jobs);
    const refused = rejection(() => sim.sqs.setQueueAttributes({ QueueUrl: jobs, Attributes: { VisibilityTimeout: '99', RedrivePolicy: policy } }));
    expect(refused).toMatchObject({ name: 'InvalidParameterValue', field: 'Attributes.RedrivePolicy' });
    expect(refused.message).toBe(`Value ${policy} for parameter RedrivePolicy is invalid. ${reason}`);
    expect(attributes(sim, jobs)).toEqual(before);
  });

  it('is refused at CreateQueue too, creating no queue', () => {
    const sim = createSimulator();
    expect(rejection(() => sim.sqs.createQueue({ QueueName: 'jobs', Attributes: { RedrivePolicy: redrive(3) } }))).toMatchObject({ name: 'InvalidParameterValue' });
    expect(rejection(() => sim.sqs.getQueueUrl({ QueueName: 'jobs' }))).toMatchObject({ name: 'QueueDoesNotExist' });
  });
});

describe('message retention', () => {
  it('keeps messages 4 days by default and deletes them, received or not, once older than MessageRetentionPeriod', () => {
    const { sim, jobs } = queues(3);
    expect(attributes(sim, jobs).MessageRetentionPeriod).toBe('345600');
    sim.sqs.setQueueAttributes({ QueueUrl: jobs, Attributes: { MessageRetentionPeriod: '120' } });
    sim.sqs.sendMessage({ QueueUrl: jobs, MessageBody: 'stale' });
    sim.control.advance(60);
    sim.sqs.sendMessage({ QueueUrl: jobs, MessageBody: 'fresh' });
    receive(sim, jobs);
    sim.control.advance(59);
    expect(held(sim, jobs)).toBe(2);
    sim.control.advance(1);
    expect(held(sim, jobs)).toBe(1);
    sim.control.advance(10);
    expect(receive(sim, jobs).map((m) => m.Body)).toEqual(['fresh']);
  });

  it('shortened, deletes the messages already older than the new period at once', () => {
    const { sim, jobs } = queues(3);
    sim.sqs.sendMessage({ QueueUrl: jobs, MessageBody: 'old' });
    sim.control.advance(300);
    sim.sqs.sendMessage({ QueueUrl: jobs, MessageBody: 'new' });
    sim.sqs.setQueueAttributes({ QueueUrl: jobs, Attributes: { MessageRetentionPeriod: '60' } });
    sim.control.advance(0);
    expect(receive(sim, jobs).map((m) => m.Body)).toEqual(['new']);
  });

  it('counts from the first send in the dead-letter queue too', () => {
    const { sim, jobs, dlq } = queues(1);
    sim.sqs.setQueueAttributes({ QueueUrl: dlq, Attributes: { MessageRetentionPeriod: '60' } });
    sim.sqs.sendMessage({ QueueUrl: jobs, MessageBody: 'poison' });
    receive(sim, jobs);
    // Moved 10 s after it was sent, it has 50 s left in the dead-letter queue, not 60.
    const heldAfter = (seconds: number) => {
      sim.control.advance(seconds);
      return [held(sim, jobs), held(sim, dlq)];
    };
    expect([heldAfter(10), heldAfter(49), heldAfter(1)]).toEqual([[0, 1], [0, 1], [0, 0]]);
  });

  it('out of range is refused with InvalidAttributeValue', () => {
    const { sim, jobs } = queues(3);
    expect(rejection(() => sim.sqs.setQueueAttributes({ QueueUrl: jobs, Attributes: { MessageRetentionPeriod: '59' } }))).toMatchObject({
      name: 'InvalidAttributeValue',
      field: 'Attributes.MessageRetentionPeriod',
    });
    expect(attributes(sim, jobs).MessageRetentionPeriod).toBe('345600');
  });
});

describe('queue snapshots', () => {
  it('restore attributes set by SetQueueAttributes and the messages redriven since', () => {
    const sim = createSimulator();
    const dlq = sim.sqs.createQueue({ QueueName: 'jobs-dlq' }).QueueUrl;
    const jobs = sim.sqs.createQueue({ QueueName: 'jobs' }).QueueUrl;
    sim.sqs.setQueueAttributes({ QueueUrl: jobs, Attributes: { VisibilityTimeout: '5', RedrivePolicy: redrive(1) } });
    sim.sqs.sendMessage({ QueueUrl: jobs, MessageBody: 'poison' });
    receive(sim, jobs);
    const restored = restoreSimulator(JSON.parse(JSON.stringify(sim.control.snapshot())));
    for (const s of [sim, restored]) s.control.advance(5);
    expect(attributes(restored, jobs)).toEqual(attributes(sim, jobs));
    expect(receive(restored, dlq).map((m) => m.Body)).toEqual(['poison']);
  });
});
