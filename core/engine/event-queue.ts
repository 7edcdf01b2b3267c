/**
 * A binary min-heap of timed actions keyed (time, priority, seq).
 * `seq` breaks ties in scheduling order, which is what makes runs deterministic.
 */
export interface QueuedAction {
  time: number;
  priority: number;
  seq: number;
  label: string;
  run: () => void;
}

function before(a: QueuedAction, b: QueuedAction): boolean {
  if (a.time !== b.time) return a.time < b.time;
  if (a.priority !== b.priority) return a.priority < b.priority;
  return a.seq < b.seq;
}

export class EventQueue {
  private heap: QueuedAction[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(time: number, priority: number, label: string, run: () => void): QueuedAction {
    const item: QueuedAction = { time, priority, seq: this.nextSeq++, label, run };
    const heap = this.heap;
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i], heap[parent])) break;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
    return item;
  }

  peek(): QueuedAction | undefined {
    return this.heap[0];
  }

  pop(): QueuedAction | undefined {
    const heap = this.heap;
    if (heap.length === 0) return undefined;
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let smallest = i;
        if (l < heap.length && before(heap[l], heap[smallest])) smallest = l;
        if (r < heap.length && before(heap[r], heap[smallest])) smallest = r;
        if (smallest === i) break;
        [heap[i], heap[smallest]] = [heap[smallest], heap[i]];
        i = smallest;
      }
    }
    return top;
  }
}
