import type { LambdaAnswer } from '../model/blue-green-state.js';
import type { InstanceRecord, ServiceRecord, TaskRecord } from '../model/state.js';

/**
 * What a decider reads: the records themselves, narrowed to the fields deciding needs, so that a test can
 * write them out and the type shows a decider cannot change them.
 */
export interface PassInput {
  service: PlannedService;
  /** The service's tasks that have not reached STOPPED, in the order the service started them. */
  tasks: readonly PlannedTask[];
  /** The cluster's container instances, by ARN. */
  instances: ReadonlyMap<string, PlannedInstance>;
  now: number;
  /** Blue/green lifecycle hooks: what each simulated Lambda function answers, by ARN (unset: SUCCEEDED). */
  lambdaAnswers?: ReadonlyMap<string, LambdaAnswer>;
}

export type PlannedService = Readonly<
  Pick<
    ServiceRecord,
    | 'name'
    | 'desiredCount'
    | 'launchType'
    | 'deploymentConfiguration'
    | 'healthCheckGracePeriodSeconds'
    | 'capacityProviderStrategy'
    | 'deployments'
    | 'taskSets'
    | 'nextLaunchAllowedAt'
  >
>;

export type PlannedTask = Readonly<
  Pick<
    TaskRecord,
    | 'arn'
    | 'id'
    | 'deploymentId'
    | 'desiredStatus'
    | 'lastStatus'
    | 'healthyAt'
    | 'healthStatus'
    | 'elbUnhealthyTarget'
    | 'createdAt'
    | 'startedAt'
    | 'instanceArn'
    | 'availabilityZone'
    | 'protectedUntil'
    | 'capacityProviderName'
  >
>;

export type PlannedInstance = Readonly<Pick<InstanceRecord, 'arn' | 'id' | 'status' | 'agentConnected' | 'external'>>;
