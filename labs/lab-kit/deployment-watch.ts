import type { EcsSimulator } from '../../core/index.js';
import { shortName } from './words.js';

/** What blue/green labs read while a deployment runs: the traffic on a target group, the deployment, the tasks. */

/** The share of a listener rule's traffic that goes to `targetGroup`, in percent. */
export function percentTo(sim: EcsSimulator, ruleArn: string, targetGroup: string): number {
  const groups = sim.elbv2.describeRules({ RuleArns: [ruleArn] }).Rules[0].Actions[0].ForwardConfig?.TargetGroups ?? [];
  const total = groups.reduce((sum, g) => sum + (g.Weight ?? 0), 0);
  return total === 0 ? 0 : (100 * (groups.find((g) => g.TargetGroupArn === targetGroup)?.Weight ?? 0)) / total;
}

export type ServiceDeployment = ReturnType<EcsSimulator['describeServiceDeployments']>['serviceDeployments'][number];

/** The service's newest deployment, as DescribeServiceDeployments shows it. */
export function latestServiceDeployment(sim: EcsSimulator, service: string): ServiceDeployment {
  const [arn] = sim.listServiceDeployments({ service }).serviceDeployments.map((d) => d.serviceDeploymentArn);
  return sim.describeServiceDeployments({ serviceDeploymentArns: [arn!] }).serviceDeployments[0];
}

const ONGOING = ['PENDING', 'IN_PROGRESS', 'ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS', 'STOP_REQUESTED'];
export const isOngoing = (status: string | undefined) => ONGOING.includes(status ?? 'PENDING');

/** The service's running tasks, counted by revision: { "web:2": 2 }. */
export function runningByRevision(sim: EcsSimulator, service: string): Record<string, number> {
  const { taskArns } = sim.listTasks({ serviceName: service });
  const tasks = taskArns.length === 0 ? [] : sim.describeTasks({ tasks: taskArns }).tasks;
  const counts: Record<string, number> = {};
  for (const t of tasks.filter((t) => t.lastStatus === 'RUNNING')) counts[shortName(t.taskDefinitionArn)] = (counts[shortName(t.taskDefinitionArn)] ?? 0) + 1;
  return counts;
}

/** "2 of web:1, 2 of web:2", or "none". */
export const describeRunning = (running: Record<string, number>) =>
  Object.entries(running).map(([revision, n]) => `${n} of ${revision}`).join(', ') || 'none';
