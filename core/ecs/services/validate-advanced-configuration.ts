import { invalidParameter } from '../../kernel/errors.js';
import type { SimContext } from '../../kernel/context.js';
import { optionalString, requireObject, requireString } from '../../kernel/fields.js';
import { lookUpRule } from '../../elb/listener-rules.js';
import type { AdvancedConfiguration } from '../model/types.js';

/** An ALB's listener rule, or an NLB's listener: what ECS rewrites to move traffic. */
const RULE_OR_LISTENER = /^arn:aws[a-z-]*:elasticloadbalancing:[^:]+:\d{12}:(listener-rule|listener)\/(app|net)\/[^/]+\/[^/]+\/[^/]+(\/[^/]+)?$/;

/**
 * `loadBalancers[].advancedConfiguration` (ECS API: AdvancedConfiguration): the alternate target group green
 * registers in, the production (and optional test) listener rule, and the role ECS changes them with. The
 * alternate target group must exist, sit behind a load balancer, differ from the production one and take
 * the same kind of target.
 */
export function validateAdvancedConfiguration(ctx: SimContext, value: unknown, targetGroupArn: string, at: string): AdvancedConfiguration {
  const field = `${at}.advancedConfiguration`;
  const raw = requireObject(value, field);
  const alternateTargetGroupArn = requireString(raw.alternateTargetGroupArn, `${field}.alternateTargetGroupArn`);
  const alternate = ctx.state.elb.targetGroups.get(alternateTargetGroupArn);
  if (!alternate) throw invalidParameter(`Unable to find target group ${alternateTargetGroupArn}.`, `${field}.alternateTargetGroupArn`);
  if (alternateTargetGroupArn === targetGroupArn) {
    throw invalidParameter(`${field}.alternateTargetGroupArn must be a different target group than ${at}.targetGroupArn.`, `${field}.alternateTargetGroupArn`);
  }
  if (alternate.loadBalancerArns.length === 0) {
    throw invalidParameter(`The target group with targetGroupArn ${alternateTargetGroupArn} does not have an associated load balancer.`, `${field}.alternateTargetGroupArn`);
  }
  const production = ctx.state.elb.targetGroups.get(targetGroupArn);
  if (production && production.targetType !== alternate.targetType) {
    throw invalidParameter(
      `${field}.alternateTargetGroupArn has target type ${alternate.targetType}; the production target group has ${production.targetType}: they must match.`,
      `${field}.alternateTargetGroupArn`,
    );
  }
  const productionListenerRule = ruleArn(ctx, raw.productionListenerRule, `${field}.productionListenerRule`, true)!;
  const testListenerRule = ruleArn(ctx, raw.testListenerRule, `${field}.testListenerRule`, false);
  const roleArn = requireString(raw.roleArn, `${field}.roleArn`);
  return { alternateTargetGroupArn, productionListenerRule, ...(testListenerRule ? { testListenerRule } : {}), roleArn };
}

function ruleArn(ctx: SimContext, value: unknown, field: string, required: boolean): string | undefined {
  const arn = required ? requireString(value, field) : optionalString(value, field);
  if (arn === undefined) return undefined;
  if (!RULE_OR_LISTENER.test(arn)) {
    throw invalidParameter(`${field} must be a listener rule ARN (Application Load Balancer) or a listener ARN (Network Load Balancer); got ${arn}.`, field);
  }
  if (!lookUpRule(ctx, arn)) throw invalidParameter(`Unable to find listener rule ${arn}.`, field);
  return arn;
}
