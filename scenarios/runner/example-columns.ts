import { StepKeywordType, type Scenario, type Step } from '@cucumber/messages';

/** One column of a Scenario Outline example row: its value, and whether it is an expected result. */
export interface ExampleColumn {
  name: string;
  value: string;
  /** Used only by Outcome steps (Then, and the And/But after it): what the scenario checks, not a setting to try. */
  expected: boolean;
}

/** What a step says, with its doc string and data table, where an outline's `<column>` may appear. */
const stepWords = (step: Step) => [step.text, step.docString?.content ?? '', ...(step.dataTable?.rows.flatMap((r) => r.cells.map((c) => c.value)) ?? [])].join('\n');

/** The columns each Outcome-only step uses, and those some other step uses, of an outline's steps. */
function columnUses(steps: readonly Step[]): { outcome: Set<string>; other: Set<string> } {
  const outcome = new Set<string>();
  const other = new Set<string>();
  let type: Step['keywordType'];
  for (const step of steps) {
    // And and But (Conjunction) continue the step before them.
    if (step.keywordType !== StepKeywordType.CONJUNCTION) type = step.keywordType;
    for (const [, name] of stepWords(step).matchAll(/<([^<>]+)>/g)) (type === StepKeywordType.OUTCOME ? outcome : other).add(name);
  }
  return { outcome, other };
}

/** Each example row of a Scenario Outline, by the row's id: its columns, in the table's order. */
export function exampleColumns(scenario: Scenario): Map<string, ExampleColumn[]> {
  const { outcome, other } = columnUses(scenario.steps);
  const rows = new Map<string, ExampleColumn[]>();
  for (const table of scenario.examples) {
    const header = table.tableHeader?.cells ?? [];
    for (const row of table.tableBody) {
      rows.set(
        row.id,
        header.map((cell, i) => ({ name: cell.value, value: row.cells[i]?.value ?? '', expected: outcome.has(cell.value) && !other.has(cell.value) })),
      );
    }
  }
  return rows;
}
