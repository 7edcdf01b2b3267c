import { QueueClient } from './queue-client.js';
import type { Intents, ServiceIntent } from './service-intents.js';

/**
 * What a chaos run remembers beside the simulator while it applies operations: what each service was
 * asked for, the test's own SQS client, and when Fargate capacity was capped. Plain objects that outlive
 * a snapshot and restore, so a resumed run carries on with them.
 */
export interface ChaosState {
  intents: Intents;
  queues: QueueClient;
  /** Each SetFargateCapacity, in order (virtual ms): a cap is why a rule's RunTask may start fewer tasks. */
  fargateCaps: Array<{ at: number; provider: 'FARGATE' | 'FARGATE_SPOT'; capped: boolean }>;
  /**
   * Each CodeDeploy CreateDeployment, in order (virtual ms): the deployment it started, or why it was
   * refused; `incarnation` is the service's intent then, which a service created again replaces.
   */
  deployments: Array<{ at: number; service: string; incarnation?: ServiceIntent; deploymentId?: string; refusal?: string }>;
}

export const newChaosState = (): ChaosState => ({ intents: new Map(), queues: new QueueClient(), fargateCaps: [], deployments: [] });
