/** Loads every part of the step library (each file registers its steps on import). */
import './cluster-steps.js';
import './task-definition-steps.js';
import './container-steps.js';
import './service-steps.js';
import './history-steps.js';
import './instance-steps.js';
import './task-steps.js';
import './fargate-steps.js';
import './traffic-steps.js';
import './load-balancer-steps.js';
import './capacity-provider-steps.js';
import './autoscaling-steps.js';
import './cost-steps.js';
import './blue-green-steps.js';
import './iam-steps.js';
import './storage-steps.js';
import './event-driven-steps.js';
import './queue-steps.js';
import './placement-steps.js';
import './external-instance-steps.js';
import './observability-steps.js';
import './managed-instances-steps.js';
import './native-blue-green-steps.js';
import './express-mode-steps.js';
import './networking-steps.js';

export { stepDefinitions, type StepDefinition } from './step-registry.js';
