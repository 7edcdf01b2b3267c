import type { PlacementCandidate } from './placement-candidate.js';
import type { TaskRequirements } from './task-requirements.js';

/**
 * The first placement step: the first rule an instance fails, or null when the task fits.
 * Order follows what ECS reports: agent and state, then CPU, memory, ports.
 */
export function resourceRejection(candidate: PlacementCandidate, needs: TaskRequirements): string | null {
  if (!candidate.agentConnected) return 'AGENT';
  if (candidate.status !== 'ACTIVE') return candidate.status;
  if (candidate.remainingCpu < needs.cpu) return 'RESOURCE:CPU';
  if (candidate.remainingMemory < needs.memory) return 'RESOURCE:MEMORY';
  if (needs.staticPorts.some((p) => candidate.usedPorts.has(p))) return 'RESOURCE:PORTS';
  if (needs.enis > (candidate.remainingEnis ?? Infinity)) return 'RESOURCE:ENI';
  return null;
}
