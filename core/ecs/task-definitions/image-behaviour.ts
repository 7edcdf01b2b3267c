import type { ImageBehaviour, ImageLogLines } from '../model/image-catalogue.js';
import { fail, optionalArray, optionalBoolean, optionalInteger, optionalString, rejectUnknownFields, requireObject, requireString } from '../../kernel/fields.js';

const SECONDS = ['pullSeconds', 'startSeconds', 'crashAfterSeconds', 'stopSeconds', 'unhealthyAfterSeconds', 'warmUpSeconds'] as const;
const AMOUNTS = ['baseMemoryMiB', 'memoryGrowthMiBPerMinute', 'capacityRps', 'latencyMs', 'idleCpuPercent', 'memoryPerRequestPerSecondMiB'] as const;

/** registerImage's behaviour: every number finite and not negative, so the clock never sees a bad delay. */
export function validateImageBehaviour(input: unknown): ImageBehaviour {
  const raw = requireObject(input, 'behaviour');
  rejectUnknownFields(raw, 'behaviour', [...SECONDS, ...AMOUNTS, 'errorPercent', 'pullError', 'exitCode', 'calls', 'countsMinutesIn', 'logs', 'tracesDaemon', 'worker']);
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
  if (raw.errorPercent !== undefined) {
    const percent = raw.errorPercent;
    if (typeof percent !== 'number' || !Number.isFinite(percent) || percent < 0 || percent > 100) {
      fail('InvalidParameterException', 'behaviour.errorPercent', 'behaviour.errorPercent must be a number from 0 to 100.');
    }
    behaviour.errorPercent = percent;
  }
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
  if (raw.logs !== undefined) behaviour.logs = validateLogLines(raw.logs);
  const tracesDaemon = optionalBoolean(raw.tracesDaemon, 'behaviour.tracesDaemon');
  if (tracesDaemon !== undefined) behaviour.tracesDaemon = tracesDaemon;
  if (raw.worker !== undefined) {
    const worker = requireObject(raw.worker, 'behaviour.worker');
    rejectUnknownFields(worker, 'behaviour.worker', ['queue', 'secondsPerMessage', 'crashesOnBody']);
    const seconds = worker.secondsPerMessage;
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0.001 || seconds > 86400) {
      fail('InvalidParameterException', 'behaviour.worker.secondsPerMessage', 'behaviour.worker.secondsPerMessage must be a number from 0.001 to 86400.');
    }
    behaviour.worker = { queue: requireString(worker.queue, 'behaviour.worker.queue'), secondsPerMessage: seconds };
    // Not empty: an empty text is in every body.
    if (worker.crashesOnBody !== undefined) behaviour.worker.crashesOnBody = requireString(worker.crashesOnBody, 'behaviour.worker.crashesOnBody');
  }
  return behaviour;
}

/** behaviour.logs: what the process prints; a periodic line at most once a second, so a run stays small. */
function validateLogLines(input: unknown): ImageLogLines {
  const raw = requireObject(input, 'behaviour.logs');
  rejectUnknownFields(raw, 'behaviour.logs', ['atStart', 'every', 'atExit', 'onStop']);
  const logs: ImageLogLines = {};
  const atStart = optionalArray(raw.atStart, 'behaviour.logs.atStart', 20);
  if (atStart) logs.atStart = atStart.map((line, i) => optionalString(line, `behaviour.logs.atStart[${i}]`) ?? '');
  if (raw.every !== undefined) {
    const every = requireObject(raw.every, 'behaviour.logs.every');
    rejectUnknownFields(every, 'behaviour.logs.every', ['seconds', 'line']);
    const seconds = optionalInteger(every.seconds, 'behaviour.logs.every.seconds', { min: 1, max: 86400 });
    if (seconds === undefined) fail('InvalidParameterException', 'behaviour.logs.every.seconds', 'behaviour.logs.every.seconds should not be null or empty.');
    logs.every = { seconds, line: requireString(every.line, 'behaviour.logs.every.line') };
  }
  const atExit = optionalString(raw.atExit, 'behaviour.logs.atExit');
  if (atExit !== undefined) logs.atExit = atExit;
  const onStop = optionalString(raw.onStop, 'behaviour.logs.onStop');
  if (onStop !== undefined) logs.onStop = onStop;
  return logs;
}
