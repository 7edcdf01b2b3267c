import { decideBlueGreenPass } from './blue-green-deployment.js';
import type { PassInput, PlannedTask } from './pass-input.js';
import { planRollingPass } from './rolling-plan.js';
import { ownerOf, scalingStop, type ServicePlan } from './service-plan.js';
import { trafficShiftSteps } from './traffic-shift-steps.js';

const SUCCEEDED = { hookStatus: 'SUCCEEDED' } as const;

/**
 * A BLUE_GREEN, LINEAR or CANARY service's pass: while its PRIMARY (green) deployment is shifting, the
 * blue/green decision (blue-green-deployment.ts) as start and stop orders and the deployment's new stage;
 * otherwise (its first deployment, or once the shift is over) the rolling decider keeps its tasks running.
 * A deployment the circuit breaker or an alarm FAILED rolls back by moving traffic back to blue.
 */
export function planBlueGreenPass(input: PassInput): ServicePlan {
  const { service, tasks, now } = input;
  const green = service.deployments[0];
  const progress = green.blueGreen;
  if (!progress || (green.rolloutState !== 'IN_PROGRESS' && green.rolloutState !== 'FAILED')) return planRollingPass(input);
  const live = tasks.filter((t) => t.desiredStatus === 'RUNNING');
  const greenTasks = live.filter((t) => t.deploymentId === green.id);
  const blueTasks = live.filter((t) => t.deploymentId !== green.id);
  const configuration = service.deploymentConfiguration;
  const decision = decideBlueGreenPass({
    now,
    desiredCount: service.desiredCount,
    bakeMs: (configuration.bakeTimeInMinutes ?? 0) * 60_000,
    shift: trafficShiftSteps(configuration),
    hooks: configuration.lifecycleHooks ?? [],
    progress,
    green: { live: greenTasks.length, healthy: greenTasks.filter(isHealthy).length },
    blueLive: tasks.filter((t) => t.deploymentId !== green.id).length,
    answerOf: (arn) => input.lambdaAnswers?.get(arn) ?? SUCCEEDED,
    ...(green.rolloutState === 'FAILED' ? { failure: green.rolloutStateReason } : {}),
  });
  const change = { deploymentId: green.id, progress: decision.progress, hookChanges: decision.hookChanges, ...(decision.rollback ? { rollback: decision.rollback } : {}) };
  if (decision.complete) return { ...planRollingPass(input), blueGreen: change };
  const stopping = decision.stopBlue ? blueTasks : decision.stopGreen ? greenTasks : [];
  return {
    wakeAt: decision.wakeAt,
    steps: [
      {
        stop: stopping.map((t) => scalingStop(t, green.id)),
        start: decision.startGreen > 0 ? [{ owner: ownerOf(green), count: decision.startGreen, placement: { kind: 'service' } }] : [],
      },
    ],
    conditions: [],
    blueGreen: change,
  };
}

const isHealthy = (t: PlannedTask) => t.lastStatus === 'RUNNING' && t.healthyAt !== undefined;
