/**
 * Candidate positions in ascending order, kept in a typed array: written into a placement's ranking as one
 * block (a plain array goes into a typed one element by element, which for the hundreds of instances of a
 * zone was most of a placement), and kept in order as positions come and go.
 */
export class PositionList {
  private items = new Int32Array(8);
  private count = 0;

  get length(): number {
    return this.count;
  }

  at(k: number): number {
    return this.items[k];
  }

  insert(position: number): void {
    if (this.count === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    const at = this.insertionPoint(position);
    this.items.copyWithin(at + 1, at, this.count);
    this.items[at] = position;
    this.count++;
  }

  remove(position: number): void {
    const at = this.insertionPoint(position);
    this.items.copyWithin(at, at + 1, this.count);
    this.count--;
  }

  /** Writes the first `limit` positions to the front of `target`: a few one by one, more as one block. */
  copyTo(target: Int32Array, limit = this.count): void {
    const count = Math.min(limit, this.count);
    if (count <= 32) for (let k = 0; k < count; k++) target[k] = this.items[k];
    else target.set(this.items.subarray(0, count));
  }

  /** Where `position` is, or would go. */
  private insertionPoint(position: number): number {
    let low = 0;
    let high = this.count;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.items[mid] < position) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

/**
 * Several ascending lists merged, in order, into the front of `target`, up to `limit` positions (a caller that
 * lists only the first few need not write them all); returns how many positions the lists hold.
 */
export function mergeInto(lists: readonly PositionList[], target: Int32Array, limit = Infinity): number {
  let total = 0;
  for (const list of lists) total += list.length;
  if (lists.length === 1) {
    lists[0].copyTo(target, limit);
    return total;
  }
  const next = lists.map(() => 0);
  for (let k = 0; k < Math.min(total, limit); k++) {
    let from = 0;
    for (let l = 1; l < lists.length; l++) {
      if (next[from] === lists[from].length || (next[l] < lists[l].length && lists[l].at(next[l]) < lists[from].at(next[from]))) from = l;
    }
    target[k] = lists[from].at(next[from]++);
  }
  return total;
}
