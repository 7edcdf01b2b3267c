import { describe, expect, it } from 'vitest';
import type { LabChecks, Verdict } from '../../labs/lab-kit/check-types.js';
import { runChecks } from '../../labs/lab-kit/run-checks.js';

const input = { id: 'input', title: 'the input is usable', hint: 'look at the input' };
const check = (id: string, verify: () => Verdict) => ({ id, title: `check ${id}`, hint: `hint ${id}`, verify });

describe('running a lab\'s checks never throws', () => {
  it('turns a check that crashes into a failed check that says so, and runs the others', () => {
    const lab: LabChecks<number> = {
      input,
      prepare: () => ({ ok: true, run: 1, observed: 'fine' }),
      checks: [
        check('crashes', () => {
          throw new TypeError('boom');
        }),
        check('passes', () => ({ passed: true, observed: 'all good' })),
      ],
    };
    const report = runChecks(lab, {});
    expect(report.passed).toBe(false);
    expect(report.results.map((r) => [r.id, r.status])).toEqual([['input', 'passed'], ['crashes', 'failed'], ['passes', 'passed']]);
    expect(report.results[1].message).toContain('boom');
  });

  it('turns a preparation that crashes into a failed first check; the others are skipped, not failed', () => {
    const lab: LabChecks<number> = {
      input,
      prepare: () => {
        throw new Error('cannot build the world');
      },
      checks: [check('later', () => ({ passed: true, observed: '' }))],
    };
    const report = runChecks(lab, {});
    expect(report.results[0]).toMatchObject({ status: 'failed', hint: 'look at the input' });
    expect(report.results[0].message).toContain('cannot build the world');
    expect(report.results[1]).toMatchObject({ status: 'skipped', message: expect.stringContaining('Not run') });
    expect(report.results[1].hint).toBeUndefined();
  });

  it('points a failed check at the place in the learner\'s file its verdict names, and a passed one nowhere', () => {
    const location = { file: 'services.json', line: 12, column: 7 };
    const lab: LabChecks<number> = {
      input,
      prepare: () => ({ ok: true, run: 1, observed: 'fine' }),
      checks: [check('fails', () => ({ passed: false, observed: 'one subnet', location })), check('passes', () => ({ passed: true, observed: 'ok', location }))],
    };
    const [, fails, passes] = runChecks(lab, {}).results;
    expect(fails.location).toEqual(location);
    expect(passes.location).toBeUndefined();
  });

  it('reports a check that could not judge anything as not run, without its hint, saying what it waits for', () => {
    const lab: LabChecks<number> = {
      input,
      prepare: () => ({ ok: true, run: 1, observed: 'fine' }),
      checks: [check('waits', () => ({ passed: false, skipped: true, observed: 'Not judged until part 1 passes.' }))],
    };
    const report = runChecks(lab, {});
    expect(report.results[1]).toMatchObject({ status: 'skipped', message: 'Not judged until part 1 passes.' });
    expect(report.results[1].hint).toBeUndefined();
    expect(report.passed).toBe(false);
  });

  it('gives the hint that fits the problem the input has, else the input check\'s own', () => {
    const lab = (hint?: string): LabChecks<number> => ({ input, prepare: () => ({ ok: false, problem: { message: 'broken', hint } }), checks: [] });
    expect(runChecks(lab('mend the JSON'), {}).results[0].hint).toBe('mend the JSON');
    expect(runChecks(lab(), {}).results[0].hint).toBe('look at the input');
  });

  it('times each check, as it really ran', () => {
    const busy = () => {
      const until = performance.now() + 20;
      while (performance.now() < until);
      return { passed: true, observed: 'done' };
    };
    const lab: LabChecks<number> = { input, prepare: () => ({ ok: true, run: 1, observed: 'fine' }), checks: [check('slow', busy), check('quick', () => ({ passed: true, observed: '' }))] };
    const [, slow, quick] = runChecks(lab, {}).results;
    expect(slow.seconds).toBeGreaterThanOrEqual(0.02);
    expect(quick.seconds).toBeLessThan(slow.seconds);
  });

  it('copes with a thrown value that cannot even be turned into text', () => {
    const lab: LabChecks<number> = {
      input,
      prepare: () => {
        throw Object.assign(Object.create(null), { diagnosticText: 'TS1005' });
      },
      checks: [],
    };
    expect(runChecks(lab, {}).results[0].message).toContain('TS1005');
  });

  it('gives the hint only with a failure', () => {
    const lab: LabChecks<number> = {
      input,
      prepare: () => ({ ok: true, run: 1, observed: 'fine' }),
      checks: [check('passes', () => ({ passed: true, observed: 'ok' })), check('fails', () => ({ passed: false, observed: 'saw 3' }))],
    };
    const [, passes, fails] = runChecks(lab, {}).results;
    expect(passes.hint).toBeUndefined();
    expect(fails).toMatchObject({ message: 'saw 3', hint: 'hint fails' });
  });
});
