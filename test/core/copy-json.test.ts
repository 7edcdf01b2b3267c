import { describe, expect, it } from 'vitest';
import { copyJson } from '../../core/kernel/copy-json.js';

describe('copyJson (the deep copy views make of a record\'s nested members)', () => {
  it('gives what structuredClone gives for plain data, so a changed answer never changes the record', () => {
    const record = { minimumHealthyPercent: 100, alarms: { alarmNames: ['cpu'], enable: true }, hooks: [{ stages: ['PRE_SCALE_UP'], details: null }], gone: undefined };
    const copy = copyJson(record);
    expect(copy).toStrictEqual(structuredClone(record));
    expect(JSON.stringify(copy)).toBe(JSON.stringify(record));
    copy.alarms.alarmNames.push('memory');
    copy.hooks[0].stages[0] = 'POST_SCALE_UP';
    expect(record.alarms.alarmNames).toEqual(['cpu']);
    expect(record.hooks[0].stages).toEqual(['PRE_SCALE_UP']);
  });

  it('copies what is not plain data (a Date) as structuredClone does', () => {
    const at = new Date(0);
    const copy = copyJson({ at });
    expect(copy.at).toBeInstanceOf(Date);
    expect(copy.at).not.toBe(at);
    expect(copy.at.getTime()).toBe(0);
  });
});
