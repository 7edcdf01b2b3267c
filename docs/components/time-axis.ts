/**
 * The x axis of a chart over virtual time: at least a minute long, so a run of zero length still has a scale
 * to read, with ticks on round steps (at most 8), labelled m:ss, or h:mm once the run lasts an hour.
 */
export interface TimeAxis {
  max: number;
  stepSize: number;
  title: string;
  label: (ms: number) => string;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
export const SHORTEST_AXIS_MS = MINUTE;
const STEPS = [SECOND, 5 * SECOND, 10 * SECOND, 15 * SECOND, 30 * SECOND, MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, 24 * HOUR];
const MOST_TICKS = 8;

const two = (n: number) => String(n).padStart(2, '0');
const minuteSecond = (ms: number) => `${Math.floor(ms / MINUTE)}:${two(Math.floor((ms % MINUTE) / SECOND))}`;
const hourMinute = (ms: number) => `${Math.floor(ms / HOUR)}:${two(Math.floor((ms % HOUR) / MINUTE))}`;

export function timeAxis(end: number): TimeAxis {
  const span = Math.max(end, SHORTEST_AXIS_MS);
  const stepSize = STEPS.find((step) => span / step <= MOST_TICKS) ?? STEPS.at(-1)!;
  const hours = span >= HOUR;
  return {
    max: Math.ceil(span / stepSize) * stepSize,
    stepSize,
    title: hours ? 'virtual time (h:min)' : 'virtual time (min:s)',
    label: hours ? hourMinute : minuteSecond,
  };
}
