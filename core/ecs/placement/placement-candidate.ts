/** The placement chain's view of a container instance: plain data, no engine state. */
export interface PlacementCandidate {
  containerInstanceId: string;
  ec2InstanceId: string;
  status: string;
  agentConnected: boolean;
  remainingCpu: number;
  remainingMemory: number;
  /** Network interfaces left for awsvpc tasks; absent means no limit applies. */
  remainingEnis?: number;
  /** Host ports taken, agent-reserved ones included, as "port/protocol". */
  usedPorts: ReadonlySet<string>;
  /** Built-in and custom attributes, e.g. ecs.availability-zone, ecs.instance-type. */
  attributes: Readonly<Record<string, string>>;
  /** Tasks of the same group (service:NAME or family:NAME) already on the instance. */
  groupTaskCount: number;
  // The fields below answer memberOf expressions; when one is absent its subject has no value on the instance.
  /** versionInfo.agentVersion, for `agentVersion` queries. */
  agentVersion?: string;
  /** Registration time in epoch seconds, for `registeredAt` queries. */
  registeredAt?: number;
  /** Tasks in RUNNING state, as DescribeContainerInstances counts them, for `runningTasksCount` queries. */
  runningTasksCount?: number;
  /** The group of every task on the instance, tasks placed earlier in the same call included, for `task:group`. */
  taskGroups?: readonly string[];
}
