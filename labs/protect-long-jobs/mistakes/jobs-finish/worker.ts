/**
 * The encoder's worker calls these as it takes a video from the queue and once it has encoded it. `agent` is
 * the ECS agent's task protection endpoint of the task it runs in ($ECS_AGENT_URI/task-protection/v1/state).
 */

export function onJobStarted(agent: TaskProtectionEndpoint, job: Job): void {
  // Protected for the job and some slack: if the worker dies, the protection still ends.
  agent.put({ ProtectionEnabled: true, ExpiresInMinutes: 20 });
}

export function onJobFinished(agent: TaskProtectionEndpoint, job: Job): void {
  agent.put({ ProtectionEnabled: false });
}
