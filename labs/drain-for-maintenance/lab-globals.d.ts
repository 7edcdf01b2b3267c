// The types maintenance.ts may use without importing them, wherever the file sits (starter/, work/, StackBlitz).
import type { EcsSimulator as Simulator } from '../../core/index.js';

declare global {
  /** The simulated ECS: its methods are ECS's API (updateContainerInstancesState, listTasks, ...) plus `control`. */
  type EcsSimulator = Simulator;
}
