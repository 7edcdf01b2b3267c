import { invalidParameter } from '../kernel/errors.js';
import { Priority } from '../kernel/clock.js';
import type { SimContext } from '../kernel/context.js';
import { optionalInteger, rejectUnknownFields, requireObject, requireString } from '../kernel/fields.js';
import { enqueue } from '../sqs/queue-operations.js';

export interface ProduceMessagesRequest {
  queue: string;
  /** A burst: this many messages at once. */
  count?: number;
  /** A steady producer: this many a second (fractions spread evenly), for `forSeconds`. */
  messagesPerSecond?: number;
  forSeconds?: number;
}

/** How many messages a steady producer sends in its `second`-th second (1-based): the totals stay exact. */
export function messagesInSecond(rate: number, second: number): number {
  return Math.floor(second * rate + 1e-9) - Math.floor((second - 1) * rate + 1e-9);
}

/** Simulation control: producers put messages on a queue, in a burst or at a steady rate, like an upstream service. */
export function produceMessages(ctx: SimContext, input: ProduceMessagesRequest): { messages: number } {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', ['queue', 'count', 'messagesPerSecond', 'forSeconds']);
  const name = requireString(request.queue, 'queue');
  const queue = ctx.state.sqs.queues.get(name);
  if (!queue) throw invalidParameter(`No queue named ${JSON.stringify(name.slice(0, 80))}: create it with sqs.createQueue first.`, 'queue');
  const send = (n: number) => {
    for (let i = 0; i < n; i++) enqueue(ctx, queue, `message ${ctx.state.sqs.sentCount + 1}`);
  };
  if ((request.count === undefined) === (request.messagesPerSecond === undefined)) {
    throw invalidParameter('Give either count (a burst) or messagesPerSecond with forSeconds (a steady producer).', 'count');
  }
  if (request.count !== undefined) {
    const count = optionalInteger(request.count, 'count', { min: 1, max: 100_000 })!;
    if (request.forSeconds !== undefined) throw invalidParameter('forSeconds goes with messagesPerSecond, not with a burst.', 'forSeconds');
    send(count);
    return { messages: count };
  }
  const rate = request.messagesPerSecond;
  if (typeof rate !== 'number' || !Number.isFinite(rate) || rate <= 0 || rate > 1000) throw invalidParameter('messagesPerSecond must be a number above 0 and at most 1000.', 'messagesPerSecond');
  const seconds = optionalInteger(request.forSeconds, 'forSeconds', { min: 1, max: 7 * 86_400 });
  if (seconds === undefined) throw invalidParameter('forSeconds should not be null or empty for a steady producer.', 'forSeconds');
  const tick = (second: number) => {
    send(messagesInSecond(rate, second));
    if (second < seconds) ctx.clock.schedule(1000, Priority.timer, () => tick(second + 1));
  };
  ctx.clock.schedule(1000, Priority.timer, () => tick(1));
  return { messages: Math.floor(seconds * rate + 1e-9) };
}
