import { describe, expect, it } from 'vitest';
import { decideTargetTracking } from '../../core/application-auto-scaling/target-tracking.js';

const base = { targetValue: 50, datapoints: [] as number[], current: 2, min: 1, max: 10, sinceScaleOut: Infinity, sinceScaleIn: Infinity, scaleOutCooldown: 300, scaleInCooldown: 300, deploying: false, disableScaleIn: false };

describe('target tracking', () => {
  it('scales out in proportion after 3 datapoints above target', () => {
    expect(decideTargetTracking({ ...base, datapoints: [90, 90] })).toBeUndefined();
    expect(decideTargetTracking({ ...base, datapoints: [60, 90, 100] })).toBe(4);
    expect(decideTargetTracking({ ...base, datapoints: [60, 90, 500] })).toBe(10);
  });

  it('waits out the scale-out cooldown', () => {
    expect(decideTargetTracking({ ...base, datapoints: [90, 90, 90], sinceScaleOut: 120 })).toBeUndefined();
  });

  it('scales in gradually after 15 datapoints below 0.9 × target, never during a deployment', () => {
    const quiet = Array.from({ length: 15 }, () => 10);
    expect(decideTargetTracking({ ...base, current: 8, datapoints: quiet.slice(1) })).toBeUndefined();
    expect(decideTargetTracking({ ...base, current: 8, datapoints: quiet })).toBe(5);
    expect(decideTargetTracking({ ...base, current: 8, datapoints: quiet, deploying: true })).toBeUndefined();
    expect(decideTargetTracking({ ...base, current: 8, datapoints: [...quiet.slice(1), 46] })).toBeUndefined();
  });

  it('brings a count outside min and max back inside first', () => {
    expect(decideTargetTracking({ ...base, current: 0 })).toBe(1);
    expect(decideTargetTracking({ ...base, current: 12 })).toBe(10);
  });
});

describe('scheduled action expressions', async () => {
  const { scheduleDue, validScheduleExpression } = await import('../../core/kernel/schedule-expression.js');
  const at = (iso: string) => {
    const [date, time] = iso.split('T');
    const [y, mo, d] = date.split('-').map(Number);
    const [h, mi] = time.split(':').map(Number);
    const days = Math.floor((Date.UTC(y, mo - 1, d) / 1000) / 86400);
    return days * 86400 + h * 3600 + mi * 60;
  };

  it('fires cron, at and rate expressions in the right minute, in UTC', () => {
    expect(scheduleDue('cron(0 22 * * ? *)', at('2026-01-05T22:00'), 0)).toBe(true);
    expect(scheduleDue('cron(0 22 * * ? *)', at('2026-01-05T21:59'), 0)).toBe(false);
    expect(scheduleDue('at(2026-01-06T07:30:00)', at('2026-01-06T07:30'), 0)).toBe(true);
    expect(scheduleDue('rate(15 minutes)', at('2026-01-05T09:30'), at('2026-01-05T09:00'))).toBe(true);
    expect(scheduleDue('rate(15 minutes)', at('2026-01-05T09:31'), at('2026-01-05T09:00'))).toBe(false);
  });

  it('accepts only the forms it understands', () => {
    expect(validScheduleExpression('cron(0 22 * * ? *)')).toBe(true);
    expect(validScheduleExpression('cron(0/5 * * * ? *)')).toBe(false);
    expect(validScheduleExpression('rate(0 minutes)')).toBe(false);
  });
});
