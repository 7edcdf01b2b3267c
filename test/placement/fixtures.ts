import type { PlacementConstraint, PlacementStrategy } from '../../core/ecs/model/types.js';
import { chooseInstance, type PlacementChoice } from '../../core/ecs/placement/choose-instance.js';
import type { PlacementCandidate } from '../../core/ecs/placement/placement-candidate.js';
import type { TaskRequirements } from '../../core/ecs/placement/task-requirements.js';

/** An ACTIVE, connected instance with plenty of room; `overrides` set what a test is about. */
export function instance(ec2InstanceId: string, overrides: Partial<PlacementCandidate> = {}): PlacementCandidate {
  return {
    containerInstanceId: `ci-${ec2InstanceId}`,
    ec2InstanceId,
    status: 'ACTIVE',
    agentConnected: true,
    remainingCpu: 2048,
    remainingMemory: 4096,
    usedPorts: new Set(),
    attributes: {},
    groupTaskCount: 0,
    taskGroups: [],
    runningTasksCount: 0,
    ...overrides,
  };
}

export function inZone(ec2InstanceId: string, zone: string, type: string, overrides: Partial<PlacementCandidate> = {}) {
  return instance(ec2InstanceId, {
    attributes: { 'ecs.availability-zone': zone, 'ecs.instance-type': type },
    ...overrides,
  });
}

export const needs = (memory: number, cpu = 0): TaskRequirements => ({ cpu, memory, staticPorts: [], enis: 0 });

/**
 * Places `count` tasks of one group one after another, as the engine does: each placement sees the previous
 * ones (resources taken, group counts and task groups updated). Stops at the first failure.
 */
export function placeSeries(
  instances: PlacementCandidate[],
  task: TaskRequirements,
  count: number,
  options: { strategies?: PlacementStrategy[]; constraints?: PlacementConstraint[]; group?: string; pick?: (n: number) => number } = {},
): { placedOn: string[]; choices: PlacementChoice[]; instances: PlacementCandidate[] } {
  let current = instances;
  const placedOn: string[] = [];
  const choices: PlacementChoice[] = [];
  for (let i = 0; i < count; i++) {
    const choice = chooseInstance(current, task, options.strategies ?? [], options.pick ?? (() => 0), options.constraints);
    choices.push(choice);
    const chosen = choice.chosen;
    if (!chosen) break;
    placedOn.push(chosen.ec2InstanceId);
    current = current.map((c) =>
      c === chosen
        ? {
            ...c,
            remainingCpu: c.remainingCpu - task.cpu,
            remainingMemory: c.remainingMemory - task.memory,
            groupTaskCount: c.groupTaskCount + 1,
            taskGroups: [...(c.taskGroups ?? []), options.group ?? 'service:web'],
            runningTasksCount: (c.runningTasksCount ?? 0) + 1,
          }
        : c,
    );
  }
  return { placedOn, choices, instances: current };
}
