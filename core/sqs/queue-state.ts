/** Simulated Amazon SQS standard queues: messages, their visibility, and what the workers polling them did. */
export interface MessageRecord {
  messageId: string;
  body: string;
  /** Virtual ms from which a ReceiveMessage may return it (after a delay, or once its visibility timeout ends). */
  visibleAt: number;
  /** The latest receipt handle: only it deletes the message (an older one is accepted and does nothing). */
  receiptHandle?: string;
  /** How many times it was received (ApproximateReceiveCount); kept when it moves to a dead-letter queue. */
  receiveCount: number;
  /** How many of those receives were from the queue it is on now: what that queue's redrive policy counts. */
  receivesHere: number;
  /** When it was first sent: retention counts from here, in a dead-letter queue too. */
  sentAt: number;
}

/** Where messages received maxReceiveCount times without being deleted go, instead of being delivered again. */
export interface RedrivePolicy {
  deadLetterTargetArn: string;
  maxReceiveCount: number;
}

export interface QueueRecord {
  name: string;
  url: string;
  arn: string;
  createdAt: number;
  /** Attributes as CreateQueue and SetQueueAttributes set them, values as strings (the API's shape). */
  attributes: Record<string, string>;
  visibilityTimeoutSeconds: number;
  delaySeconds: number;
  redrivePolicy?: RedrivePolicy;
  /** In the order sent; a receive takes the oldest visible one (real standard queues only try to). */
  messages: MessageRecord[];
  /** Idle workers waiting for a message to become visible, woken in the order they started waiting. */
  waiting: Array<() => void>;
}

export interface SqsState {
  queues: Map<string, QueueRecord>;
  /** Whether the simulator already watches tasks for worker images. */
  watchingWorkers: boolean;
  /** Containers (by ARN) whose worker loop has started: a task's state changes many times while RUNNING. */
  workers: Set<string>;
  /** Messages ever sent, to number the producers' message bodies. */
  sentCount: number;
}

export function createSqsState(): SqsState {
  return { queues: new Map(), watchingWorkers: false, workers: new Set(), sentCount: 0 };
}

/** ApproximateNumberOfMessages (visible now), ...NotVisible (received, in flight) and ...Delayed, at `now`. */
export function messageCounts(queue: QueueRecord, now: number): { visible: number; notVisible: number; delayed: number } {
  let visible = 0;
  let notVisible = 0;
  let delayed = 0;
  for (const message of queue.messages) {
    if (message.visibleAt <= now) visible++;
    else if (message.receiveCount > 0) notVisible++;
    else delayed++;
  }
  return { visible, notVisible, delayed };
}

declare module '../kernel/context.js' {
  interface SimState {
    /** Simulated Amazon SQS queues and the workers polling them. */
    sqs: SqsState;
  }
}
