import { Priority } from '../kernel/clock.js';
import type { SimContext } from '../kernel/context.js';
import { taskRoleRefusal } from '../ecs/integrations/launch-permissions.js';
import type { ContainerRecord, TaskRecord } from '../ecs/model/state.js';
import { findTaskByArn } from '../ecs/model/resolve.js';
import { writeLogLine } from '../ecs/integrations/log-driver.js';
import { containerExited } from '../ecs/tasks/task-transitions.js';
import type { ImageBehaviour } from '../ecs/model/image-catalogue.js';
import type { MessageRecord } from '../sqs/queue-state.js';
import { deleteByReceipt, takeVisible } from '../sqs/queue-operations.js';

/**
 * Worker services: a container whose image declares `worker: { queue, secondsPerMessage }` takes one
 * message at a time from the queue while its task is RUNNING, deletes it when done, and takes the next;
 * with nothing visible it waits (long polling) until a message is. The rule for a task that stops: once
 * ECS decides to stop it (desiredStatus STOPPED), it neither finishes nor deletes the message it holds,
 * which stays invisible until its visibility timeout ends, then goes to another worker. The task role must
 * allow sqs:ReceiveMessage and sqs:DeleteMessage on the queue; otherwise the worker prints the SDK's
 * AccessDenied error to its log and retries every 20 seconds (a long poll's wait), consuming nothing.
 * A poison message (its body contains the image's `crashesOnBody`) makes the process exit with code 1 as
 * soon as it takes it: the message stays in flight until its visibility timeout, like any message whose
 * worker died holding it.
 */
const RETRY_SECONDS = 20;

type Worker = NonNullable<ImageBehaviour['worker']>;

/**
 * The worker's process dies on a poison message: it prints the error and exits 1. An essential container
 * takes its task down (the service replaces it), as any essential container that exits does.
 */
function crashOn(ctx: SimContext, task: TaskRecord, container: ContainerRecord, message: MessageRecord): void {
  writeLogLine(ctx, task, container, `Error: could not process message ${message.messageId}: ${JSON.stringify(message.body.slice(0, 80))}. Exiting.`);
  containerExited(ctx, task, container, 1);
}

function startWorker(ctx: SimContext, task: TaskRecord, container: ContainerRecord, { queue: queueName, secondsPerMessage, crashesOnBody }: Worker): void {
  const generation = task.generation;
  const alive = () => task.generation === generation && task.lastStatus === 'RUNNING' && task.desiredStatus === 'RUNNING' && container.lastStatus === 'RUNNING';
  let lastComplaint: string | undefined;
  const complain = (line: string) => {
    // A worker prints a failure once, not once per retry, so its log stays readable.
    if (line !== lastComplaint) writeLogLine(ctx, task, container, line);
    lastComplaint = line;
    ctx.clock.schedule(RETRY_SECONDS * 1000, Priority.timer, poll);
  };
  function poll(): void {
    if (!alive()) return;
    const queue = ctx.state.sqs.queues.get(queueName);
    if (!queue) return complain(`QueueDoesNotExist: The specified queue ${queueName} does not exist.`);
    const refusal = taskRoleRefusal(ctx, task, [
      { action: 'sqs:ReceiveMessage', resource: queue.arn },
      { action: 'sqs:DeleteMessage', resource: queue.arn },
    ]);
    if (refusal) return complain(refusal);
    lastComplaint = undefined;
    const [message] = takeVisible(ctx, queue, 1, queue.visibilityTimeoutSeconds);
    if (!message) {
      queue.waiting.push(poll);
      return;
    }
    if (crashesOnBody !== undefined && message.body.includes(crashesOnBody)) return crashOn(ctx, task, container, message);
    const handle = message.receiptHandle!;
    ctx.clock.schedule(secondsPerMessage * 1000, Priority.timer, () => {
      if (!alive()) return;
      deleteByReceipt(queue, handle);
      poll();
    });
  }
  poll();
}

function startWorkersOf(ctx: SimContext, task: TaskRecord): void {
  if (task.lastStatus !== 'RUNNING' || task.desiredStatus !== 'RUNNING') return;
  for (const container of task.containers) {
    const worker = ctx.images.behaviourOf(container.image).worker;
    if (!worker || ctx.state.sqs.workers.has(container.arn)) continue;
    ctx.state.sqs.workers.add(container.arn);
    startWorker(ctx, task, container, worker);
  }
}

/** From the first queue on: tasks already running, and every task that reaches RUNNING, start their workers. */
export function watchWorkers(ctx: SimContext): void {
  if (ctx.state.sqs.watchingWorkers) return;
  ctx.state.sqs.watchingWorkers = true;
  for (const cluster of ctx.state.clusters.values()) for (const task of cluster.tasks.values()) startWorkersOf(ctx, task);
  ctx.log.subscribe((entry) => {
    if (entry.kind !== 'eventbridge' || entry.event['detail-type'] !== 'ECS Task State Change') return;
    // The task itself, not the event's detail: reading the detail would build it for every task event.
    const task = findTaskByArn(ctx, entry.event.resources[0]);
    // After the change that announced it has settled, like any controller reacting to an event.
    if (task?.lastStatus === 'RUNNING') ctx.clock.schedule(0, Priority.timer, () => startWorkersOf(ctx, task));
  });
}
