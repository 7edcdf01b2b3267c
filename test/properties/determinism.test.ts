import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runFeature, type RunFeatureOptions } from '../../scenarios/runner/run-feature.js';
import { replaysIdentically, resumesFromSnapshot } from './properties.js';
import { assertRuns } from './property-runs.js';

const FEATURES = new URL('../../scenarios/features/', import.meta.url);
const features = readdirSync(FEATURES).filter((f) => f.endsWith('.feature')).sort();
const eventLog = async (source: string, options: RunFeatureOptions) => JSON.stringify((await runFeature(source, options)).scenarios.map((s) => s.events));

describe('determinism', () => {
  it('has features to replay', () => {
    expect(features.length).toBeGreaterThan(5);
  });

  // One seed is enough here: the 'determinism' property below draws a new seed for each of its runs. The first run
  // is the player's, picture after picture; the second draws nothing, as `ecs-lab run`, so drawing must not change
  // the story either.
  it.each(features)('%s gives a byte-identical event log for the same seed, drawn or not', async (file) => {
    const source = readFileSync(new URL(file, FEATURES), 'utf8');
    const drawn = await eventLog(source, { seed: 977 });
    expect(await eventLog(source, { seed: 977, pictures: false })).toBe(drawn);
  });

  it('gives a byte-identical event log for the same random operations and seed', () => {
    assertRuns(replaysIdentically);
  }, 600_000);

  it('gives the same event log when a run is saved halfway, restored from the snapshot and continued', () => {
    assertRuns(resumesFromSnapshot);
  }, 600_000);
});
