import type { ContainerDependency } from '../model/types.js';

/**
 * When each container of a task starts, given its `dependsOn` (ecs-behaviour.md 1.2): the agent starts a
 * container once every dependency is resolved, and gives up on a dependency that is still unresolved
 * `startTimeout` seconds after the dependency started (no startTimeout: it waits for ever). Times are seconds
 * after the images are pulled. A pure decision: the lifecycle applies it.
 */
export interface PlannedContainer {
  name: string;
  essential: boolean;
  dependsOn: readonly ContainerDependency[];
  /** Seconds from "may start" to running (the image's start time). */
  startSeconds: number;
  /** When its process ends by itself, counted from its own start. */
  exit?: { afterSeconds: number; exitCode: number };
  /** When its health check first passes, counted from its own start; undefined: never. */
  healthyAfterSeconds?: number;
  startTimeout?: number;
}

export interface ContainerPlan {
  startsAt?: number;
  exitsAt?: number;
  healthyAt?: number;
  /** The agent gave up starting it: when, and the agent's dependency-graph error. */
  blocked?: { at: number; reason: string };
}

export interface StartPlan {
  containers: Map<string, ContainerPlan>;
  /** When the task reports RUNNING (every container started); undefined while one waits for ever or an essential one is blocked. */
  runningAt?: number;
}

type Resolution = { at: number } | { blocked: { at: number; reason: string } } | 'never';

function resolve(target: string, dep: PlannedContainer, plan: ContainerPlan, condition: ContainerDependency['condition']): Resolution {
  if (plan.blocked) {
    return { blocked: { at: plan.blocked.at, reason: `dependency graph: failed to resolve container ordering dependency [${dep.name}] for target [${target}] because dependency will never start` } };
  }
  if (plan.startsAt === undefined) return 'never';
  if (condition === 'START') return { at: plan.startsAt };
  if (condition === 'SUCCESS' && plan.exitsAt !== undefined && dep.exit!.exitCode !== 0) {
    return { blocked: { at: plan.exitsAt, reason: `dependency graph: failed to resolve container ordering dependency [${dep.name}] for target [${target}] as dependency did not exit successfully.` } };
  }
  const resolvedAt = condition === 'HEALTHY' ? plan.healthyAt : plan.exitsAt;
  const deadline = dep.startTimeout ? plan.startsAt + dep.startTimeout : undefined;
  if (deadline !== undefined && (resolvedAt === undefined || resolvedAt > deadline)) {
    return { blocked: { at: deadline, reason: `dependency graph: container ordering dependency [${dep.name}] for target [${target}] has timed out.` } };
  }
  return resolvedAt === undefined ? 'never' : { at: resolvedAt };
}

/** Plans every container in dependency order (validation rejects cycles; a cycle here just never starts). */
export function planContainerStarts(containers: readonly PlannedContainer[]): StartPlan {
  const byName = new Map(containers.map((c) => [c.name, c]));
  const plans = new Map<string, ContainerPlan>();
  const visiting = new Set<string>();
  const planOf = (c: PlannedContainer): ContainerPlan => {
    const known = plans.get(c.name);
    if (known) return known;
    if (visiting.has(c.name)) return {};
    visiting.add(c.name);
    let readyAt: number | undefined = 0;
    let blocked: ContainerPlan['blocked'];
    for (const d of c.dependsOn) {
      const dep = byName.get(d.containerName);
      const outcome: Resolution = dep ? resolve(c.name, dep, planOf(dep), d.condition) : 'never';
      if (outcome === 'never') readyAt = undefined;
      else if ('blocked' in outcome) blocked = blocked && blocked.at <= outcome.blocked.at ? blocked : outcome.blocked;
      else if (readyAt !== undefined) readyAt = Math.max(readyAt, outcome.at);
    }
    const plan: ContainerPlan = {};
    if (blocked) plan.blocked = blocked;
    else if (readyAt !== undefined) {
      plan.startsAt = readyAt + c.startSeconds;
      if (c.exit) plan.exitsAt = plan.startsAt + c.exit.afterSeconds;
      if (c.healthyAfterSeconds !== undefined) plan.healthyAt = plan.startsAt + c.healthyAfterSeconds;
    }
    plans.set(c.name, plan);
    return plan;
  };
  for (const c of containers) planOf(c);
  const waiting = containers.some((c) => plans.get(c.name)!.startsAt === undefined && !plans.get(c.name)!.blocked);
  const essentialBlocked = containers.some((c) => c.essential && plans.get(c.name)!.blocked);
  const starts = containers.map((c) => plans.get(c.name)!.startsAt).filter((t): t is number => t !== undefined);
  return { containers: plans, runningAt: waiting || essentialBlocked || starts.length === 0 ? undefined : Math.max(...starts) };
}

/**
 * Shutdown in reverse dependency order: a container gets SIGTERM once every container that depends on it has
 * exited, and SIGKILL `stopTimeout` seconds later. Returns each running container's exit time and code.
 */
export function planContainerStops(
  containers: ReadonlyArray<{ name: string; dependsOn: readonly ContainerDependency[]; running: boolean; stopSeconds: number; stopTimeout: number }>,
  sigterm: number,
  sigkill: number,
): Map<string, { exitsAt: number; exitCode: number }> {
  const exits = new Map<string, { exitsAt: number; exitCode: number }>();
  const visiting = new Set<string>();
  const exitOf = (c: (typeof containers)[number]): number => {
    const known = exits.get(c.name);
    if (known) return known.exitsAt;
    if (visiting.has(c.name)) return 0;
    visiting.add(c.name);
    // Once every container that depends on it has exited (a loop, not lists: every stopping task plans this).
    let termAt = 0;
    for (const d of containers) if (d.dependsOn.some((x) => x.containerName === c.name)) termAt = Math.max(termAt, exitOf(d));
    if (!c.running) return termAt;
    const exitsAt = termAt + Math.min(c.stopSeconds, c.stopTimeout);
    exits.set(c.name, { exitsAt, exitCode: c.stopSeconds > c.stopTimeout ? sigkill : sigterm });
    return exitsAt;
  };
  for (const c of containers) exitOf(c);
  return exits;
}
