import type { SimContext } from '../../kernel/context.js';
import { pullBlocked } from '../../vpc/registry-route.js';
import type { TaskRecord } from '../model/state.js';

/**
 * A Fargate task pulls its images through its own network interface, so its subnet must reach each image's
 * registry (see vpc/registry-route.ts). When it cannot, the pull times out and the task stops with the
 * CannotPullContainerError AWS documents for a task with no route to the internet. The layers leg (ECR
 * reached through its endpoints, S3 not) is worded as the runtime reports a layer download it gave up on.
 * Tasks on EC2 pull with their instance's network, which the simulator does not model.
 */
export function imagePullRouteFailure(ctx: SimContext, task: TaskRecord): string | undefined {
  const subnet = task.launchType === 'FARGATE' ? task.subnet : undefined;
  const defaultRoute = subnet && ctx.state.vpc.subnets.get(subnet.id);
  if (!subnet || !defaultRoute) return undefined;
  const path = { defaultRoute, assignPublicIp: subnet.assignPublicIp, endpoints: ctx.state.vpc.endpoints, region: ctx.region };
  for (const container of task.containers) {
    const blocked = pullBlocked(container.image, path);
    if (blocked?.leg === 'registry') {
      return `CannotPullContainerError: API error (500): Get https://${blocked.host}/v2/: net/http: request canceled while waiting for connection`;
    }
    if (blocked) return `CannotPullContainerError: error pulling image configuration: Get https://${blocked.host}/: net/http: request canceled while waiting for connection`;
  }
  return undefined;
}
