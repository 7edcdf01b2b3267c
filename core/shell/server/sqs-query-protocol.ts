import { escapeXml } from './query-protocol.js';

/**
 * Amazon SQS in the AWS Query protocol, as AWS CLI v2.9 sends it: lists and maps are "flattened", with no
 * `member` wrapper. A request names `AttributeName.1=All` and `Attribute.1.Name=...&Attribute.1.Value=...`
 * where the JSON protocol says `AttributeNames` and `Attributes`; an answer repeats `<Message>` and
 * `<Attribute><Name/><Value/></Attribute>`.
 */

type Entries = Record<string, unknown>;

/** `{ '1': a, '2': b }`, as the Query reader leaves a flattened list, in index order. */
function listOf(value: unknown): unknown[] {
  if (value === null || typeof value !== 'object') return [value];
  return Object.entries(value as Entries)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, item]) => item);
}

/** A flattened map's `{ '1': { Name, Value } }` entries as a JSON map; `key`/`value` name its members. */
function mapOf(value: unknown, key: string, item: string): Entries {
  return Object.fromEntries(listOf(value).map((entry) => [String((entry as Entries)?.[key]), (entry as Entries)?.[item]]));
}

/** Query member -> the JSON protocol's member, and how its value reads. */
const FLATTENED_INPUT: Record<string, [string, (value: unknown) => unknown]> = {
  AttributeName: ['AttributeNames', listOf],
  MessageSystemAttributeName: ['MessageSystemAttributeNames', listOf],
  MessageAttributeName: ['MessageAttributeNames', listOf],
  Attribute: ['Attributes', (value) => mapOf(value, 'Name', 'Value')],
  MessageAttribute: ['MessageAttributes', (value) => mapOf(value, 'Name', 'Value')],
  Tag: ['tags', (value) => mapOf(value, 'Key', 'Value')],
};

/** A Query request's members in the JSON shapes the engine's SQS facade takes. */
export function sqsJsonInput(input: Entries): Entries {
  return Object.fromEntries(
    Object.entries(input).map(([member, value]) => {
      const flattened = Object.hasOwn(FLATTENED_INPUT, member) ? FLATTENED_INPUT[member] : undefined;
      return flattened ? [flattened[0], flattened[1](value)] : [member, value];
    }),
  );
}

/** The engine's JSON answer written as SQS's Query XML: `Messages` as repeated `Message`, `Attributes` as `Attribute` pairs. */
export function sqsResultXml(result: unknown): string {
  return Object.entries(result as Entries)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([member, value]) => {
      if (member === 'Messages') return (value as unknown[]).map((message) => `<Message>${sqsResultXml(message)}</Message>`).join('');
      if (member === 'Attributes') {
        return Object.entries(value as Entries)
          .map(([name, text]) => `<Attribute><Name>${escapeXml(name)}</Name><Value>${escapeXml(String(text))}</Value></Attribute>`)
          .join('');
      }
      return `<${member}>${escapeXml(String(value))}</${member}>`;
    })
    .join('');
}
