import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../core/index.js';

describe('EventBridge PutEvents', () => {
  it('fails only the entry whose Detail is not a JSON object, and sends the others', () => {
    const sim = createSimulator();
    const before = sim.control.events().length;
    const result = sim.eventBridge.putEvents({
      Entries: [
        { Source: 'my.app', DetailType: 'Upload', Detail: '{"key":"a.csv"}' },
        { Source: 'my.app', DetailType: 'Upload', Detail: 'not json' },
        { Source: 'my.app', DetailType: 'Upload', Detail: '[1,2]' },
      ],
    });
    expect(result.FailedEntryCount).toBe(2);
    expect(result.Entries[1]).toEqual({ ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' });
    expect(result.Entries[0]).toHaveProperty('EventId');
    const sent = sim.control.events().slice(before).filter((e) => e.kind === 'eventbridge' && e.event.source === 'my.app');
    expect(sent).toHaveLength(1);
  });

  it('sends nothing when one entry lacks its Source', () => {
    const sim = createSimulator();
    const before = sim.control.events().length;
    expect(() =>
      sim.eventBridge.putEvents({ Entries: [{ Source: 'my.app', DetailType: 'Upload', Detail: '{}' }, { DetailType: 'Upload', Detail: '{}' } as never] }),
    ).toThrow('Entries[1] needs Source and DetailType.');
    expect(sim.control.events().length).toBe(before);
  });
});
