import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runFeature } from '../../scenarios/runner/run-feature.js';

const feature = readFileSync(new URL('../../scenarios/features/rolling-update.feature', import.meta.url), 'utf8');
const eventLog = async (seed: number) => JSON.stringify((await runFeature(feature, { seed })).scenarios.map((s) => s.events));

describe('determinism', () => {
  it('gives a byte-identical event log for the same scenario and seed', async () => {
    expect(await eventLog(42)).toBe(await eventLog(42));
  });

  it('gives different ids for a different seed, with the same story', async () => {
    const a = (await runFeature(feature, { seed: 1 })).scenarios[0].events;
    const b = (await runFeature(feature, { seed: 2 })).scenarios[0].events;
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(b));
    const story = (events: typeof a) => events.filter((e) => e.kind === 'service-event').map((e) => (e.kind === 'service-event' ? e.message.replace(/[0-9a-f]{32}|ecs-svc\/\d+/g, 'ID') : ''));
    expect(story(a)).toEqual(story(b));
  });
});
