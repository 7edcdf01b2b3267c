import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { groupStepsByTopic, stepVocabulary } from '../../core/shell/commands/step-vocabulary.js';
import { stepDefinitions } from '../../scenarios/steps/index.js';

describe('ecs-lab steps', { timeout: 60_000 }, () => {
  const printed = spawnSync(process.execPath, ['core/shell/bin.js', 'steps', '--no-color'], { encoding: 'utf8' });

  it('prints every step expression of the library, under its topic', () => {
    expect(printed.status).toBe(0);
    const lines = printed.stdout.split('\n');
    for (const { expression, topic } of stepDefinitions) {
      expect(lines, expression).toContain(`  ${expression}`);
      expect(lines.indexOf(topic)).toBeLessThan(lines.indexOf(`  ${expression}`));
    }
  });

  it('groups by topic in the library\'s order, each topic once', () => {
    const groups = groupStepsByTopic([
      { topic: 'B', expression: 'b1' },
      { topic: 'A', expression: 'a1' },
      { topic: 'B', expression: 'b2' },
    ]);
    expect(groups).toEqual([
      { topic: 'B', expressions: ['b1', 'b2'] },
      { topic: 'A', expressions: ['a1'] },
    ]);
    expect(stepVocabulary().flatMap((g) => g.expressions)).toHaveLength(stepDefinitions.length);
  });
});
