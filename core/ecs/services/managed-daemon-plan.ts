import { decideManagedDaemonPass, type ManagedDaemonInput } from './managed-daemon-deployment.js';
import type { ServicePlan } from './service-plan.js';

/**
 * An ECS Managed Daemon's pass (managed-daemon-deployment.ts decides) as a plan: each daemon task a start
 * pinned to its instance, owned by its revision (the task's deploymentId); the instances to drain; the
 * deployment's new state, which the applier records.
 */
export function planManagedDaemonPass(input: ManagedDaemonInput): ServicePlan {
  const decision = decideManagedDaemonPass(input);
  const definitionOf = (revisionArn: string) => input.daemon.revisions.find((r) => r.arn === revisionArn)!.daemonTaskDefinitionArn;
  return {
    wakeAt: decision.wakeAt,
    steps: [
      {
        stop: [],
        start: decision.startOn.map(({ instanceArn, revisionArn }) => ({
          owner: { id: revisionArn, taskDefinitionArn: definitionOf(revisionArn) },
          count: 1,
          placement: { kind: 'instance' as const, instanceArn },
        })),
      },
    ],
    conditions: [],
    ...(decision.drain.length > 0 ? { drainInstances: decision.drain } : {}),
    daemonDeployment: { progress: decision.deployment, remove: decision.remove },
  };
}
