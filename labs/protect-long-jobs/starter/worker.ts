/**
 * The encoder's worker calls these as it takes a video from the queue and once it has encoded it. `agent` is
 * the ECS agent's task protection endpoint of the task it runs in ($ECS_AGENT_URI/task-protection/v1/state).
 */

export function onJobStarted(agent: TaskProtectionEndpoint, job: Job): void {
  // The worker starts encoding job.id now; it takes job.minutes minutes.
}

export function onJobFinished(agent: TaskProtectionEndpoint, job: Job): void {
  // The video is encoded and its message deleted from the queue.
}
