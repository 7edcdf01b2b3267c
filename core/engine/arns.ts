/** ARN shapes of ECS resources (the "new" long ARN format, with the cluster name in task ARNs). */
export interface ArnContext {
  region: string;
  accountId: string;
}

const base = (ctx: ArnContext) => `arn:aws:ecs:${ctx.region}:${ctx.accountId}`;

export const arns = {
  cluster: (ctx: ArnContext, name: string) => `${base(ctx)}:cluster/${name}`,
  service: (ctx: ArnContext, cluster: string, name: string) => `${base(ctx)}:service/${cluster}/${name}`,
  task: (ctx: ArnContext, cluster: string, id: string) => `${base(ctx)}:task/${cluster}/${id}`,
  containerInstance: (ctx: ArnContext, cluster: string, id: string) =>
    `${base(ctx)}:container-instance/${cluster}/${id}`,
  container: (ctx: ArnContext, cluster: string, taskId: string, containerId: string) =>
    `${base(ctx)}:container/${cluster}/${taskId}/${containerId}`,
  taskDefinition: (ctx: ArnContext, family: string, revision: number) =>
    `${base(ctx)}:task-definition/${family}:${revision}`,
};

/** The last path segment of an ARN, or the string itself when it is not an ARN. */
export function resourceId(arnOrName: string): string {
  return arnOrName.startsWith('arn:') ? arnOrName.slice(arnOrName.lastIndexOf('/') + 1) : arnOrName;
}
