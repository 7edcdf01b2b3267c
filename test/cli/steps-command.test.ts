import { describe, expect, it } from 'vitest';
import { groupStepsByTopic, stepVocabulary } from '../../core/shell/commands/step-vocabulary.js';
import { stepDefinitions } from '../../scenarios/steps/index.js';
import { ecsLab } from './ecs-lab-cli.js';

describe('ecs-lab steps', () => {
  it('prints every step expression of the library, under its topic', async () => {
    const printed = await ecsLab(['steps', '--no-color']);
    expect(printed.code).toBe(0);
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
