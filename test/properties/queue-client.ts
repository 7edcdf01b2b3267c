import type { EcsSimulator } from '../../core/index.js';
import { DEAD_LETTER_QUEUE, POISON, QUEUE, type QueueSide } from './neighbour-ops.js';

/** One message the test sent: when, with what delay, and whether it is poison. */
export interface Sent {
  at: number;
  delaySeconds: number;
  poison: boolean;
}

/** One ReceiveMessage answer of the test's consumer, for one message. */
export interface Receipt {
  queue: QueueSide;
  messageId: string;
  handle: string;
  /** Virtual ms. */
  at: number;
  visibilitySeconds: number;
  receiveCount: number;
}

/** One DeleteMessage the test made, and whether the message it named left the queue. */
export interface Deletion {
  receipt: Receipt;
  at: number;
  removed: boolean;
}

const queueName = (side: QueueSide) => (side === 'main' ? QUEUE : DEAD_LETTER_QUEUE);

/**
 * The test's own SQS client: it sends every message the queues ever hold, and receives and deletes some
 * of them beside the worker services. It remembers everything it did, so that the queue ledger can hold
 * the queues to account for each message.
 */
export class QueueClient {
  readonly sent = new Map<string, Sent>();
  readonly receipts: Receipt[] = [];
  readonly deletions: Deletion[] = [];
  /** Receipts not yet used for a delete, oldest first. */
  private readonly held: Receipt[] = [];

  private url(sim: EcsSimulator, side: QueueSide): string {
    return sim.sqs.getQueueUrl({ QueueName: queueName(side) }).QueueUrl;
  }

  /** A queue's messages by where they are: visible, in flight (received, not yet visible again), delayed. */
  counts(sim: EcsSimulator, side: QueueSide): { visible: number; inFlight: number; delayed: number; total: number } {
    const { Attributes = {} } = sim.sqs.getQueueAttributes({
      QueueUrl: this.url(sim, side),
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'],
    });
    const [visible, inFlight, delayed] = [Attributes.ApproximateNumberOfMessages, Attributes.ApproximateNumberOfMessagesNotVisible, Attributes.ApproximateNumberOfMessagesDelayed].map(Number);
    return { visible, inFlight, delayed, total: visible + inFlight + delayed };
  }

  send(sim: EcsSimulator, count: number, poison: boolean, delaySeconds: number): void {
    const url = this.url(sim, 'main');
    for (let i = 0; i < count; i++) {
      const body = `${poison ? POISON : 'job'} ${this.sent.size + 1}`;
      const { MessageId } = sim.sqs.sendMessage({ QueueUrl: url, MessageBody: body, ...(delaySeconds > 0 ? { DelaySeconds: delaySeconds } : {}) });
      this.sent.set(MessageId, { at: Math.round(sim.control.now * 1000), delaySeconds, poison });
    }
  }

  /** The queue's VisibilityTimeout: what a receive that names none hides a message for. */
  visibilityOf(sim: EcsSimulator, side: QueueSide): number {
    const { Attributes = {} } = sim.sqs.getQueueAttributes({ QueueUrl: this.url(sim, side), AttributeNames: ['VisibilityTimeout'] });
    return Number(Attributes.VisibilityTimeout);
  }

  /** Receives up to `max` messages; returns their receipts. */
  receive(sim: EcsSimulator, side: QueueSide, max: number, visibility?: number): Receipt[] {
    const visibilitySeconds = visibility ?? this.visibilityOf(sim, side);
    const { Messages = [] } = sim.sqs.receiveMessage({
      QueueUrl: this.url(sim, side),
      MaxNumberOfMessages: max,
      AttributeNames: ['ApproximateReceiveCount'],
      ...(visibility !== undefined ? { VisibilityTimeout: visibility } : {}),
    });
    return Messages.map((m) => {
      const receipt: Receipt = {
        queue: side,
        messageId: m.MessageId,
        handle: m.ReceiptHandle,
        at: Math.round(sim.control.now * 1000),
        visibilitySeconds,
        receiveCount: Number(m.Attributes?.ApproximateReceiveCount),
      };
      this.receipts.push(receipt);
      this.held.push(receipt);
      return receipt;
    });
  }

  /** Deletes by the `pick`-th receipt still held. */
  deleteReceived(sim: EcsSimulator, pick: number): void {
    if (this.held.length > 0) this.delete(sim, this.held[pick % this.held.length]);
  }

  /** Deletes by a receipt's handle; the queue's total says whether a message went. */
  delete(sim: EcsSimulator, receipt: Receipt): void {
    this.held.splice(this.held.indexOf(receipt), 1);
    const before = this.counts(sim, receipt.queue).total;
    sim.sqs.deleteMessage({ QueueUrl: this.url(sim, receipt.queue), ReceiptHandle: receipt.handle });
    this.deletions.push({ receipt, at: Math.round(sim.control.now * 1000), removed: this.counts(sim, receipt.queue).total < before });
  }
}
