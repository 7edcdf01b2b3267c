import type { ServiceRecord } from '../model/state.js';

/** What the service scheduler keeps of a service (or of a Managed Daemon it runs) before its first pass. */
export const freshSchedulerState = (): Pick<
  ServiceRecord,
  'deployments' | 'events' | 'steady' | 'passScheduled' | 'openConditions' | 'tasks' | 'startFailuresInARow' | 'nextLaunchAllowedAt'
> => ({
  deployments: [],
  events: [],
  steady: false,
  passScheduled: false,
  openConditions: new Map(),
  tasks: new Map(),
  startFailuresInARow: 0,
  nextLaunchAllowedAt: 0,
});
