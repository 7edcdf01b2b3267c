import type { ImageBehaviour } from '../model/image-catalogue.js';
import { fail, optionalArray, optionalInteger, optionalString, rejectUnknownFields, requireObject, requireString } from './fields.js';

const SECONDS = ['pullSeconds', 'startSeconds', 'crashAfterSeconds', 'stopSeconds', 'unhealthyAfterSeconds'] as const;
const AMOUNTS = ['baseMemoryMiB', 'memoryGrowthMiBPerMinute', 'capacityRps', 'latencyMs', 'idleCpuPercent'] as const;

/** registerImage's behaviour: every number finite and not negative, so the clock never sees a bad delay. */
export function validateImageBehaviour(input: unknown): ImageBehaviour {
  const raw = requireObject(input, 'behaviour');
  rejectUnknownFields(raw, 'behaviour', [...SECONDS, ...AMOUNTS, 'pullError', 'exitCode', 'calls', 'countsMinutesIn']);
  const behaviour: ImageBehaviour = {};
  for (const key of [...SECONDS, ...AMOUNTS]) {
    const value = raw[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 365 * 86400) {
      fail('InvalidParameterException', `behaviour.${key}`, `behaviour.${key} must be a number from 0 to ${365 * 86400}.`);
    }
    behaviour[key] = value;
  }
  if (behaviour.capacityRps === 0) fail('InvalidParameterException', 'behaviour.capacityRps', 'behaviour.capacityRps must be more than 0.');
  const exitCode = optionalInteger(raw.exitCode, 'behaviour.exitCode', { min: 0, max: 255 });
  if (exitCode !== undefined) behaviour.exitCode = exitCode;
  const pullError = optionalString(raw.pullError, 'behaviour.pullError');
  if (pullError !== undefined) behaviour.pullError = pullError;
  const counts = optionalString(raw.countsMinutesIn, 'behaviour.countsMinutesIn');
  if (counts !== undefined) behaviour.countsMinutesIn = counts;
  const calls = optionalArray(raw.calls, 'behaviour.calls', 20);
  if (calls) {
    behaviour.calls = calls.map((c, i) => {
      const call = requireObject(c, `behaviour.calls[${i}]`);
      return { action: requireString(call.action, `behaviour.calls[${i}].action`), resource: requireString(call.resource, `behaviour.calls[${i}].resource`) };
    });
  }
  return behaviour;
}
