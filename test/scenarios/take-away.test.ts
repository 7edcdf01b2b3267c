import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseFeature } from '../../scenarios/runner/parse-feature.js';
import { runFeature } from '../../scenarios/runner/run-feature.js';
import { takeAwayIn } from '../../scenarios/runner/take-away.js';

const chaptersDir = fileURLToPath(new URL('../../docs/chapters/', import.meta.url));
const featuresDir = fileURLToPath(new URL('../../scenarios/features/', import.meta.url));

/** Every feature a chapter plays, with the chapters that play it. */
function featuresPlayedInChapters(): Map<string, string[]> {
  const played = new Map<string, string[]>();
  for (const file of readdirSync(chaptersDir).filter((f) => f.endsWith('.md'))) {
    const source = readFileSync(chaptersDir + file, 'utf8');
    for (const [, feature] of source.matchAll(/<ScenarioPlayer\b[^>]*\bfeature="([\w-]+)"/g)) played.set(feature, [...(played.get(feature) ?? []), file]);
  }
  return played;
}

const played = [...featuresPlayedInChapters()];

describe('the take-away of every scenario a chapter plays', () => {
  it('finds the players of the chapters', () => {
    expect(played.map(([feature]) => feature)).toEqual(expect.arrayContaining(['rolling-update', 'native-blue-green', 'linear-and-canary']));
  });

  it.each(played)('%s: each scenario has one sentence to remember, in its own words', (feature) => {
    const parsed = parseFeature(readFileSync(`${featuresDir}${feature}.feature`, 'utf8'));
    for (const pickle of parsed.pickles) {
      const takeAway = parsed.takeAways.get(pickle.id);
      expect(takeAway, `scenario "${pickle.name}" has no "Take away:" line`).toBeDefined();
      // One sentence: a full stop at the end and none before another sentence starts (it may open with a field name).
      expect(takeAway, pickle.name).toMatch(/^\S.*\.$/);
      expect(takeAway!.slice(0, -1), `"${takeAway}" is more than one sentence`).not.toMatch(/[.!?]\s+[A-Z]/);
      expect(takeAway!.length, pickle.name).toBeLessThanOrEqual(160);
      expect(takeAway!.toLowerCase(), 'says more than the scenario title').not.toBe(`${pickle.name.toLowerCase()}.`);
    }
  });
});

describe('reading a take-away from a scenario description', () => {
  it('takes the text after "Take away:", its lines joined', () => {
    expect(takeAwayIn('Some context.\nTake away: drain the instance\n  before you stop it.')).toBe('drain the instance before you stop it.');
  });

  it('has none when the description has no "Take away:" or nothing after it', () => {
    expect(takeAwayIn('Only context.')).toBeUndefined();
    expect(takeAwayIn('Take away:   ')).toBeUndefined();
  });

  it("comes with each scenario's run, outline examples included, and only where the scenario has one", async () => {
    const run = await runFeature(`Feature: f
  Scenario: with one
    Take away: Clusters exist once created.
    Given an empty cluster "a"

  Scenario: without
    Given an empty cluster "b"

  Scenario Outline: outline
    Take away: Every example shares it.
    Given an empty cluster "<name>"

    Examples:
      | name |
      | c    |
      | d    |
`);
    expect(run.scenarios.map((s) => s.takeAway)).toEqual(['Clusters exist once created.', undefined, 'Every example shares it.', 'Every example shares it.']);
    expect(run.scenarios[0].steps[0].line).toBe(4);
  });
});
