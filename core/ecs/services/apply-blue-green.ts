import { emitEventBridge, isoTime, type SimContext } from '../../kernel/context.js';
import { lookUpRule, setForwardTargets } from '../../elb/listener-rules.js';
import { serviceMessages } from '../model/service-messages.js';
import type { DeploymentRecord, ServiceRecord } from '../model/state.js';
import { restoreRevision } from './restore-revision.js';
import { recordServiceEvent } from './service-events.js';
import type { BlueGreenChange } from './service-plan.js';
import { shiftWeights } from './traffic-shift-steps.js';

/**
 * The applier's part for a native blue/green pass (called by apply-plan.ts after the steps): the
 * deployment's new stage, the production and test listener rules rewritten to the traffic on green, the
 * `ECS Hook State Change` events, and a rollback, which makes blue PRIMARY again without starting a task.
 */
export function applyBlueGreen(ctx: SimContext, service: ServiceRecord, change: BlueGreenChange): void {
  const green = service.deployments.find((d) => d.id === change.deploymentId);
  if (!green) return;
  green.blueGreen = change.progress;
  shiftListenerRules(ctx, service, green);
  for (const hook of change.hookChanges) {
    emitEventBridge(ctx, 'ECS Hook State Change', [service.arn], {
      eventType: hook.status === 'FAILED' || hook.status === 'TIMED_OUT' ? 'ERROR' : 'INFO',
      eventName: `HOOK_${hook.status}`,
      deploymentId: green.id,
      hookId: hookId(green, hook.stage, hook.index),
      lifecycleStage: hook.stage,
      updatedAt: isoTime(ctx, ctx.clock.now),
    });
  }
  if (change.rollback) rollBackToBlue(ctx, service, green, change.rollback.reason);
}

/** A hook run's id, as ContinueServiceDeployment names it: the deployment, the stage and the hook's place in the list. */
export const hookId = (deployment: Pick<DeploymentRecord, 'id'>, stage: string, index: number) => `${deployment.id.slice('ecs-svc/'.length)}-${stage}-${index}`;

/** Each load balancer's production rule gets green's share, and its test rule all (or none) of the test traffic. */
function shiftListenerRules(ctx: SimContext, service: ServiceRecord, green: DeploymentRecord): void {
  const { greenPercent, testOnGreen } = green.blueGreen!;
  for (const lb of service.loadBalancers) {
    const advanced = lb.advancedConfiguration;
    if (!advanced) continue;
    const [blueGroup, greenGroup] = green.onAlternate ? [lb.targetGroupArn, advanced.alternateTargetGroupArn] : [advanced.alternateTargetGroupArn, lb.targetGroupArn];
    const write = (ruleArn: string | undefined, percent: number) => {
      const rule = ruleArn ? lookUpRule(ctx, ruleArn) : undefined;
      if (!rule) return;
      const weights = shiftWeights(percent);
      setForwardTargets(rule, [
        { targetGroupArn: blueGroup, weight: weights.blue },
        { targetGroupArn: greenGroup, weight: weights.green },
      ]);
    };
    write(advanced.productionListenerRule, greenPercent);
    write(advanced.testListenerRule, testOnGreen ? 100 : 0);
  }
}

function rollBackToBlue(ctx: SimContext, service: ServiceRecord, green: DeploymentRecord, reason: string): void {
  const blue = service.deployments.find((d) => d !== green && d.status === 'ACTIVE');
  // The service deployment history reports it (ROLLBACK_IN_PROGRESS until green's tasks are gone).
  green.trafficRollback = { ...(blue ? { toDeploymentId: blue.id } : {}), startedAt: ctx.clock.now };
  if (green.rolloutState === 'IN_PROGRESS') {
    // A hook failed: the alarm and circuit breaker paths have already said so.
    green.rolloutState = 'FAILED';
    green.rolloutStateReason = reason;
    green.updatedAt = ctx.clock.now;
    recordServiceEvent(ctx, service, serviceMessages.deploymentFailedByHook(service.name, green.id, green.blueGreen!.stage));
    emitEventBridge(ctx, 'ECS Deployment State Change', [service.arn], {
      eventType: 'ERROR',
      eventName: 'SERVICE_DEPLOYMENT_FAILED',
      deploymentId: green.id,
      updatedAt: isoTime(ctx, ctx.clock.now),
      reason,
    });
    if (blue) recordServiceEvent(ctx, service, serviceMessages.rollingBack(service.name, blue.id));
  }
  if (!blue) return;
  green.status = 'ACTIVE';
  blue.status = 'PRIMARY';
  service.deployments = [blue, ...service.deployments.filter((d) => d !== blue)];
  restoreRevision(service, blue);
}
