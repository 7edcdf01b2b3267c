// The types worker.ts may use without importing them, wherever the file sits (starter/, work/, StackBlitz).

declare global {
  /** A video to encode, taken from the queue: it keeps the worker busy for `minutes` minutes. */
  interface Job {
    id: string;
    minutes: number;
  }

  /** What the ECS agent's task protection endpoint answers: the task's scale-in protection now. */
  interface TaskProtectionState {
    protection: { ProtectionEnabled: boolean; ExpirationDate?: string; TaskArn: string };
  }

  /**
   * The ECS agent's task scale-in protection endpoint of the task the worker runs in,
   * `$ECS_AGENT_URI/task-protection/v1/state`. Its request and answer bodies are the agent's JSON.
   */
  interface TaskProtectionEndpoint {
    /** PUT: protection on for ExpiresInMinutes (2 hours when left out, at most 2,880), or off. */
    put(body: { ProtectionEnabled: boolean; ExpiresInMinutes?: number }): TaskProtectionState;
    /** GET: the protection as it is. */
    get(): TaskProtectionState;
  }

  /** What the worker calls as it takes a job and as it finishes one: with its task's endpoint, and the job. */
  type JobHook = (agent: TaskProtectionEndpoint, job: Job) => void;
}

export {};
