/**
 * A binary min-heap ordered by `before(a, b)`: true when `a` must come out first. Items move by plain
 * assignment (a destructuring swap allocates an array per step of every push and pop).
 */
export class MinHeap<T> {
  private readonly items: T[] = [];

  constructor(private readonly before: (a: T, b: T) => boolean) {}

  get size(): number {
    return this.items.length;
  }

  push(item: T): void {
    const heap = this.items;
    let i = heap.length;
    heap.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(item, heap[parent])) break;
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = item;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  pop(): T | undefined {
    const heap = this.items;
    if (heap.length === 0) return undefined;
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length === 0) return top;
    // Sift `last` down from the root: children that come before it move up.
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let first = l < heap.length && this.before(heap[l], last) ? l : -1;
      if (r < heap.length && this.before(heap[r], first === -1 ? last : heap[first])) first = r;
      if (first === -1) break;
      heap[i] = heap[first];
      i = first;
    }
    heap[i] = last;
    return top;
  }
}
