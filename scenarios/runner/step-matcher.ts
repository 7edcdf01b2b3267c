import { CucumberExpression, CucumberExpressionGenerator, ParameterTypeRegistry } from '@cucumber/cucumber-expressions';
import { stepDefinitions, type StepDefinition } from '../steps/index.js';
import { editDistance } from '../../core/kernel/fields.js';

/** Matches step text against the library with Cucumber Expressions, as cucumber-js does. */
export interface StepMatch {
  definition: StepDefinition;
  args: Array<string | number>;
}

const registry = new ParameterTypeRegistry();
const compiled = stepDefinitions.map((definition) => ({ definition, expression: new CucumberExpression(definition.expression, registry) }));

export function matchStep(text: string): StepMatch[] {
  const matches: StepMatch[] = [];
  for (const { definition, expression } of compiled) {
    const args = expression.match(text);
    if (args) matches.push({ definition, args: args.map((a) => a.getValue(null) as string | number) });
  }
  return matches;
}

/** The closest known steps to an undefined one, best first, for the "did you mean" answer. */
export function suggestSteps(fullText: string, limit = 3): string[] {
  // A step is a sentence: comparing a megabyte of text with every expression would only waste time.
  const text = fullText.slice(0, 300);
  const shape = (s: string) => s.replace(/"[^"]*"/g, '{string}').replace(/\b\d+\b/g, '{int}').toLowerCase();
  return stepDefinitions
    .map((d) => ({ expression: d.expression, distance: editDistance(shape(text), d.expression.toLowerCase()) }))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, limit)
    .map((s) => s.expression);
}

const generator = new CucumberExpressionGenerator(() => registry.parameterTypes);

/**
 * A definition to start from for a step the library lacks, as cucumber-js prints its snippets, in the form of
 * the library's files (scenarios/steps): the expression cucumber-expressions makes of the text, its arguments
 * typed.
 */
export function stepSnippet(text: string): string {
  const [expression] = generator.generateExpressions(text);
  const names = expression.parameterNames;
  const args = expression.parameterInfos.map((info, i) => `${names[i]}: ${info.type === 'Number' ? 'number' : 'string'}`);
  return [`'${expression.source.replace(/[\\']/g, '\\$&')}': async (${['world', ...args].join(', ')}) => {`, '  // what the step does, through world.sim', '},'].join('\n');
}
