import { EcsError } from '../kernel/errors.js';
import type { SimContext } from '../kernel/context.js';
import { requireObject } from '../kernel/fields.js';
import type { QueueRecord, RedrivePolicy } from './queue-state.js';

/**
 * The queue attributes CreateQueue and SetQueueAttributes take, with SQS's rules and error texts. A whole
 * set is checked before any of it is applied, so a refused call leaves the queue as it was.
 */

/** The numeric attributes: [default, min, max], as the SQS API reference gives them. */
export const NUMERIC_ATTRIBUTES: Record<string, [number, number, number]> = {
  VisibilityTimeout: [30, 0, 43_200],
  DelaySeconds: [0, 0, 900],
  MessageRetentionPeriod: [345_600, 60, 1_209_600],
  ReceiveMessageWaitTimeSeconds: [0, 0, 20],
  MaximumMessageSize: [262_144, 1_024, 262_144],
};

const SETTABLE = [...Object.keys(NUMERIC_ATTRIBUTES), 'RedrivePolicy'];

/** The value of a numeric attribute of `queue`: as set, else SQS's default. */
export const numericAttribute = (queue: Pick<QueueRecord, 'attributes'>, name: string): number => Number(queue.attributes[name] ?? NUMERIC_ATTRIBUTES[name][0]);

/** SQS names a bad RedrivePolicy by quoting the whole value back, then the reason. */
const badPolicy = (value: string, reason: string) =>
  new EcsError('InvalidParameterValue', `Value ${value.slice(0, 300)} for parameter RedrivePolicy is invalid. Reason: ${reason}`, 'Attributes.RedrivePolicy');

/**
 * RedrivePolicy is a JSON string `{"deadLetterTargetArn": "...", "maxReceiveCount": 3}`; SQS also takes the
 * count as a string ("3"), as SDK examples write it. The dead-letter queue must already exist (SQS checks it
 * when the policy is set). Returns the policy written back as SQS does, with the count a number.
 */
function redrivePolicy(ctx: SimContext, value: string): { text: string; policy: RedrivePolicy } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw badPolicy(value, 'Invalid JSON.');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw badPolicy(value, 'Invalid JSON.');
  const { deadLetterTargetArn: arn, maxReceiveCount: count, ...rest } = parsed as Record<string, unknown>;
  const unknown = Object.keys(rest)[0];
  if (unknown !== undefined) throw badPolicy(value, `Unknown attribute ${unknown.slice(0, 40)}: a redrive policy has deadLetterTargetArn and maxReceiveCount.`);
  if (arn === undefined) throw badPolicy(value, 'Redrive policy does not contain mandatory attribute: deadLetterTargetArn.');
  if (count === undefined) throw badPolicy(value, 'Redrive policy does not contain mandatory attribute: maxReceiveCount.');
  const number = typeof count === 'number' ? count : typeof count === 'string' && /^-?\d+$/.test(count) ? Number(count) : NaN;
  if (!Number.isInteger(number) || number < 1 || number > 1000) {
    throw badPolicy(value, `Invalid value for maxReceiveCount: ${String(count).slice(0, 40)}, valid values are from 1 to 1000 both inclusive.`);
  }
  if (typeof arn !== 'string' || !/^arn:aws:sqs:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,80}$/.test(arn)) {
    throw badPolicy(value, 'Dead-letter target ARN should be fully qualified ARN.');
  }
  if (!queueByArn(ctx, arn)) throw badPolicy(value, 'Dead letter target does not exist.');
  const policy = { deadLetterTargetArn: arn, maxReceiveCount: number };
  return { text: JSON.stringify(policy), policy };
}

export function queueByArn(ctx: SimContext, arn: string): QueueRecord | undefined {
  const queue = ctx.state.sqs.queues.get(arn.slice(arn.lastIndexOf(':') + 1));
  return queue?.arn === arn ? queue : undefined;
}

export interface CheckedAttributes {
  /** As the API returns them: strings, a RedrivePolicy rewritten in SQS's form. */
  values: Record<string, string>;
  /** The parsed RedrivePolicy, when the request sets one ('' removes it, as in SQS). */
  redrivePolicy?: RedrivePolicy | null;
}

/** Checks a CreateQueue or SetQueueAttributes `Attributes` map without applying any of it. */
export function checkQueueAttributes(ctx: SimContext, input: unknown): CheckedAttributes {
  const raw = input === undefined ? {} : requireObject(input, 'Attributes');
  const checked: CheckedAttributes = { values: {} };
  for (const [name, value] of Object.entries(raw)) {
    if (!SETTABLE.includes(name)) {
      throw new EcsError('InvalidAttributeName', `Unknown Attribute ${name.slice(0, 80)}. This simulator runs standard queues with: ${SETTABLE.join(', ')}.`, `Attributes.${name.slice(0, 80)}`);
    }
    if (name === 'RedrivePolicy') {
      if (typeof value !== 'string') throw new EcsError('InvalidParameterValue', 'The RedrivePolicy attribute is a string: the policy written as JSON.', 'Attributes.RedrivePolicy');
      if (value === '') {
        checked.values.RedrivePolicy = '';
        checked.redrivePolicy = null;
        continue;
      }
      const { text, policy } = redrivePolicy(ctx, value);
      checked.values.RedrivePolicy = text;
      checked.redrivePolicy = policy;
      continue;
    }
    const [, min, max] = NUMERIC_ATTRIBUTES[name];
    const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
    if (!(number >= min && number <= max)) {
      throw new EcsError('InvalidAttributeValue', `Invalid value for the parameter ${name}: a whole number of ${min} to ${max}, as a string.`, `Attributes.${name}`);
    }
    checked.values[name] = String(number);
  }
  return checked;
}

/** Applies checked attributes to a queue: the values the API shows and the settings the queue runs on. */
export function applyQueueAttributes(queue: QueueRecord, checked: CheckedAttributes): void {
  for (const [name, value] of Object.entries(checked.values)) {
    if (value === '') delete queue.attributes[name];
    else queue.attributes[name] = value;
  }
  if (checked.redrivePolicy !== undefined) queue.redrivePolicy = checked.redrivePolicy ?? undefined;
  queue.visibilityTimeoutSeconds = numericAttribute(queue, 'VisibilityTimeout');
  queue.delaySeconds = numericAttribute(queue, 'DelaySeconds');
}
