import { MinHeap } from './min-heap.js';

/**
 * Timed actions keyed (time, priority, seq).
 * `seq` breaks ties in scheduling order, which is what makes runs deterministic.
 */
export interface QueuedAction {
  time: number;
  priority: number;
  seq: number;
  run: () => void;
}

function before(a: QueuedAction, b: QueuedAction): boolean {
  if (a.time !== b.time) return a.time < b.time;
  if (a.priority !== b.priority) return a.priority < b.priority;
  return a.seq < b.seq;
}

export class EventQueue {
  private readonly heap = new MinHeap<QueuedAction>(before);
  private nextSeq = 0;

  get size(): number {
    return this.heap.size;
  }

  push(time: number, priority: number, run: () => void): QueuedAction {
    const item: QueuedAction = { time, priority, seq: this.nextSeq++, run };
    this.heap.push(item);
    return item;
  }

  peek(): QueuedAction | undefined {
    return this.heap.peek();
  }

  pop(): QueuedAction | undefined {
    return this.heap.pop();
  }
}
