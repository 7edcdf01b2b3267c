/** The placement chain's view of a container instance: plain data, no engine state. */
export interface PlacementCandidate {
  containerInstanceId: string;
  ec2InstanceId: string;
  status: string;
  agentConnected: boolean;
  remainingCpu: number;
  remainingMemory: number;
  /** Host ports taken, agent-reserved ones included, as "port/protocol". */
  usedPorts: ReadonlySet<string>;
  /** Built-in and custom attributes, e.g. ecs.availability-zone, ecs.instance-type. */
  attributes: Readonly<Record<string, string>>;
  /** Tasks of the same group (service:NAME or family:NAME) already on the instance. */
  groupTaskCount: number;
}
