/** ARN shapes of ECS resources (the "new" long ARN format, with the cluster name in task ARNs). */
export interface ArnContext {
  region: string;
  accountId: string;
}

/**
 * One flat string from its parts. A template literal gives a tree of joined pieces, one small object per
 * piece, that a lookup then copies flat besides: a run with tens of thousands of tasks keeps hundreds of
 * thousands of them.
 */
const flat = (...parts: string[]) => parts.join('');

const base = (ctx: ArnContext) => `arn:aws:ecs:${ctx.region}:${ctx.accountId}`;

export const arns = {
  cluster: (ctx: ArnContext, name: string) => flat(base(ctx), ':cluster/', name),
  service: (ctx: ArnContext, cluster: string, name: string) => flat(base(ctx), ':service/', cluster, '/', name),
  task: (ctx: ArnContext, cluster: string, id: string) => flat(base(ctx), ':task/', cluster, '/', id),
  containerInstance: (ctx: ArnContext, cluster: string, id: string) => flat(base(ctx), ':container-instance/', cluster, '/', id),
  container: (ctx: ArnContext, cluster: string, taskId: string, containerId: string) =>
    flat(base(ctx), ':container/', cluster, '/', taskId, '/', containerId),
  taskDefinition: (ctx: ArnContext, family: string, revision: number) => flat(base(ctx), ':task-definition/', family, ':', String(revision)),
};

/** The last path segment of an ARN, or the string itself when it is not an ARN. */
export function resourceId(arnOrName: string): string {
  return arnOrName.startsWith('arn:') ? arnOrName.slice(arnOrName.lastIndexOf('/') + 1) : arnOrName;
}
