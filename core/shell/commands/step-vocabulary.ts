import { stepDefinitions, type StepDefinition } from '../../../scenarios/steps/index.js';

/**
 * The step library as a vocabulary for scenario authors: every step expression, grouped by topic in the
 * library's own order. The CLI (`ecs-lab steps`) and the docs page (docs/guide/steps.data.ts) both read it
 * here, from the library itself, so neither list is ever kept by hand.
 */
export interface StepTopic {
  topic: string;
  expressions: string[];
}

export function groupStepsByTopic(definitions: readonly Pick<StepDefinition, 'topic' | 'expression'>[]): StepTopic[] {
  const topics = new Map<string, string[]>();
  for (const { topic, expression } of definitions) topics.set(topic, [...(topics.get(topic) ?? []), expression]);
  return [...topics].map(([topic, expressions]) => ({ topic, expressions }));
}

export function stepVocabulary(): StepTopic[] {
  return groupStepsByTopic(stepDefinitions);
}
