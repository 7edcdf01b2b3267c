/**
 * The concepts of the learning path, for test/docs/learning-path.test.ts.
 *
 * THE FRONTMATTER CONVENTION (every page under docs/chapters/):
 *
 *   order: 30                      the chapter's place in the path (the sidebar and the home page sort by it)
 *   concepts: [C09, C34]           curriculum ids the chapter explains (the coverage matrix; unchanged)
 *   introduces: [container-definition, essential-container]
 *                                  path concepts this chapter teaches first: after it, a reader may be
 *                                  expected to know them. Each concept is introduced by exactly one chapter.
 *   uses: [task-definition, awsvpc]
 *                                  path concepts the chapter relies on without explaining them again: each
 *                                  must be introduced by an EARLIER chapter.
 *   previews: [load-balancer]      optional: later concepts the chapter names without relying on them (the
 *                                  first page's picture of a whole architecture, "see Storage"). Each must be
 *                                  introduced by a LATER chapter, and the chapter must link to that chapter.
 *
 * Path concept ids are kebab-case and listed below, with the words that show a chapter talks about them.
 * The test reads each chapter's lesson text (not its code blocks, not its "How ecs-lab models this" block)
 * and requires every concept whose words appear to be declared in `introduces`, `uses` or `previews`, so
 * the declarations cannot drift from the text. A concept with no `terms` is checked by declaration only
 * (the basic vocabulary of the first chapter, which every later chapter may use).
 */
export interface PathConcept {
  id: string;
  /** What a reader knows once it is introduced. */
  label: string;
  /** Words that show the lesson text is talking about it (case as given: add the `i` flag where it fits). */
  terms?: RegExp[];
}

export const PATH_CONCEPTS: PathConcept[] = [
  // What ECS is: the five words and the three layers.
  { id: 'container-orchestration', label: 'what an orchestrator such as ECS does' },
  { id: 'cluster', label: 'a cluster: a Regional grouping of capacity, tasks and services' },
  { id: 'container-instance', label: 'a container instance: a host running the ECS agent, registered in a cluster' },
  { id: 'container-agent', label: 'the ECS container agent on a host' },
  { id: 'task-definition', label: 'a task definition and its revisions' },
  { id: 'task', label: 'a task: one running copy of a task definition' },
  { id: 'service', label: 'a service: keeps N tasks running' },
  { id: 'fargate', label: 'Fargate: capacity where AWS runs the hosts', terms: [/\bFargate\b/i] },
  { id: 'provisioning-tools', label: 'console, CLI, SDKs, CDK and CloudFormation call the same ECS API' },

  // Containers, images and ECR.
  { id: 'container-vs-vm', label: 'containers versus virtual machines' },
  { id: 'ecr', label: 'Amazon ECR and pulling images', terms: [/\bECR\b/] },
  { id: 'image-tag', label: 'a tag is resolved when a task starts', terms: [/\bimage digest\b|@sha256/i] },

  // The VPC and load balancer primer.
  { id: 'availability-zone', label: 'Regions and Availability Zones', terms: [/availability zones?/i, /\bAZs?\b/] },
  { id: 'vpc', label: 'a VPC', terms: [/\bVPCs?\b(?! endpoint| Lattice)/] },
  { id: 'subnet', label: 'public and private subnets, route tables', terms: [/\bsubnets?\b/i] },
  { id: 'nat-gateway', label: 'a NAT gateway for outbound traffic from private subnets', terms: [/\bNAT\b/] },
  { id: 'vpc-endpoint', label: 'VPC endpoints (PrivateLink) to reach AWS services privately', terms: [/\bVPC endpoints?\b/i, /PrivateLink/] },
  { id: 'eni', label: 'an elastic network interface', terms: [/\bENIs?\b/, /elastic network interfaces?/i] },
  { id: 'awsvpc', label: 'the awsvpc network mode: a task in a subnet with its own ENI', terms: [/\bawsvpc\b/] },
  { id: 'assign-public-ip', label: 'assignPublicIp', terms: [/assignPublicIp/] },
  { id: 'security-group', label: 'security groups, and groups that reference each other', terms: [/security groups?/i] },
  { id: 'load-balancer', label: 'ALB and NLB', terms: [/load[ -]balanc(er|ers|ing)\b/i, /\bALBs?\b/, /\bNLBs?\b/] },
  { id: 'listener', label: 'a listener and its rules', terms: [/\blisteners?\b/i] },
  { id: 'target-group', label: 'a target group and its targets', terms: [/target groups?/i, /\btargetGroupArn\b/] },
  { id: 'target-health', label: "a load balancer's health checks on its targets", terms: [/(target|ELB|load balancer) health( checks?)?\b/i] },

  // Task definitions.
  { id: 'container-definition', label: 'container definitions', terms: [/container definitions?/i] },
  { id: 'essential-container', label: 'essential containers', terms: [/\bessential\b/i] },
  { id: 'port-mapping', label: 'port mappings', terms: [/port ?mappings?/i, /\bcontainerPort\b/, /\bhostPort\b/] },
  { id: 'container-health-check', label: "a container's health check", terms: [/container health checks?/i, /\bhealthCheck\b/] },
  { id: 'container-dependency', label: 'dependsOn, start and stop order', terms: [/\bdependsOn\b/] },
  { id: 'stop-timeout', label: 'SIGTERM, stopTimeout, then SIGKILL', terms: [/\bstopTimeout\b/, /\bSIGTERM\b/, /\bSIGKILL\b/] },

  // Tasks versus services.
  { id: 'standalone-task', label: 'a standalone task versus a service task', terms: [/standalone tasks?/i] },
  // DEPROVISIONING is left out: it is also the status of a capacity provider being deleted.
  { id: 'task-lifecycle', label: "a task's lastStatus and desiredStatus, PROVISIONING to STOPPED", terms: [/\b(PROVISIONING|ACTIVATING|DEACTIVATING)\b/, /\bdesiredStatus\b/] },
  { id: 'stop-code', label: "a stopped task's stopCode and stoppedReason", terms: [/\bstopCode\b/, /\bstoppedReason\b/, /\b(TaskFailedToStart|EssentialContainerExited|ServiceSchedulerInitiated|UserInitiated)\b/] },
  { id: 'service-event', label: "a service's events", terms: [/service events?/i] },

  // IAM roles and secrets.
  { id: 'iam-role', label: 'an IAM role, its policies and who may assume it', terms: [/\bIAM roles?\b/i] },
  { id: 'task-role', label: 'the task role', terms: [/\btask roles?\b/i, /\btaskRoleArn\b/] },
  { id: 'execution-role', label: 'the task execution role', terms: [/\bexecution roles?\b/i, /\bexecutionRoleArn\b/] },
  { id: 'instance-role', label: 'the container instance role', terms: [/\binstance (role|profile)\b/i] },
  { id: 'secrets', label: 'secrets injected from Secrets Manager and Parameter Store', terms: [/Secrets Manager/, /Parameter Store/] },
  { id: 'cluster-access-policy', label: 'IAM policies on the ECS API for people and pipelines', terms: [/\biam:PassRole\b/, /\becs:cluster\b/] },
  { id: 'imds-blocking', label: 'keeping EC2 tasks away from the instance role', terms: [/ECS_AWSVPC_BLOCK_IMDS/, /instance metadata/i] },

  // EC2, Fargate and Managed Instances.
  { id: 'launch-type', label: 'the EC2 and Fargate launch types: who manages the hosts', terms: [/launch types?/i] },
  { id: 'fargate-task-size', label: 'Fargate task sizes', terms: [/Fargate (task )?sizes?/i] },
  { id: 'managed-instances', label: 'ECS Managed Instances', terms: [/Managed Instances/, /MANAGED_INSTANCES/] },

  // Networking modes.
  { id: 'network-mode', label: 'the network modes bridge, host and none', terms: [/\bbridge\b/, /\bnetworkMode\b/, /network modes?/i] },
  { id: 'dynamic-host-port', label: 'dynamic host ports', terms: [/dynamic (host )?ports?/i] },
  { id: 'eni-trunking', label: 'ENI limits and trunking', terms: [/trunking/i] },

  // Clusters and capacity.
  { id: 'auto-scaling-group', label: 'an EC2 Auto Scaling group', terms: [/Auto Scaling groups?/i, /\bASGs?\b/] },
  { id: 'instance-draining', label: 'a container instance in DRAINING', terms: [/\bDRAINING\b/, /instance draining/i] },
  { id: 'managed-draining', label: 'managed instance draining of Auto Scaling group capacity providers', terms: [/managed (instance )?draining/i, /\bmanagedDraining\b/] },
  { id: 'capacity-provider', label: 'capacity providers and strategies with base and weight', terms: [/capacity providers?/i, /\bcapacityProvider\b/] },

  // Scheduling and placement.
  { id: 'daemon-service', label: 'the DAEMON scheduling strategy', terms: [/\bDAEMON\b/, /daemon services?/i] },
  { id: 'placement', label: 'placement strategies and constraints', terms: [/\bbinpack\b/, /placement (strateg|constraint)/i, /\b(distinctInstance|memberOf)\b/] },

  // Rolling updates.
  { id: 'rolling-update', label: 'the rolling update and its deployments', terms: [/rolling update/i] },
  { id: 'deployment-bounds', label: 'minimumHealthyPercent and maximumPercent', terms: [/\bminimumHealthyPercent\b/, /\bmaximumPercent\b/] },

  // Failed deployments.
  { id: 'circuit-breaker', label: 'the deployment circuit breaker', terms: [/circuit breaker/i, /\bdeploymentCircuitBreaker\b/] },
  { id: 'cloudwatch-alarm', label: 'a CloudWatch alarm and its ALARM state', terms: [/CloudWatch alarms?/i, /\bALARM\b/] },
  { id: 'health-check-grace-period', label: "a service's health check grace period", terms: [/\bhealthCheckGracePeriodSeconds\b/, /grace period/i] },

  // Load balancing.
  { id: 'deregistration-delay', label: 'deregistration delay (connection draining)', terms: [/deregistration[ _]delay/i, /connection draining/i] },

  // Service discovery and Service Connect.
  { id: 'cloud-map', label: 'Cloud Map DNS service discovery', terms: [/Cloud Map/, /service discovery/i] },
  { id: 'service-connect', label: 'Service Connect', terms: [/Service Connect/] },

  // Blue/green.
  { id: 'blue-green', label: 'blue/green, linear and canary deployments', terms: [/blue\/green/i] },

  // Observability.
  { id: 'cloudwatch-logs', label: 'the awslogs driver and CloudWatch Logs', terms: [/\bawslogs\b/, /CloudWatch Logs/, /log streams?/i] },
  { id: 'container-insights', label: 'metrics and Container Insights', terms: [/Container Insights/] },
  { id: 'eventbridge', label: 'ECS events in EventBridge', terms: [/EventBridge/] },
  { id: 'ecs-exec', label: 'ECS Exec', terms: [/ECS Exec\b/, /execute-command/] },
  { id: 'tracing', label: 'tracing with the OpenTelemetry collector (and the X-Ray daemon before it)', terms: [/X-Ray/, /OpenTelemetry/, /\bADOT\b/] },

  // Auto scaling.
  { id: 'service-auto-scaling', label: 'service auto scaling: target tracking, step and scheduled scaling', terms: [/target tracking/i, /step scaling/i, /Application Auto Scaling/] },
  { id: 'cluster-auto-scaling', label: 'cluster auto scaling with managed scaling', terms: [/managed scaling/i, /\bmanagedScaling\b/, /CapacityProviderReservation/] },

  // Spot.
  { id: 'spot', label: 'EC2 Spot and Fargate Spot', terms: [/\bSpot\b/, /FARGATE_SPOT/] },

  // Storage.
  { id: 'efs', label: 'EFS volumes', terms: [/\bEFS\b/] },
  { id: 'ebs-volume', label: 'EBS volumes attached to tasks', terms: [/\bEBS\b/] },

  // Event-driven tasks and queue workers.
  { id: 'eventbridge-rule', label: 'EventBridge rules and schedules that start tasks', terms: [/EventBridge (rules?|Scheduler)/] },
  { id: 'queue-worker', label: 'SQS queue workers', terms: [/queue workers?/i, /worker services?/i] },

  // ECS Anywhere.
  { id: 'ecs-anywhere', label: 'ECS Anywhere: your own servers as EXTERNAL instances', terms: [/ECS Anywhere/, /on-premises/i] },

  // Alternatives.
  { id: 'eks', label: 'Amazon EKS and Kubernetes', terms: [/\bEKS\b/, /Kubernetes/] },
  { id: 'express-mode', label: 'ECS Express Mode', terms: [/Express Mode/] },

  // Pricing.
  { id: 'savings-plans', label: 'Savings Plans', terms: [/Savings Plans?/] },
];
