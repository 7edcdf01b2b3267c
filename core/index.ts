/** ecs-lab's engine: a deterministic simulator of Amazon ECS. Browser-safe: no Node built-ins. */
export { EcsSimulator, createSimulator } from './simulator.js';
export type { SimulatorOptions } from './engine/context.js';
export { restoreSimulator } from './simulation/restore-simulator.js';
export type { SimulatorSnapshot, JournalEntry } from './simulation/journal.js';
export { EcsError, type EcsExceptionName } from './api/errors.js';
export type * from './api/types.js';
export type { ImageBehaviour } from './model/image-catalogue.js';
export { INSTANCE_TYPES } from './model/instance-types.js';
export type { AddInstancesRequest } from './simulation/add-instances.js';
export type { ProduceMessagesRequest } from './queue/producer.js';
export { decideStepScaling, type StepScalingInput } from './autoscaling/step-scaling.js';
export { describeEvent, formatVirtualTime, type SimEvent, type EventBridgeEvent } from './events/event-log.js';
export type { PhaseCounts, ServiceCensusPoint } from './events/task-census.js';
export type { ClusterViewSnapshot, ClusterPicture, InstanceTile, TaskTile } from './view/cluster-view.js';
export type { PlacementExplanation } from './placement/placement-explanation.js';
export { deploymentBounds } from './scheduler/deployment-bounds.js';
export { decideRollingPass, type RollingDecision, type RollingInput } from './scheduler/rolling-deployment.js';
