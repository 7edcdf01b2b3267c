import type { SpreadCounts } from './rank-by-strategies.js';
import { mergeInto, PositionList } from './position-list.js';

/**
 * A spread over single instances (instanceId, host) right after a spread over an attribute, as in the default
 * service strategy (zones, then instances): per value of the attribute, its candidates grouped by their own
 * task count, each group in position order. The instance spread's choice among the values the first spread
 * kept is then read off the lowest groups, instead of scoring every candidate of those values for every task
 * placed (a zone of a large cluster holds hundreds of instances). Kept up to date one candidate at a time.
 */
export class LowestPerValue {
  /** Per candidate position: the number of its value, and its score (its own task count) as last filed. */
  private readonly valueOf: Int32Array;
  private readonly scoreOf: Float64Array;
  /** Per value number: its candidates by score, and the lowest score among them (Infinity with none). */
  private readonly byScore: Array<Map<number, PositionList>> = [];
  private readonly lowest: number[] = [];

  constructor(
    private readonly values: SpreadCounts,
    private readonly scores: SpreadCounts,
    count: number,
  ) {
    this.valueOf = new Int32Array(count);
    this.scoreOf = new Float64Array(count);
    for (let index = 0; index < count; index++) this.file(index);
  }

  /**
   * Writes to the front of `ranked` the candidates with the lowest score among those of `valueIds`, in position
   * order (what keepLowest over those values' candidates gives), up to `limit` of them; returns their number.
   */
  keepLowest(valueIds: readonly number[], ranked: Int32Array, limit = Infinity): number {
    let best = Infinity;
    for (const id of valueIds) best = Math.min(best, this.lowest[id]);
    const groups: PositionList[] = [];
    for (const id of valueIds) if (this.lowest[id] === best) groups.push(this.byScore[id].get(best)!);
    return mergeInto(groups, ranked, limit);
  }

  /** Files the candidate at `index` again once both rules' counts have taken its change. */
  update(index: number): void {
    const value = this.values.valueIdOf(index);
    const score = this.scores.countAt(index);
    if (value === this.valueOf[index] && score === this.scoreOf[index]) return;
    this.unfile(index);
    this.file(index);
  }

  private file(index: number): void {
    const value = this.values.valueIdOf(index);
    const score = this.scores.countAt(index);
    this.valueOf[index] = value;
    this.scoreOf[index] = score;
    while (this.byScore.length <= value) {
      this.byScore.push(new Map());
      this.lowest.push(Infinity);
    }
    const groups = this.byScore[value];
    let group = groups.get(score);
    if (!group) groups.set(score, (group = new PositionList()));
    group.insert(index);
    if (score < this.lowest[value]) this.lowest[value] = score;
  }

  private unfile(index: number): void {
    const value = this.valueOf[index];
    const score = this.scoreOf[index];
    const groups = this.byScore[value];
    const group = groups.get(score)!;
    group.remove(index);
    if (group.length > 0) return;
    groups.delete(score);
    if (score === this.lowest[value]) this.lowest[value] = Math.min(Infinity, ...groups.keys());
  }
}
