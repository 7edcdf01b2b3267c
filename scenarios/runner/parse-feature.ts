import { AstBuilder, compile, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin';
import { IdGenerator, type GherkinDocument, type Pickle } from '@cucumber/messages';
import { exampleColumns, type ExampleColumn } from './example-columns.js';
import { takeAwayIn } from './take-away.js';

/** Gherkin text -> pickles (one per scenario and example row), with Scenario Outline values overridable. */
export interface FeatureParameter {
  name: string;
  value: string;
}

export interface ParsedFeature {
  name: string;
  description: string;
  pickles: readonly Pickle[];
  parameters: FeatureParameter[];
  /** Line of each pickle's scenario, by pickle id. */
  lines: Map<string, number>;
  /** Line of the example row each Scenario Outline pickle comes from, by pickle id. */
  rowLines: Map<string, number>;
  /** The take-away sentence of each pickle's scenario (see take-away.ts), by pickle id, where it has one. */
  takeAways: Map<string, string>;
  /** The Examples columns of each Scenario Outline pickle's row, by pickle id. */
  examples: Map<string, ExampleColumn[]>;
  /** Line and keyword ("Given ", "And ", ...) of each step, by the step's AST node id (a pickle step's astNodeIds[0]). */
  stepSources: Map<string, { line: number; keyword: string }>;
}

/**
 * `exampleValues` replace, by column name, the values of the Examples row of the scenario (pickle) at index
 * `exampleOf`, or of the first row of every Examples table without it: how the player and the permalink play
 * an example with other values.
 */
export function parseFeature(source: string, exampleValues: Record<string, string> = {}, exampleOf?: number): ParsedFeature {
  const newId = IdGenerator.incrementing();
  const document: GherkinDocument = new Parser(new AstBuilder(newId), new GherkinClassicTokenMatcher()).parse(source);
  const feature = document.feature;
  if (!feature) throw new Error('The file has no "Feature:" line.');
  const chosenRow = exampleOf === undefined ? undefined : compile(document, 'feature', newId)[exampleOf]?.astNodeIds[1];
  const parameters: FeatureParameter[] = [];
  const lines = new Map<string, number>();
  for (const child of feature.children) {
    const examples = child.scenario?.examples ?? [];
    for (const table of examples) {
      const header = table.tableHeader?.cells ?? [];
      const firstRow = table.tableBody[0]?.cells ?? [];
      const edited = chosenRow === undefined ? firstRow : (table.tableBody.find((row) => row.id === chosenRow)?.cells ?? []);
      header.forEach((cell, i) => {
        const override = exampleValues[cell.value];
        if (override !== undefined && edited[i]) (edited[i] as { value: string }).value = override;
        if (!parameters.some((p) => p.name === cell.value) && firstRow[i]) parameters.push({ name: cell.value, value: firstRow[i].value });
      });
    }
  }
  const pickles = compile(document, 'feature', newId);
  const scenarioLines = new Map<string, number>();
  const scenarioTakeAways = new Map<string, string>();
  const stepSources = new Map<string, { line: number; keyword: string }>();
  const exampleRowLines = new Map<string, number>();
  const rowColumns = new Map<string, ExampleColumn[]>();
  for (const child of feature.children) {
    if (child.scenario) for (const [row, columns] of exampleColumns(child.scenario)) rowColumns.set(row, columns);
    if (child.scenario) scenarioLines.set(child.scenario.id, child.scenario.location.line);
    for (const row of child.scenario?.examples.flatMap((table) => table.tableBody) ?? []) exampleRowLines.set(row.id, row.location.line);
    const takeAway = child.scenario && takeAwayIn(child.scenario.description);
    if (takeAway) scenarioTakeAways.set(child.scenario!.id, takeAway);
    for (const step of child.scenario?.steps ?? child.background?.steps ?? []) stepSources.set(step.id, { line: step.location.line, keyword: step.keyword.trim() });
  }
  const takeAways = new Map<string, string>();
  const rowLines = new Map<string, number>();
  const examples = new Map<string, ExampleColumn[]>();
  for (const pickle of pickles) {
    const columns = rowColumns.get(pickle.astNodeIds[1]);
    if (columns) examples.set(pickle.id, columns);
    lines.set(pickle.id, scenarioLines.get(pickle.astNodeIds[0]) ?? 0);
    const row = exampleRowLines.get(pickle.astNodeIds[1]);
    if (row !== undefined) rowLines.set(pickle.id, row);
    const takeAway = scenarioTakeAways.get(pickle.astNodeIds[0]);
    if (takeAway) takeAways.set(pickle.id, takeAway);
  }
  return { name: feature.name, description: feature.description.trim(), pickles, parameters, lines, rowLines, takeAways, examples, stepSources };
}
