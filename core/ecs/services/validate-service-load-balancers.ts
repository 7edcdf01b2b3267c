import { invalidParameter } from '../../kernel/errors.js';
import type { TaskDefinition } from '../model/types.js';
import type { SimContext } from '../../kernel/context.js';
import type { ServiceLoadBalancer } from '../model/state.js';
import { validateAdvancedConfiguration } from './validate-advanced-configuration.js';
import { optionalArray, optionalInteger, requireObject, requireString } from '../../kernel/fields.js';

/** CreateService and UpdateService `loadBalancers`: each entry names a target group with a load balancer, and a container port of the task. */
export function validateServiceLoadBalancers(ctx: SimContext, input: unknown, taskDefinition: TaskDefinition): ServiceLoadBalancer[] {
  return (optionalArray(input, 'loadBalancers', 5) ?? []).map((raw, i) => {
    const at = `loadBalancers[${i}]`;
    const entry = requireObject(raw, at);
    const targetGroupArn = requireString(entry.targetGroupArn, `${at}.targetGroupArn`);
    const containerName = requireString(entry.containerName, `${at}.containerName`);
    const containerPort = optionalInteger(entry.containerPort, `${at}.containerPort`, { min: 1, max: 65535 });
    const tg = ctx.state.elb.targetGroups.get(targetGroupArn);
    if (!tg) throw invalidParameter(`Unable to find target group ${targetGroupArn}.`, `${at}.targetGroupArn`);
    if (tg.loadBalancerArns.length === 0) {
      throw invalidParameter(`The target group with targetGroupArn ${targetGroupArn} does not have an associated load balancer.`, `${at}.targetGroupArn`);
    }
    const port = checkTargetPort(taskDefinition, containerName, containerPort, at);
    if (taskDefinition.networkMode === 'awsvpc' && tg.targetType !== 'ip') {
      throw invalidParameter(
        `The provided target group ${targetGroupArn} has target type instance, which is incompatible with the awsvpc network mode specified in the task definition.`,
        `${at}.targetGroupArn`,
      );
    }
    if (taskDefinition.networkMode !== 'awsvpc' && tg.targetType === 'ip') {
      throw invalidParameter(`The provided target group ${targetGroupArn} has target type ip, which needs the awsvpc network mode.`, `${at}.targetGroupArn`);
    }
    if (entry.advancedConfiguration === undefined) return { targetGroupArn, containerName, containerPort: port };
    const advancedConfiguration = validateAdvancedConfiguration(ctx, entry.advancedConfiguration, targetGroupArn, at);
    return { targetGroupArn, containerName, containerPort: port, advancedConfiguration };
  });
}

/** ECS cannot register targets on the user's own network: EXTERNAL services take no load balancer. */
export function checkLaunchTypeTakesLoadBalancers(launchType: string, loadBalancers: readonly ServiceLoadBalancer[]): void {
  if (launchType === 'EXTERNAL' && loadBalancers.length > 0) {
    throw invalidParameter('Load balancers are not supported for the EXTERNAL launch type: ECS cannot register targets on your own network.', 'loadBalancers');
  }
}

/** The task definition must have the container and the port the load balancer sends traffic to. */
export function checkTargetPort(taskDefinition: TaskDefinition, containerName: string, containerPort: number | undefined, at: string): number {
  const container = taskDefinition.containerDefinitions.find((c) => c.name === containerName);
  if (!container) throw invalidParameter(`The container ${containerName} does not exist in the task definition.`, `${at}.containerName`);
  if (containerPort === undefined || !(container.portMappings ?? []).some((m) => m.containerPort === containerPort)) {
    throw invalidParameter(`The container ${containerName} did not have a container port ${containerPort ?? '(none)'} defined.`, `${at}.containerPort`);
  }
  return containerPort;
}
