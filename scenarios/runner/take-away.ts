/**
 * A scenario's take-away: the one sentence a learner should remember, written in the scenario's own
 * description (the lines under `Scenario:`, before its first step) after "Take away:". Kept in the feature file
 * so that the scenario, what it proves and what it teaches never part; the player shows it.
 */
const MARK = /\bTake away:\s*/;

/** The text after "Take away:" in a description, its lines joined; undefined when there is none. */
export function takeAwayIn(description: string): string | undefined {
  const found = MARK.exec(description);
  if (!found) return undefined;
  const text = description.slice(found.index + found[0].length).split('\n').map((line) => line.trim()).filter(Boolean).join(' ');
  return text === '' ? undefined : text;
}
