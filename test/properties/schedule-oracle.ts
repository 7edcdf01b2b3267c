/**
 * When a schedule expression is due, written from the EventBridge and Application Auto Scaling
 * documentation rather than from the engine: at(yyyy-mm-ddThh:mm:ss) in its minute, rate(N unit) every N
 * units counted from the simulator's start (the simulator's documented choice), and cron(minute hour
 * day month ? year) with numbers or wildcards. `epochSeconds` is the start of a minute.
 */
export function scheduleDue(expression: string, epochSeconds: number, startEpochSeconds: number): boolean {
  const iso = new Date(epochSeconds * 1000).toISOString();
  const at = /^at\((.{16}):\d\d\)$/.exec(expression);
  if (at) return iso.startsWith(at[1]);
  const rate = /^rate\((\d+) (minute|hour|day)s?\)$/.exec(expression);
  if (rate) {
    const minutes = Number(rate[1]) * { minute: 1, hour: 60, day: 1440 }[rate[2] as 'minute' | 'hour' | 'day'];
    const elapsed = (epochSeconds - startEpochSeconds) / 60;
    return elapsed > 0 && elapsed % minutes === 0;
  }
  const cron = /^cron\((\S+) (\S+) (\S+) (\S+) \S+ \S+\)$/.exec(expression);
  if (!cron) throw new Error(`The oracle does not read ${expression}`);
  const fields = [iso.slice(14, 16), iso.slice(11, 13), iso.slice(8, 10), iso.slice(5, 7)].map(Number);
  return fields.every((value, i) => cron[i + 1] === '*' || cron[i + 1] === '?' || Number(cron[i + 1]) === value);
}
