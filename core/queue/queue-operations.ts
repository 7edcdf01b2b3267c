import { Priority } from '../engine/clock.js';
import type { SimContext } from '../engine/context.js';
import type { MessageRecord, QueueRecord } from './queue-state.js';

/** What sending, receiving and deleting do to a queue, shared by the SQS API, the workers and the producers. */

/** Puts a message on the queue and wakes idle workers when it is visible at once. */
export function enqueue(ctx: SimContext, queue: QueueRecord, body: string, delaySeconds = queue.delaySeconds): MessageRecord {
  ctx.state.sqs.sentCount++;
  const message: MessageRecord = { messageId: ctx.random.uuid(), body, visibleAt: ctx.clock.now + delaySeconds * 1000, receiveCount: 0, sentAt: ctx.clock.now };
  queue.messages.push(message);
  wakeWhenVisible(ctx, queue, message);
  return message;
}

/** Idle workers poll again once the message can be received (now, or after a delay or visibility timeout). */
function wakeWhenVisible(ctx: SimContext, queue: QueueRecord, message: MessageRecord): void {
  const receipt = message.receiptHandle;
  ctx.clock.schedule(message.visibleAt - ctx.clock.now, Priority.timer, () => {
    if (message.receiptHandle !== receipt || !queue.messages.includes(message)) return;
    for (const wake of queue.waiting.splice(0)) wake();
  });
}

/** Takes up to `max` visible messages, oldest first, and hides each for `visibilitySeconds`. */
export function takeVisible(ctx: SimContext, queue: QueueRecord, max: number, visibilitySeconds: number): MessageRecord[] {
  const taken = queue.messages.filter((m) => m.visibleAt <= ctx.clock.now).slice(0, max);
  for (const message of taken) {
    message.receiveCount++;
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
