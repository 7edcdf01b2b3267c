import type { ExpressScalingTarget } from './express-state.js';

/**
 * Express Mode's defaults ("Resources created by Amazon ECS Express Mode services", the ECS API reference)
 * and the simulator's choices where AWS documents none (docs/chapters/ecs-vs-alternatives.md says which).
 */

/** Task size: the developer guide's 1 vCPU and 2 GB (the API reference once said 256 and 512). */
export const DEFAULT_CPU = '1024';
export const DEFAULT_MEMORY = '2048';
export const DEFAULT_CONTAINER_PORT = 80;
export const DEFAULT_HEALTH_CHECK_PATH = '/ping';
export const DEFAULT_CLUSTER = 'default';

/** Target tracking on average CPU at 60 (API reference); 1 to 20 tasks is the simulator's choice. */
export const DEFAULT_SCALING_TARGET: ExpressScalingTarget = { minTaskCount: 1, maxTaskCount: 20, autoScalingMetric: 'AVERAGE_CPU', autoScalingTargetValue: 60 };

/** The container Express Mode describes is named Main; a task definition brought to it must have one. */
export const PRIMARY_CONTAINER_NAME = 'Main';

/** Updates: 5 % canary, 3 minutes, then 100 %, 3 minutes' bake before the old tasks stop (developer guide). */
export const CANARY_PERCENT = 5;
export const CANARY_BAKE_MINUTES = 3;
export const BAKE_MINUTES = 3;

/** Up to 25 Express services share one Application Load Balancer, one host-header rule each. */
export const SERVICES_PER_LOAD_BALANCER = 25;

/** The simulator's default VPC: two public subnets, in the region's first two zones. */
export const DEFAULT_SUBNETS = ['subnet-default-a', 'subnet-default-b'];
