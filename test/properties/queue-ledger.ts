import type { EcsSimulator } from '../../core/index.js';
import type { Op } from './chaos-ops.js';
import { at, type Look, type Watch } from './look.js';
import { DEAD_LETTER_QUEUE, QUEUE, type QueueSide } from './neighbour-ops.js';
import type { Receipt } from './queue-client.js';

/** Long enough for the final drain: nothing it receives comes back while it counts. */
const DRAIN_VISIBILITY = 43_200;

/**
 * Every message the test sent, held to account. Each one is visible, in flight within a visibility
 * timeout, deleted exactly once, or moved to the dead-letter queue after maxReceiveCount receives:
 * - the queues never hold more messages than were sent and not deleted, and a message that left them
 *   never comes back; a call other than the test's own delete loses none (only workers delete, as time
 *   passes); nothing leaves the dead-letter queue unasked;
 * - a message the test holds within its visibility timeout is in flight, and one sent with a delay is
 *   delayed until the delay is over;
 * - a receive returns only a message that was sent and not deleted, never while an earlier receive's
 *   visibility timeout runs, and never sooner than its earlier receives allow (each hid it for at least
 *   the shortest visibility timeout the queue had); its receive count only grows;
 * - from the queue, no message is received more than maxReceiveCount times; in the dead-letter queue it
 *   arrives only after that many, and it never goes back;
 * - the test's delete within its receive's visibility timeout removes exactly that message.
 */
export class QueueLedger implements Watch {
  readonly perInstant = true;
  private exists = false;
  private redrive?: number;
  private fewestReceives = Infinity;
  private shortestVisibility = Infinity;
  private receiptsSeen = 0;
  private deletionsSeen = 0;
  private gone = 0;
  private deadLetters = 0;
  private readonly last = new Map<string, Receipt>();
  private readonly ownReceives = new Map<string, Receipt[]>();
  private readonly deleted = new Set<string>();

  constructor(private readonly sim: EcsSimulator) {}

  private readAttributes(): void {
    const url = (name: string) => this.sim.sqs.getQueueUrl({ QueueName: name }).QueueUrl;
    try {
      url(DEAD_LETTER_QUEUE);
      const { Attributes = {} } = this.sim.sqs.getQueueAttributes({ QueueUrl: url(QUEUE), AttributeNames: ['VisibilityTimeout', 'RedrivePolicy'] });
      this.exists = true;
      this.shortestVisibility = Math.min(this.shortestVisibility, Number(Attributes.VisibilityTimeout));
      this.redrive = Attributes.RedrivePolicy ? (JSON.parse(Attributes.RedrivePolicy) as { maxReceiveCount: number }).maxReceiveCount : undefined;
      if (this.redrive !== undefined) this.fewestReceives = Math.min(this.fewestReceives, this.redrive);
    } catch (error) {
      if ((error as Error).name !== 'QueueDoesNotExist') throw error;
    }
  }

  check(look: Look, op: Op | undefined): string[] {
    if (op?.op === 'createQueues' || op?.op === 'setQueueAttributes') this.readAttributes();
    if (!this.exists) return [];
    const { queues } = look.state;
    const found = [...queues.receipts.slice(this.receiptsSeen).flatMap((r) => this.checkReceipt(look, r))];
    this.receiptsSeen = queues.receipts.length;
    for (const d of queues.deletions.slice(this.deletionsSeen)) {
      const id = d.receipt.messageId;
      const within = d.at < d.receipt.at + d.receipt.visibilitySeconds * 1000 && this.last.get(id) === d.receipt;
      if (within && !d.removed) found.push(`${at(look)}: deleting message ${id} within its visibility timeout, by its latest receipt handle, removed nothing`);
      if (d.removed) this.deleted.add(id);
    }
    this.deletionsSeen = queues.deletions.length;
    const main = queues.counts(this.sim, 'main');
    const dlq = queues.counts(this.sim, 'dlq');
    const deadLetters = dlq.total;
    const removedByTest = queues.deletions.filter((d) => d.removed);
    const left = queues.sent.size - removedByTest.length;
    const gone = left - main.total - deadLetters;
    const where = `${at(look)} ${op ? `after ${op.op}` : 'after a processed event'}`;
    if (gone < 0) found.push(`${where}: the queues hold ${main.total + deadLetters} messages, but only ${left} were sent and not deleted`);
    if (gone < this.gone) found.push(`${where}: ${this.gone - gone} message(s) came back after leaving the queues`);
    if (op !== undefined && gone > this.gone) found.push(`${where}: ${gone - this.gone} message(s) left the queue during a call that deletes none`);
    const deadLettersRemoved = removedByTest.filter((d) => d.receipt.queue === 'dlq').length;
    if (deadLetters + deadLettersRemoved < this.deadLetters) found.push(`${where}: the dead-letter queue lost a message no one deleted`);
    const held = (side: QueueSide) => [...this.last.values()].filter((r) => r.queue === side && !this.deleted.has(r.messageId) && look.now < r.at + r.visibilitySeconds * 1000).length;
    for (const [side, counts] of [['main', main], ['dlq', dlq]] as const) {
      if (counts.inFlight < held(side)) found.push(`${where}: the test holds ${held(side)} messages of ${side === 'main' ? QUEUE : DEAD_LETTER_QUEUE} within their visibility timeout, but only ${counts.inFlight} are in flight`);
    }
    const waiting = [...queues.sent.values()].filter((m) => look.now < m.at + m.delaySeconds * 1000).length;
    if (main.delayed < waiting) found.push(`${where}: ${waiting} messages were sent with a delay that is not over, but only ${main.delayed} are delayed`);
    this.gone = gone;
    this.deadLetters = deadLetters + deadLettersRemoved;
    return found;
  }

  private checkReceipt(look: Look, r: Receipt): string[] {
    const found: string[] = [];
    const id = r.messageId;
    const what = `${at(look)}: message ${id}, received from ${r.queue === 'main' ? QUEUE : DEAD_LETTER_QUEUE} (receive count ${r.receiveCount})`;
    const sent = look.state.queues.sent.get(id);
    const previous = this.last.get(id);
    const own = this.ownReceives.get(id) ?? [];
    if (!sent) found.push(`${what}, was never sent`);
    if (this.deleted.has(id)) found.push(`${what}, had been deleted`);
    if (previous && r.at < previous.at + previous.visibilitySeconds * 1000) found.push(`${what}, was received at t=${previous.at / 1000}s with a ${previous.visibilitySeconds} s visibility timeout`);
    if (previous && r.receiveCount <= previous.receiveCount) found.push(`${what}, had a receive count of ${previous.receiveCount} before`);
    if (sent) {
      const others = r.receiveCount - 1 - own.length;
      const earliest = sent.at + 1000 * (sent.delaySeconds + own.reduce((s, o) => s + o.visibilitySeconds, 0) + Math.max(0, others) * this.shortestVisibility);
      if (others < 0) found.push(`${what}, though the test alone received it ${own.length} times before`);
      else if (r.at < earliest) found.push(`${what}: ${r.receiveCount - 1} earlier receives each hide it for a visibility timeout, so not before t=${earliest / 1000}s`);
    }
    if (r.queue === 'main' && previous?.queue === 'dlq') found.push(`${what}, came back from the dead-letter queue`);
    if (r.queue === 'main' && this.redrive !== undefined && r.receiveCount > this.redrive) found.push(`${what}, more than maxReceiveCount ${this.redrive}: it belongs in the dead-letter queue`);
    if (r.queue === 'dlq' && !(r.receiveCount > this.fewestReceives)) found.push(`${what}, reached the dead-letter queue before maxReceiveCount receives`);
    this.last.set(id, r);
    this.ownReceives.set(id, [...own, r]);
    return found;
  }

  /** Once settled, the test takes every visible message: each is one it sent and did not delete, taken once. */
  finish(look: Look): string[] {
    if (!this.exists) return [];
    const { queues } = look.state;
    const from = queues.receipts.length;
    const visible = (['main', 'dlq'] as QueueSide[]).reduce((sum, side) => sum + queues.counts(this.sim, side).visible, 0);
    for (const side of ['main', 'dlq'] as QueueSide[]) {
      for (let before = -1; before !== queues.receipts.length; ) {
        before = queues.receipts.length;
        queues.receive(this.sim, side, 10, DRAIN_VISIBILITY);
      }
    }
    const drained = queues.receipts.slice(from);
    const found = this.check(look, undefined);
    const ids = new Set(drained.map((r) => r.messageId));
    if (ids.size !== drained.length) found.push(`the final drain received ${drained.length} messages, ${drained.length - ids.size} of them twice`);
    if (drained.length !== visible) found.push(`the final drain received ${drained.length} messages; the queues said ${visible} were visible`);
    return found;
  }
}
