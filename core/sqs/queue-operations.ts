import { Priority } from '../kernel/clock.js';
import type { SimContext } from '../kernel/context.js';
import { numericAttribute, queueByArn } from './queue-attributes.js';
import type { MessageRecord, QueueRecord } from './queue-state.js';

/**
 * What sending, receiving and deleting do to a queue, shared by the SQS API, the workers and the producers;
 * and what time does to its messages: redrive to a dead-letter queue, and expiry after the retention period.
 */

/** Puts a message on the queue and wakes idle workers when it is visible at once. */
export function enqueue(ctx: SimContext, queue: QueueRecord, body: string, delaySeconds = queue.delaySeconds): MessageRecord {
  ctx.state.sqs.sentCount++;
  const message: MessageRecord = { messageId: ctx.random.uuid(), body, visibleAt: ctx.clock.now + delaySeconds * 1000, receiveCount: 0, receivesHere: 0, sentAt: ctx.clock.now };
  arrive(ctx, queue, message);
  return message;
}

/** A message joins a queue (sent, or moved to a dead-letter queue): it expires there in time, and wakes workers once visible. */
function arrive(ctx: SimContext, queue: QueueRecord, message: MessageRecord): void {
  queue.messages.push(message);
  expireWhenDue(ctx, queue, message);
  wakeWhenVisible(ctx, queue, message);
}

/** Idle workers poll again once the message can be received (now, or after a delay or visibility timeout). */
function wakeWhenVisible(ctx: SimContext, queue: QueueRecord, message: MessageRecord): void {
  const receipt = message.receiptHandle;
  ctx.clock.schedule(message.visibleAt - ctx.clock.now, Priority.timer, () => {
    if (message.receiptHandle !== receipt || !queue.messages.includes(message)) return;
    if (redriveIfSpent(ctx, queue, message)) return;
    for (const wake of queue.waiting.splice(0)) wake();
  });
}

/**
 * A message received maxReceiveCount times from this queue and visible again (its last receiver did not
 * delete it) moves to the dead-letter queue instead of being delivered again, keeping its id, body, send
 * time and receive count. The dead-letter queue's own redrive policy counts only the receives made there,
 * so a message moved in is not moved on (or back) before anyone received it there.
 */
function redriveIfSpent(ctx: SimContext, queue: QueueRecord, message: MessageRecord): boolean {
  const policy = queue.redrivePolicy;
  if (!policy || message.receivesHere < policy.maxReceiveCount) return false;
  // SQS checks the target when the policy is set; a message whose target is gone stays where it is.
  const target = queueByArn(ctx, policy.deadLetterTargetArn);
  if (!target) return false;
  queue.messages.splice(queue.messages.indexOf(message), 1);
  message.receiptHandle = undefined;
  message.receivesHere = 0;
  message.visibleAt = ctx.clock.now;
  arrive(ctx, target, message);
  return true;
}

/**
 * A message older than the queue's MessageRetentionPeriod, counted from when it was first sent, is deleted,
 * received or not. Called again for every message when the period shortens; a timer that finds the period
 * lengthened waits for the new end.
 */
export function expireWhenDue(ctx: SimContext, queue: QueueRecord, message: MessageRecord): void {
  const due = () => message.sentAt + numericAttribute(queue, 'MessageRetentionPeriod') * 1000;
  ctx.clock.schedule(Math.max(0, due() - ctx.clock.now), Priority.timer, () => {
    const index = queue.messages.indexOf(message);
    if (index < 0) return;
    if (ctx.clock.now < due()) return expireWhenDue(ctx, queue, message);
    queue.messages.splice(index, 1);
  });
}

/** Takes up to `max` visible messages, oldest first, and hides each for `visibilitySeconds`. */
export function takeVisible(ctx: SimContext, queue: QueueRecord, max: number, visibilitySeconds: number): MessageRecord[] {
  const visible = queue.messages.filter((m) => m.visibleAt <= ctx.clock.now);
  // A spent message whose visibility ended this very instant goes to its dead-letter queue, not to this receive.
  const taken = visible.filter((m) => !redriveIfSpent(ctx, queue, m)).slice(0, max);
  for (const message of taken) {
    message.receiveCount++;
    message.receivesHere++;
    message.receiptHandle = `${queue.name}#${message.messageId}#${ctx.random.uuid()}`;
    message.visibleAt = ctx.clock.now + visibilitySeconds * 1000;
    wakeWhenVisible(ctx, queue, message);
  }
  return taken;
}

/** Removes the message the handle names if the handle is its latest; returns whether it did. */
export function deleteByReceipt(queue: QueueRecord, receiptHandle: string): boolean {
  const index = queue.messages.findIndex((m) => m.receiptHandle === receiptHandle);
  if (index < 0) return false;
  queue.messages.splice(index, 1);
  return true;
}
