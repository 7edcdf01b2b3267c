import { answeringAs, EcsError } from '../api/errors.js';
import { epochSeconds, type SimContext } from '../engine/context.js';
import { optionalArray, optionalInteger, optionalString, rejectUnknownFields, requireObject, requireString } from '../validation/fields.js';
import { md5Hex } from './md5.js';
import { messageCounts, type QueueRecord } from './queue-state.js';
import { deleteByReceipt, enqueue, takeVisible } from './queue-operations.js';
import { watchWorkers } from './queue-workers.js';
import { ensureMetrics } from '../autoscaling/metrics-and-scaling.js';

/**
 * Amazon SQS standard queues in the JSON protocol's shapes (QueueUrl, Attributes as strings, Messages)
 * and exception names. A receive takes the oldest visible messages and hides them for the visibility
 * timeout; only the latest receipt handle deletes a message. WaitTimeSeconds is checked but a call
 * answers at once: simulated time does not pass inside a call.
 */
const invalid = (message: string, field: string) => new EcsError('InvalidParameterValue', message, field);
const sqsChecks = <T>(check: () => T) => answeringAs('InvalidParameterValue', check);

/** CreateQueue attributes the simulator knows: [default, min, max]. */
const ATTRIBUTES: Record<string, [number, number, number]> = {
  VisibilityTimeout: [30, 0, 43_200],
  DelaySeconds: [0, 0, 900],
  MessageRetentionPeriod: [345_600, 60, 1_209_600],
  ReceiveMessageWaitTimeSeconds: [0, 0, 20],
  MaximumMessageSize: [262_144, 1_024, 262_144],
};

const READABLE_ATTRIBUTES = [
  ...Object.keys(ATTRIBUTES),
  'QueueArn',
  'CreatedTimestamp',
  'ApproximateNumberOfMessages',
  'ApproximateNumberOfMessagesNotVisible',
  'ApproximateNumberOfMessagesDelayed',
];

function queueAttributes(input: unknown): Record<string, string> {
  const raw = input === undefined ? {} : requireObject(input, 'Attributes');
  const attributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    const range = Object.hasOwn(ATTRIBUTES, name) ? ATTRIBUTES[name] : undefined;
    if (!range) throw new EcsError('InvalidAttributeName', `Unknown Attribute ${name}. This simulator runs standard queues with: ${Object.keys(ATTRIBUTES).join(', ')}.`, `Attributes.${name}`);
    const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
    if (!(number >= range[1] && number <= range[2])) {
      throw new EcsError('InvalidAttributeValue', `Invalid value for the parameter ${name}: a whole number of ${range[1]} to ${range[2]}, as a string.`, `Attributes.${name}`);
    }
    attributes[name] = String(number);
  }
  return attributes;
}

export function queueByUrl(ctx: SimContext, url: unknown): QueueRecord {
  const queueUrl = sqsChecks(() => requireString(url, 'QueueUrl'));
  const queue = [...ctx.state.sqs.queues.values()].find((q) => q.url === queueUrl);
  if (!queue) throw new EcsError('QueueDoesNotExist', 'The specified queue does not exist.', 'QueueUrl');
  return queue;
}

export function createQueue(ctx: SimContext, input: { QueueName: string; Attributes?: Record<string, string>; tags?: Record<string, string> }) {
  const request = sqsChecks(() => requireObject(input, 'request'));
  sqsChecks(() => rejectUnknownFields(request, '', ['QueueName', 'Attributes', 'tags']));
  const name = sqsChecks(() => requireString(request.QueueName, 'QueueName'));
  if (!/^[A-Za-z0-9_-]{1,80}$/.test(name)) {
    throw invalid('Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length (FIFO queues are not simulated).', 'QueueName');
  }
  const attributes = queueAttributes(request.Attributes);
  if (request.tags !== undefined) sqsChecks(() => requireObject(request.tags, 'tags'));
  const existing = ctx.state.sqs.queues.get(name);
  if (existing) {
    const differing = Object.keys(attributes).find((key) => attributes[key] !== (existing.attributes[key] ?? String(ATTRIBUTES[key][0])));
    if (differing) throw new EcsError('QueueNameExists', `A queue already exists with the same name and a different value for attribute ${differing}`, `Attributes.${differing}`);
    return { QueueUrl: existing.url };
  }
  const setting = (key: string) => Number(attributes[key] ?? ATTRIBUTES[key][0]);
  const queue: QueueRecord = {
    name,
    url: `https://sqs.${ctx.region}.amazonaws.com/${ctx.accountId}/${name}`,
    arn: `arn:aws:sqs:${ctx.region}:${ctx.accountId}:${name}`,
    createdAt: ctx.clock.now,
    attributes,
    visibilityTimeoutSeconds: setting('VisibilityTimeout'),
    delaySeconds: setting('DelaySeconds'),
    messages: [],
    waiting: [],
  };
  ctx.state.sqs.queues.set(name, queue);
  ensureMetrics(ctx);
  watchWorkers(ctx);
  return { QueueUrl: queue.url };
}

export function getQueueUrl(ctx: SimContext, input: { QueueName: string; QueueOwnerAWSAccountId?: string }) {
  const request = sqsChecks(() => requireObject(input, 'request'));
  sqsChecks(() => rejectUnknownFields(request, '', ['QueueName', 'QueueOwnerAWSAccountId']));
  const name = sqsChecks(() => requireString(request.QueueName, 'QueueName'));
  const owner = sqsChecks(() => optionalString(request.QueueOwnerAWSAccountId, 'QueueOwnerAWSAccountId'));
  const queue = ctx.state.sqs.queues.get(name);
  if (!queue || (owner !== undefined && owner !== ctx.accountId)) throw new EcsError('QueueDoesNotExist', 'The specified queue does not exist.', 'QueueName');
  return { QueueUrl: queue.url };
}

export function sendMessage(ctx: SimContext, input: { QueueUrl: string; MessageBody: string; DelaySeconds?: number }) {
  const request = sqsChecks(() => requireObject(input, 'request'));
  sqsChecks(() => rejectUnknownFields(request, '', ['QueueUrl', 'MessageBody', 'DelaySeconds', 'MessageAttributes', 'MessageSystemAttributes']));
  const queue = queueByUrl(ctx, request.QueueUrl);
  const body = sqsChecks(() => requireString(request.MessageBody, 'MessageBody'));
  const maximum = Number(queue.attributes.MaximumMessageSize ?? ATTRIBUTES.MaximumMessageSize[0]);
  if (body.length > maximum) throw invalid(`One or more parameters are invalid. Reason: Message must be shorter than ${maximum} bytes.`, 'MessageBody');
  const delay = sqsChecks(() => optionalInteger(request.DelaySeconds, 'DelaySeconds', { min: 0, max: 900 }));
  const message = enqueue(ctx, queue, body, delay);
  return { MessageId: message.messageId, MD5OfMessageBody: md5Hex(body) };
}

export function receiveMessage(
  ctx: SimContext,
  input: { QueueUrl: string; MaxNumberOfMessages?: number; VisibilityTimeout?: number; WaitTimeSeconds?: number; AttributeNames?: string[]; MessageSystemAttributeNames?: string[] },
) {
  const request = sqsChecks(() => requireObject(input, 'request'));
  sqsChecks(() =>
    rejectUnknownFields(request, '', ['QueueUrl', 'MaxNumberOfMessages', 'VisibilityTimeout', 'WaitTimeSeconds', 'AttributeNames', 'MessageSystemAttributeNames', 'MessageAttributeNames', 'ReceiveRequestAttemptId']),
  );
  const queue = queueByUrl(ctx, request.QueueUrl);
  const max = sqsChecks(() => optionalInteger(request.MaxNumberOfMessages, 'MaxNumberOfMessages', { min: 1, max: 10 })) ?? 1;
  const visibility = sqsChecks(() => optionalInteger(request.VisibilityTimeout, 'VisibilityTimeout', { min: 0, max: 43_200 })) ?? queue.visibilityTimeoutSeconds;
  sqsChecks(() => optionalInteger(request.WaitTimeSeconds, 'WaitTimeSeconds', { min: 0, max: 20 }));
  const wanted = [...(sqsChecks(() => optionalArray(request.AttributeNames, 'AttributeNames')) ?? []), ...(sqsChecks(() => optionalArray(request.MessageSystemAttributeNames, 'MessageSystemAttributeNames')) ?? [])];
  const withCount = wanted.some((n) => n === 'All' || n === 'ApproximateReceiveCount');
  const messages = takeVisible(ctx, queue, max, visibility).map((m) => ({
    MessageId: m.messageId,
    ReceiptHandle: m.receiptHandle!,
    MD5OfBody: md5Hex(m.body),
    Body: m.body,
    ...(withCount ? { Attributes: { ApproximateReceiveCount: String(m.receiveCount), SentTimestamp: String(Math.round(epochSeconds(ctx, m.sentAt) * 1000)) } } : {}),
  }));
  return messages.length ? { Messages: messages } : {};
}

export function deleteMessage(ctx: SimContext, input: { QueueUrl: string; ReceiptHandle: string }) {
  const request = sqsChecks(() => requireObject(input, 'request'));
  sqsChecks(() => rejectUnknownFields(request, '', ['QueueUrl', 'ReceiptHandle']));
  const queue = queueByUrl(ctx, request.QueueUrl);
  const handle = sqsChecks(() => requireString(request.ReceiptHandle, 'ReceiptHandle'));
  // A handle this queue issued but which is stale (the message was received again, or deleted) is accepted, as SQS does.
  if (!handle.startsWith(`${queue.name}#`)) throw new EcsError('ReceiptHandleIsInvalid', `The input receipt handle "${handle.slice(0, 60)}" is not a valid receipt handle.`, 'ReceiptHandle');
  deleteByReceipt(queue, handle);
  return {};
}

export function getQueueAttributes(ctx: SimContext, input: { QueueUrl: string; AttributeNames?: string[] }) {
  const request = sqsChecks(() => requireObject(input, 'request'));
  sqsChecks(() => rejectUnknownFields(request, '', ['QueueUrl', 'AttributeNames']));
  const queue = queueByUrl(ctx, request.QueueUrl);
  const names = (sqsChecks(() => optionalArray(request.AttributeNames, 'AttributeNames', 30)) ?? []).map((n, i) => sqsChecks(() => requireString(n, `AttributeNames[${i}]`)));
  const unknown = names.find((n) => n !== 'All' && !READABLE_ATTRIBUTES.includes(n));
  if (unknown) throw new EcsError('InvalidAttributeName', `Unknown Attribute ${unknown}.`, 'AttributeNames');
  const counts = messageCounts(queue, ctx.clock.now);
  const all: Record<string, string> = {
    ...Object.fromEntries(Object.entries(ATTRIBUTES).map(([key, [fallback]]) => [key, queue.attributes[key] ?? String(fallback)])),
    QueueArn: queue.arn,
    CreatedTimestamp: String(Math.floor(epochSeconds(ctx, queue.createdAt))),
    ApproximateNumberOfMessages: String(counts.visible),
    ApproximateNumberOfMessagesNotVisible: String(counts.notVisible),
    ApproximateNumberOfMessagesDelayed: String(counts.delayed),
  };
  const chosen = names.includes('All') ? Object.keys(all) : names;
  return chosen.length ? { Attributes: Object.fromEntries(chosen.map((n) => [n, all[n]])) } : {};
}
