import { EcsError } from '../kernel/errors.js';
import type { SimContext } from '../kernel/context.js';
import { optionalArray, optionalInteger, requireObject } from '../kernel/fields.js';
import type { ForwardTarget } from './elb-state.js';

const validation = (message: string, field: string) => new EcsError('ValidationError', message, field);

/**
 * A listener's or rule's `Actions`: one `forward`, to one target group (TargetGroupArn) or to several with
 * weights (ForwardConfig.TargetGroups, Weight 0-999, default 1), as ELBv2's Action shape has it.
 */
export function parseForwardActions(ctx: SimContext, value: unknown, field: string): ForwardTarget[] {
  const actions = (optionalArray(value, field, 5) ?? []).map((a, i) => requireObject(a, `${field}[${i}]`));
  const index = actions.findIndex((a) => a.Type === 'forward');
  if (index < 0) throw validation(`${field} needs a forward action: the simulator models forward actions only.`, field);
  const at = `${field}[${index}]`;
  const action = actions[index];
  if (action.ForwardConfig === undefined) return [{ targetGroupArn: targetGroup(ctx, action.TargetGroupArn, `${at}.TargetGroupArn`), weight: 1 }];
  const groups = (optionalArray(requireObject(action.ForwardConfig, `${at}.ForwardConfig`).TargetGroups, `${at}.ForwardConfig.TargetGroups`, 5) ?? []).map((g, i) => {
    const raw = requireObject(g, `${at}.ForwardConfig.TargetGroups[${i}]`);
    return {
      targetGroupArn: targetGroup(ctx, raw.TargetGroupArn, `${at}.ForwardConfig.TargetGroups[${i}].TargetGroupArn`),
      weight: optionalInteger(raw.Weight, `${at}.ForwardConfig.TargetGroups[${i}].Weight`, { min: 0, max: 999 }) ?? 1,
    };
  });
  if (groups.length === 0) throw validation('A forward action needs at least one target group.', field);
  return groups;
}

function targetGroup(ctx: SimContext, arn: unknown, field: string): string {
  if (typeof arn !== 'string' || !ctx.state.elb.targetGroups.has(arn)) throw new EcsError('TargetGroupNotFoundException', 'One or more target groups not found', field);
  return arn;
}

/** Target groups a listener or rule forwards to belong to its load balancer (DescribeTargetGroups' LoadBalancerArns). */
export function attachTargetGroups(ctx: SimContext, loadBalancerArn: string, groups: readonly ForwardTarget[]): void {
  for (const g of groups) {
    const tg = ctx.state.elb.targetGroups.get(g.targetGroupArn)!;
    if (!tg.loadBalancerArns.includes(loadBalancerArn)) tg.loadBalancerArns.push(loadBalancerArn);
  }
}

/** The Action ELBv2 answers for a forward: always the weighted form, as ELB shows it. */
export const forwardActionView = (groups: readonly ForwardTarget[]) => [
  { Type: 'forward', ForwardConfig: { TargetGroups: groups.map((g) => ({ TargetGroupArn: g.targetGroupArn, Weight: g.weight })) } },
];
