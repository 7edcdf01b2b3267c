import { MinHeap } from './min-heap.js';

/** Something whose actions lapse when its generation moves before they are due (a task stopped early). */
export interface Lapsing {
  generation: number;
}

/**
 * Timed actions, taken in (time, priority, scheduling order): the scheduling order is what makes runs
 * deterministic. Actions due at the same time with the same priority share a slot, first in first out, and
 * only slots are kept in order: a large service moves thousands of tasks at one instant, and a heap of every
 * action would compare its way through all of them.
 */
interface Slot {
  time: number;
  priority: number;
  /** Taken ones are cleared, so that a large instant does not keep every closure it ran until its end. */
  actions: Array<(() => void) | undefined>;
  /** Per action, what it lapses with and that one's generation when it was scheduled (else undefined, 0). */
  owners: Array<Lapsing | undefined>;
  generations: number[];
  /** The next action to take from `actions`: taken ones are not shifted out one by one. */
  next: number;
}

/** What a lapsed action runs: nothing, as one step of the clock all the same. */
const LAPSED = () => {};

const before = (a: Slot, b: Slot) => (a.time !== b.time ? a.time < b.time : a.priority < b.priority);

export class EventQueue {
  private readonly slots = new MinHeap<Slot>(before);
  /** Open slots by time, then priority. */
  private readonly byTime = new Map<number, Map<number, Slot>>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  /**
   * `owner`: the action lapses if the owner's generation has moved by the time it is due. Checked here rather
   * than in a closure around `run`: a large service schedules hundreds of thousands of task steps.
   */
  push(time: number, priority: number, run: () => void, owner?: Lapsing): void {
    let atTime = this.byTime.get(time);
    if (!atTime) this.byTime.set(time, (atTime = new Map()));
    let slot = atTime.get(priority);
    if (!slot) {
      slot = { time, priority, actions: [], owners: [], generations: [], next: 0 };
      atTime.set(priority, slot);
      this.slots.push(slot);
    }
    slot.actions.push(run);
    slot.owners.push(owner);
    slot.generations.push(owner ? owner.generation : 0);
    this.count++;
  }

  /** When the next action is due; undefined when nothing is queued. */
  get nextTime(): number | undefined {
    return this.slots.peek()?.time;
  }

  /** Takes the next action (due at nextTime). */
  pop(): (() => void) | undefined {
    const slot = this.slots.peek();
    if (!slot) return undefined;
    const at = slot.next++;
    const owner = slot.owners[at];
    const action = owner === undefined || owner.generation === slot.generations[at] ? slot.actions[at] : LAPSED;
    slot.actions[at] = undefined;
    slot.owners[at] = undefined;
    this.count--;
    if (slot.next === slot.actions.length) {
      // Emptied: an action scheduled for this time and priority from now on opens a new slot, still in order.
      this.slots.pop();
      const atTime = this.byTime.get(slot.time)!;
      atTime.delete(slot.priority);
      if (atTime.size === 0) this.byTime.delete(slot.time);
    }
    return action;
  }
}
