import type { SimContext } from '../kernel/context.js';
import { createListener, createLoadBalancer } from '../elb/elb-api.js';
import { SERVICES_PER_LOAD_BALANCER } from './express-defaults.js';
import type { ExpressServiceRecord, SharedLoadBalancer } from './express-state.js';

/**
 * Express services share Application Load Balancers: each service is one host-header rule on a load
 * balancer's HTTPS listener, up to 25 services a load balancer. The simulator's rule for which one: the
 * first load balancer made for the same subnets that has room, else a new one. A load balancer stays once
 * its last service is deleted (empty, answering 404) and the next Express service on those subnets takes it.
 */
export function chooseSharedLoadBalancer(
  loadBalancers: readonly SharedLoadBalancer[],
  services: readonly Pick<ExpressServiceRecord, 'loadBalancerArn' | 'removed'>[],
  subnets: readonly string[],
): SharedLoadBalancer | undefined {
  const users = (lb: SharedLoadBalancer) => services.filter((s) => !s.removed && s.loadBalancerArn === lb.arn).length;
  return loadBalancers.find((lb) => lb.subnets.join() === subnets.join() && users(lb) < SERVICES_PER_LOAD_BALANCER);
}

/** The shared load balancer a new service on these subnets joins, made (with its HTTPS listener) when none has room. */
export function sharedLoadBalancerFor(ctx: SimContext, subnets: readonly string[]): SharedLoadBalancer {
  const chosen = chooseSharedLoadBalancer(ctx.state.express.loadBalancers, [...ctx.state.express.services.values()], subnets);
  if (chosen) return chosen;
  const [lb] = createLoadBalancer(ctx, { Name: `ecs-express-gateway-alb-${ctx.random.hex(8)}`, Type: 'application', Subnets: [...subnets] }).LoadBalancers;
  // A host no rule names gets a 404 (the simulator's choice of answer; each service's rule forwards its own host).
  const [listener] = createListener(ctx, {
    LoadBalancerArn: lb.LoadBalancerArn,
    Port: 443,
    Protocol: 'HTTPS',
    DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404', ContentType: 'text/plain', MessageBody: 'Not Found' } }],
  }).Listeners;
  const shared: SharedLoadBalancer = { arn: lb.LoadBalancerArn, listenerArn: listener.ListenerArn, subnets: [...subnets], securityGroupId: `sg-${ctx.random.hex(17)}`, createdAt: ctx.clock.now };
  ctx.state.express.loadBalancers.push(shared);
  return shared;
}
