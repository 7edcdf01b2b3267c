import type { PlacementStrategy } from '../model/types.js';
import type { PlacementCandidate } from './placement-candidate.js';
import { mergeInto, PositionList } from './position-list.js';

/** How a spread field reads a candidate: the instance for instanceId/host, else the named attribute (if set). */
export function valueReader(field: string): (candidate: PlacementCandidate) => string | undefined {
  const f = field.toLowerCase();
  if (f === 'instanceid' || f === 'host') return (c) => c.containerInstanceId;
  const name = field.replace(/^attribute:/, '');
  return (c) => (Object.hasOwn(c.attributes, name) ? c.attributes[name] : undefined);
}

/**
 * Spread counts the group's tasks per value over every instance, not only those the task fits on.
 * Instances without the attribute share one bucket, so they are balanced against the others, not always
 * preferred. Counted once per call, then kept up to date as each placement changes one candidate.
 */
export class SpreadCounts {
  private readonly valueOf: (candidate: PlacementCandidate) => string | undefined;
  private readonly idOfValue = new Map<string | undefined, number>();
  /** Per candidate, its value's number; per value number, the group's tasks. */
  private readonly valueIds: Int32Array;
  private readonly counts: number[] = [];
  /** Per value number, the candidates with that value, in index order. */
  private readonly members: PositionList[] = [];

  constructor(field: string, candidates: readonly PlacementCandidate[]) {
    this.valueOf = valueReader(field);
    this.valueIds = new Int32Array(candidates.length);
    candidates.forEach((candidate, index) => this.add(index, candidate));
  }

  /** The group's tasks on every instance sharing the candidate's value (bound, for keepLowest). */
  readonly score = (index: number): number => this.countAt(index);

  /** As `score`, as a method: a call through each placer's own bound copy would be a new call target each time. */
  countAt(index: number): number {
    return this.counts[this.valueIds[index]];
  }

  /** The number of the candidate's value: the same for every candidate sharing the value. */
  valueIdOf(index: number): number {
    return this.valueIds[index];
  }

  /** Whether each candidate has a value of its own (instanceId, host), so that its score is its own task count. */
  get onePerValue(): boolean {
    return this.members.every((m) => m.length <= 1);
  }

  /**
   * The rule's choice when every candidate is in the running and `ranked` lists them all in order, found from
   * the values' counts and member lists instead of reading each candidate: the candidates of the value (or
   * two values) with the fewest tasks, written to the front of `ranked` (the first `limit` of them), their
   * number, and the values kept. Undefined when more values than two, but not all, tie.
   */
  keepLowestValues(ranked: Int32Array, limit = Infinity): { kept: number; values: readonly number[] } | undefined {
    let best = Infinity;
    let withMembers = 0;
    const tied: number[] = [];
    for (let id = 0; id < this.counts.length; id++) {
      if (this.members[id].length === 0) continue;
      withMembers++;
      if (this.counts[id] < best) {
        best = this.counts[id];
        tied.length = 0;
      }
      if (this.counts[id] === best) tied.push(id);
    }
    if (tied.length === withMembers) return { kept: this.valueIds.length, values: tied };
    if (tied.length > 2) return undefined;
    return { kept: mergeInto(tied.map((id) => this.members[id]), ranked, limit), values: tied };
  }

  replace(index: number, before: PlacementCandidate, after: PlacementCandidate): void {
    const id = this.valueIds[index];
    this.counts[id] -= before.groupTaskCount;
    // A placement leaves the instance's value as it was; only a changed value moves the candidate.
    if (this.idOf(after) === id) {
      this.counts[id] += after.groupTaskCount;
      return;
    }
    this.members[id].remove(index);
    this.add(index, after);
  }

  private idOf(candidate: PlacementCandidate): number {
    const value = this.valueOf(candidate);
    let id = this.idOfValue.get(value);
    if (id === undefined) {
      id = this.counts.length;
      this.idOfValue.set(value, id);
      this.counts.push(0);
      this.members.push(new PositionList());
    }
    return id;
  }

  private add(index: number, candidate: PlacementCandidate): void {
    const id = this.idOf(candidate);
    this.valueIds[index] = id;
    this.counts[id] += candidate.groupTaskCount;
    this.members[id].insert(index);
  }
}

/**
 * One strategy rule over the candidates still in the running: the first `count` entries of `ranked`
 * (indices, in registration order). Each rule keeps the candidates that score best, later rules break ties
 * (Developer Guide, task placement strategies). The kept ones are moved to the front, in order, and their
 * number returned: placing thousands of tasks over thousands of instances allocates nothing here.
 * `pick(n)` is the injected random choice; `spread` holds the counts of a spread rule.
 */
export function applyStrategy(
  rule: PlacementStrategy,
  ranked: Int32Array,
  count: number,
  candidates: readonly PlacementCandidate[],
  spread: SpreadCounts | undefined,
  pick: (n: number) => number,
): number {
  if (count <= 1) return count;
  switch (rule.type) {
    case 'random':
      ranked[0] = ranked[pick(count)];
      return 1;
    case 'binpack': {
      // Every candidate fits, so the least remaining now is also the least remaining after the task. ECS echoes
      // the field as given and accepts CPU/MEMORY too.
      const byCpu = rule.field?.toLowerCase() === 'cpu';
      return keepLowest(ranked, count, (i) => (byCpu ? candidates[i].remainingCpu : candidates[i].remainingMemory));
    }
    case 'spread':
      return keepLowest(ranked, count, spread!.score);
  }
}

/** One pass: a new lowest score restarts the kept list, which never overtakes the entry being read. */
function keepLowest(ranked: Int32Array, count: number, score: (index: number) => number): number {
  let best = Infinity;
  let kept = 0;
  for (let k = 0; k < count; k++) {
    const value = score(ranked[k]);
    if (value < best) {
      best = value;
      kept = 0;
    }
    if (value === best) ranked[kept++] = ranked[k];
  }
  return kept;
}

export function describeRule(rule: PlacementStrategy): string {
  return rule.field ? `${rule.type}(${rule.field})` : rule.type;
}
