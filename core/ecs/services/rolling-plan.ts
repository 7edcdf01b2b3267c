import { chooseCapacityProviders } from '../capacity/capacity-provider-split.js';
import { settleDeployments } from './settle-deployments.js';
import type { PassInput, PlannedService, PlannedTask } from './pass-input.js';
import { decideRollingPass } from './rolling-deployment.js';
import { failedHealthStop, namedTasks, rollingTaskViewer } from './rolling-task-view.js';
import { configurationCondition, ownerOf, scalingStop, type ServicePlan, type StartOrder, type StopOrder } from './service-plan.js';

/**
 * A REPLICA service's pass with the ECS controller: the rolling decision (rolling-deployment.ts) on the
 * service's tasks, as stop and start orders for its PRIMARY deployment. Launches wait while start failures
 * are throttled and stop once the deployment FAILED.
 */
export function planRollingPass(input: PassInput): ServicePlan {
  const { service, tasks, now } = input;
  const primary = service.deployments[0];
  const throttled = service.nextLaunchAllowedAt > now;
  const wakeAt = throttled ? [service.nextLaunchAllowedAt] : [];

  const decision = decideRollingPass({
    desiredCount: service.desiredCount,
    minimumHealthyPercent: service.deploymentConfiguration.minimumHealthyPercent,
    maximumPercent: service.deploymentConfiguration.maximumPercent,
    primaryDeploymentId: primary.id,
    tasks: tasks.map(rollingTaskViewer(input, wakeAt)),
    launchesAllowed: primary.rolloutState !== 'FAILED' && !throttled,
  });
  const byArn = namedTasks(tasks, [...decision.replaceUnhealthy, ...decision.stop]);
  const stop = [
    ...decision.replaceUnhealthy.map((arn) => failedHealthStop(byArn.get(arn)!)),
    ...decision.stop.map((arn) => scalingStop(byArn.get(arn)!, primary.id)),
  ];
  return {
    wakeAt,
    steps: [{ stop, start: decision.startCount > 0 ? primaryStarts(service, tasks, stop, decision.startCount) : [] }],
    conditions: [configurationCondition(service, decision.blockedByConfiguration)],
    ...settleDeployments(service, tasks, decision.complete),
  };
}

/**
 * PRIMARY's new tasks, split over the service's capacity providers when it has a strategy (counting the
 * tasks that stay). A provider with no room fails its share: ECS never silently falls back to another.
 */
function primaryStarts(service: PlannedService, tasks: readonly PlannedTask[], stop: StopOrder[], count: number): StartOrder[] {
  const owner = ownerOf(service.deployments[0]);
  if (service.capacityProviderStrategy.length === 0) return [{ owner, count, placement: { kind: 'service' } }];
  const stopped = new Set(stop.map((s) => s.taskArn));
  const perProvider: Record<string, number> = {};
  for (const task of tasks) {
    if (task.desiredStatus !== 'RUNNING' || stopped.has(task.arn) || !task.capacityProviderName) continue;
    perProvider[task.capacityProviderName] = (perProvider[task.capacityProviderName] ?? 0) + 1;
  }
  const providers = chooseCapacityProviders(service.capacityProviderStrategy, perProvider, count);
  return [...new Set(providers)].map((capacityProvider) => ({
    owner,
    count: providers.filter((p) => p === capacityProvider).length,
    placement: { kind: 'service', capacityProvider },
  }));
}
