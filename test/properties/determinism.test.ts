import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runFeature } from '../../scenarios/runner/run-feature.js';
import { replaysIdentically, resumesFromSnapshot } from './properties.js';
import { assertRuns } from './property-runs.js';

const FEATURES = new URL('../../scenarios/features/', import.meta.url);
const features = readdirSync(FEATURES).filter((f) => f.endsWith('.feature')).sort();
const eventLog = async (source: string, seed: number) => JSON.stringify((await runFeature(source, { seed })).scenarios.map((s) => s.events));

describe('determinism', () => {
  it('has features to replay', () => {
    expect(features.length).toBeGreaterThan(5);
  });

  // One seed is enough here: the 'determinism' property below draws a new seed for each of its runs.
  it.each(features)('%s gives a byte-identical event log for the same seed', async (file) => {
    const source = readFileSync(new URL(file, FEATURES), 'utf8');
    expect(await eventLog(source, 977)).toBe(await eventLog(source, 977));
  });

  it('gives a byte-identical event log for the same random operations and seed', () => {
    assertRuns(replaysIdentically);
  }, 600_000);

  it('gives the same event log when a run is saved halfway, restored from the snapshot and continued', () => {
    assertRuns(resumesFromSnapshot);
  }, 600_000);
});
