import { answeringAs, EcsError } from '../kernel/errors.js';
import { epochSeconds, type SimContext } from '../kernel/context.js';
import { optionalArray, optionalInteger, optionalString, rejectUnknownFields, requireObject, requireString } from '../kernel/fields.js';
import { md5Hex } from './md5.js';
import { messageCounts, type QueueRecord } from './queue-state.js';
import { applyQueueAttributes, checkQueueAttributes, NUMERIC_ATTRIBUTES, numericAttribute } from './queue-attributes.js';
import { deleteByReceipt, enqueue, expireWhenDue, takeVisible } from './queue-operations.js';
import { startMetricsMinute } from '../cloudwatch/metrics-minute.js';

/**
 * Amazon SQS standard queues in the JSON protocol's shapes (QueueUrl, Attributes as strings, Messages)
 * and exception names. A receive takes the oldest visible messages and hides them for the visibility
 * timeout; only the latest receipt handle deletes a message. WaitTimeSeconds is checked but a call
 * answers at once: simulated time does not pass inside a call.
 */
const invalid = (message: string, field: string) => new EcsError('InvalidParameterValue', message, field);
const sqsChecks = <T>(check: () => T) => answeringAs('InvalidParameterValue', check);

const READABLE_ATTRIBUTES = [
  ...Object.keys(NUMERIC_ATTRIBUTES),
  'RedrivePolicy',
  'QueueArn',
  'CreatedTimestamp',
  'ApproximateNumberOfMessages',
  'ApproximateNumberOfMessagesNotVisible',
  'ApproximateNumberOfMessagesDelayed',
];

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
  const checked = sqsChecks(() => checkQueueAttributes(ctx, request.Attributes));
  if (request.tags !== undefined) sqsChecks(() => requireObject(request.tags, 'tags'));
  const existing = ctx.state.sqs.queues.get(name);
  if (existing) {
    const current = (key: string) => existing.attributes[key] ?? (key === 'RedrivePolicy' ? '' : String(NUMERIC_ATTRIBUTES[key][0]));
    const differing = Object.keys(checked.values).find((key) => checked.values[key] !== current(key));
    if (differing) throw new EcsError('QueueNameExists', `A queue already exists with the same name and a different value for attribute ${differing}`, `Attributes.${differing}`);
    return { QueueUrl: existing.url };
  }
  const queue: QueueRecord = {
    name,
    url: `https://sqs.${ctx.region}.amazonaws.com/${ctx.accountId}/${name}`,
    arn: `arn:aws:sqs:${ctx.region}:${ctx.accountId}:${name}`,
    createdAt: ctx.clock.now,
    attributes: {},
    visibilityTimeoutSeconds: 0,
    delaySeconds: 0,
    messages: [],
    waiting: [],
  };
  applyQueueAttributes(queue, checked);
  ctx.state.sqs.queues.set(name, queue);
  startMetricsMinute(ctx);
  ctx.hooks.queueCreated.emit(ctx);
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
  const maximum = numericAttribute(queue, 'MaximumMessageSize');
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
    ...Object.fromEntries(Object.keys(NUMERIC_ATTRIBUTES).map((key) => [key, String(numericAttribute(queue, key))])),
    ...(queue.attributes.RedrivePolicy ? { RedrivePolicy: queue.attributes.RedrivePolicy } : {}),
    QueueArn: queue.arn,
    CreatedTimestamp: String(Math.floor(epochSeconds(ctx, queue.createdAt))),
    ApproximateNumberOfMessages: String(counts.visible),
    ApproximateNumberOfMessagesNotVisible: String(counts.notVisible),
    ApproximateNumberOfMessagesDelayed: String(counts.delayed),
  };
  // A named attribute the queue does not have (RedrivePolicy unset) is left out, as SQS does.
  const chosen = names.includes('All') ? Object.keys(all) : names.filter((n) => all[n] !== undefined);
  return chosen.length ? { Attributes: Object.fromEntries(chosen.map((n) => [n, all[n]])) } : {};
}

/**
 * SetQueueAttributes: the same attributes and rules as CreateQueue's; the whole set is checked before any
 * of it applies. A shorter MessageRetentionPeriod applies to the messages already there (SQS: "potentially
 * causing them to be expired and deleted"); RedrivePolicy "" removes the policy.
 */
export function setQueueAttributes(ctx: SimContext, input: { QueueUrl: string; Attributes: Record<string, string> }) {
  const request = sqsChecks(() => requireObject(input, 'request'));
  sqsChecks(() => rejectUnknownFields(request, '', ['QueueUrl', 'Attributes']));
  const queue = queueByUrl(ctx, request.QueueUrl);
  if (request.Attributes === undefined) throw invalid('The request must contain the parameter Attributes.', 'Attributes');
  const checked = sqsChecks(() => checkQueueAttributes(ctx, request.Attributes));
  const retention = numericAttribute(queue, 'MessageRetentionPeriod');
  applyQueueAttributes(queue, checked);
  if (numericAttribute(queue, 'MessageRetentionPeriod') < retention) for (const message of queue.messages) expireWhenDue(ctx, queue, message);
  return {};
}
