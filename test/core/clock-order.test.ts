import { describe, expect, it } from 'vitest';
import { Clock, Priority } from '../../core/kernel/clock.js';

describe('the clock', () => {
  it('runs actions by time, then priority, then the order they were scheduled in', () => {
    const clock = new Clock();
    const ran: string[] = [];
    const note = (name: string) => () => ran.push(`${name}@${clock.now}`);
    clock.schedule(2000, Priority.lifecycle, note('late'));
    clock.schedule(1000, Priority.schedulerPass, note('pass'));
    clock.schedule(1000, Priority.lifecycle, note('first'));
    clock.schedule(1000, Priority.timer, note('timer'));
    clock.schedule(1000, Priority.lifecycle, note('second'));
    clock.runUntil(5000);
    expect(ran).toEqual(['first@1000', 'second@1000', 'timer@1000', 'pass@1000', 'late@2000']);
    expect(clock.now).toBe(5000);
    expect(clock.pending).toBe(0);
  });

  it('runs an action scheduled for now after those already due now at its priority, even from the last of them', () => {
    const clock = new Clock();
    const ran: string[] = [];
    clock.schedule(0, Priority.lifecycle, () => {
      ran.push('a');
      clock.schedule(0, Priority.lifecycle, () => ran.push('c'));
      clock.schedule(0, Priority.timer, () => ran.push('timer'));
    });
    clock.schedule(0, Priority.lifecycle, () => {
      ran.push('b');
      // Scheduled from the last action of its slot: it still runs before anything of a later priority.
      clock.schedule(0, Priority.lifecycle, () => ran.push('d'));
    });
    clock.schedule(0, Priority.schedulerPass, () => ran.push('pass'));
    clock.runUntil(0);
    expect(ran).toEqual(['a', 'b', 'c', 'd', 'timer', 'pass']);
  });

  it('lets an action lapse when the generation of its owner moved before it was due, still counting it as a step', () => {
    const clock = new Clock();
    const owner = { generation: 0 };
    const ran: string[] = [];
    let steps = 0;
    clock.onAfterStep(() => steps++);
    clock.schedule(1000, Priority.lifecycle, () => ran.push('stale'), owner);
    clock.schedule(500, Priority.lifecycle, () => {
      owner.generation++;
      clock.schedule(1000, Priority.lifecycle, () => ran.push('current'), owner);
    });
    clock.runUntil(5000);
    expect(ran).toEqual(['current']);
    expect(steps).toBe(3);
  });

  it('stops at the first action past the limit and counts what is still queued', () => {
    const clock = new Clock();
    let runs = 0;
    for (let s = 1; s <= 5; s++) clock.schedule(s * 1000, Priority.timer, () => runs++);
    clock.runUntil(3000);
    expect([runs, clock.pending, clock.now]).toEqual([3, 2, 3000]);
    expect(clock.runUntilCondition(() => runs === 4, 10_000)).toBe(true);
    expect(clock.now).toBe(4000);
  });
});
