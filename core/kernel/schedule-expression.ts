import { isoFromEpochSeconds } from './iso-time.js';

/**
 * Whether a scheduled action's expression is due in the minute starting at `epochSeconds` (UTC).
 * Supported: at(yyyy-mm-ddThh:mm:ss), rate(N minute(s)|hour(s)|day(s)) counted from `since`, and
 * cron(minute hour day-of-month month day-of-week year) with numbers, '*' or '?' in each field.
 */
export function scheduleDue(expression: string, epochSeconds: number, sinceEpochSeconds: number): boolean {
  const minuteStart = Math.floor(epochSeconds / 60) * 60;
  const at = /^at\((\d{4}-\d{2}-\d{2}T\d{2}:\d{2}):\d{2}\)$/.exec(expression);
  if (at) return isoFromEpochSeconds(minuteStart).startsWith(at[1]);
  const rate = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(expression);
  if (rate) {
    const unit = rate[2].startsWith('minute') ? 60 : rate[2].startsWith('hour') ? 3600 : 86400;
    const period = Number(rate[1]) * unit;
    return period > 0 && minuteStart > sinceEpochSeconds && Math.floor((minuteStart - sinceEpochSeconds) / 60) % (period / 60) === 0;
  }
  const cron = /^cron\((\S+) (\S+) (\S+) (\S+) (\S+) (\S+)\)$/.exec(expression);
  if (!cron) return false;
  const iso = isoFromEpochSeconds(minuteStart);
  const [minute, hour, day, month] = [Number(iso.slice(14, 16)), Number(iso.slice(11, 13)), Number(iso.slice(8, 10)), Number(iso.slice(5, 7))];
  const matches = (field: string, value: number) => field === '*' || field === '?' || Number(field) === value;
  return matches(cron[1], minute) && matches(cron[2], hour) && matches(cron[3], day) && matches(cron[4], month);
}

export function validScheduleExpression(expression: string): boolean {
  return (
    /^at\(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\)$/.test(expression) ||
    /^rate\([1-9]\d* (minute|minutes|hour|hours|day|days)\)$/.test(expression) ||
    /^cron\((\*|\d{1,2}) (\*|\d{1,2}) (\*|\?|\d{1,2}) (\*|\d{1,2}) (\*|\?) (\*|\d{4})\)$/.test(expression)
  );
}
