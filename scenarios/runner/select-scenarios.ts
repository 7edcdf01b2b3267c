import type { Pickle } from '@cucumber/messages';
import type { Node as TagExpression } from '@cucumber/tag-expressions';
import type { ParsedFeature } from './parse-feature.js';

/**
 * Which scenarios of a feature to play, chosen as cucumber-js chooses them (its PickleFilter): by line (a
 * Scenario's line takes all its examples, an example row's line that one row), by tag expression (the tags of
 * the feature, the scenario and the Examples), and by name (any of the regular expressions). A scenario is
 * played when it passes all three.
 */
export interface ScenarioFilter {
  /** `file:line`: lines of scenarios or example rows. Left out: every line. */
  lines?: readonly number[];
  /** `--tags`, parsed with @cucumber/tag-expressions. */
  tags?: TagExpression;
  /** `--name`: the scenario's name must match one of them. Empty or left out: every name. */
  names?: readonly RegExp[];
}

export interface Selection {
  pickles: Pickle[];
  /** Lines asked for that are the line of no scenario and no example row: nothing to play there. */
  unknownLines: number[];
}

export function selectScenarios(parsed: ParsedFeature, filter: ScenarioFilter): Selection {
  const linesOf = (pickle: Pickle) => [parsed.lines.get(pickle.id), parsed.rowLines.get(pickle.id)].filter((line) => line !== undefined);
  const known = new Set(parsed.pickles.flatMap(linesOf));
  const pickles = parsed.pickles.filter(
    (pickle) =>
      (filter.lines === undefined || linesOf(pickle).some((line) => filter.lines!.includes(line))) &&
      (filter.tags === undefined || filter.tags.evaluate(pickle.tags.map((tag) => tag.name))) &&
      (!filter.names?.length || filter.names.some((name) => name.test(pickle.name))),
  );
  return { pickles, unknownLines: (filter.lines ?? []).filter((line) => !known.has(line)) };
}

/** The lines `file:line` can name in a feature, in order: each scenario's, and each example row's. */
export function selectableLines(parsed: ParsedFeature): number[] {
  const lines = new Set([...parsed.lines.values(), ...parsed.rowLines.values()]);
  return [...lines].sort((a, b) => a - b);
}
