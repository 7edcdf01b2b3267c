/** ecs-lab's engine: a deterministic simulator of Amazon ECS. Browser-safe: no Node built-ins. */
export { EcsSimulator, createSimulator } from './sim/simulator.js';
export type { SimulatorOptions } from './kernel/context.js';
export { restoreSimulator } from './sim/restore-simulator.js';
export type { SimulatorSnapshot, JournalEntry } from './kernel/journal.js';
export { EcsError, type EcsExceptionName } from './kernel/errors.js';
export type * from './ecs/model/types.js';
export type { ImageBehaviour } from './ecs/model/image-catalogue.js';
export { INSTANCE_TYPES } from './ecs/model/instance-types.js';
export type { AddInstancesRequest } from './ecs/capacity/add-instances.js';
export type { ProduceMessagesRequest } from './workload/producer.js';
export { decideStepScaling, type StepScalingInput } from './application-auto-scaling/step-scaling.js';
export { describeEvent, formatVirtualTime, type SimEvent, type EventBridgeEvent } from './kernel/event-log.js';
export type { PhaseCounts, ServiceCensusPoint } from './ecs/model/task-census.js';
export type { ClusterViewSnapshot, ClusterPicture, InstanceTile, ServicePicture, TaskTile } from './sim/cluster-view.js';
export type { PlacementExplanation } from './ecs/model/placement-explanation.js';
export { deploymentBounds } from './ecs/services/deployment-bounds.js';
export { decideRollingPass, type RollingDecision, type RollingInput } from './ecs/services/rolling-deployment.js';
