/**
 * The encoder's worker calls these as it takes a video from the queue and once it has encoded it, each with
 * `agent`, the ECS agent's task protection endpoint of the task it runs in ($ECS_AGENT_URI/task-protection/v1/state),
 * and `job`, the video. Name the parameters you use: (agent, job) => { ... }.
 */

export const onJobStarted: JobHook = (agent) => {
  agent.put({ ProtectionEnabled: true });
};

export const onJobFinished: JobHook = () => {
  // Protection ends by itself when it expires.
};
