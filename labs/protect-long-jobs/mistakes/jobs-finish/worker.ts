/**
 * The encoder's worker calls these as it takes a video from the queue and once it has encoded it, each with
 * `agent`, the ECS agent's task protection endpoint of the task it runs in ($ECS_AGENT_URI/task-protection/v1/state),
 * and `job`, the video. Name the parameters you use: (agent, job) => { ... }.
 */

export const onJobStarted: JobHook = (agent) => {
  // Protected for the job and some slack: if the worker dies, the protection still ends.
  agent.put({ ProtectionEnabled: true, ExpiresInMinutes: 20 });
};

export const onJobFinished: JobHook = (agent) => {
  agent.put({ ProtectionEnabled: false });
};
