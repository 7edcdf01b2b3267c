/** Elastic Load Balancing (v2) as the simulator keeps it. Times are virtual milliseconds. */
export type TargetState = 'initial' | 'healthy' | 'unhealthy' | 'draining' | 'unused';

export interface TargetHealthCheck {
  path: string;
  intervalSeconds: number;
  timeoutSeconds: number;
  healthyThreshold: number;
  unhealthyThreshold: number;
  matcher: string;
}

export interface TargetRecord {
  /** "id:port": an instance id with its host port, or a task IP with the container port. */
  key: string;
  id: string;
  port: number;
  availabilityZone?: string;
  taskArn: string;
  state: TargetState;
  reasonCode?: string;
  description?: string;
  passes: number;
  failures: number;
  /** Slow start: from when it turned healthy until when the load balancer ramps its share up (virtual ms). */
  slowStart?: { from: number; until: number };
}

export interface TargetGroupRecord {
  arn: string;
  name: string;
  protocol: 'HTTP' | 'HTTPS' | 'TCP' | 'UDP' | 'TLS';
  port: number;
  targetType: 'instance' | 'ip';
  healthCheck: TargetHealthCheck;
  deregistrationDelaySeconds: number;
  /** slow_start.duration_seconds: 0 (off) or 30-900. */
  slowStartSeconds: number;
  /** Requests routed to the group since the last one-minute metric (RequestCountPerTarget). */
  requestsThisMinute: number;
  /** HTTP 5xx answers its targets gave since the last one-minute metric (HTTPCode_Target_5XX_Count). */
  target5xxThisMinute?: number;
  loadBalancerArns: string[];
  targets: Map<string, TargetRecord>;
}

/** One target group of a forward action, with its weight (0-999): blue/green shifts traffic by changing them. */
export interface ForwardTarget {
  targetGroupArn: string;
  weight: number;
}

export interface ListenerRecord {
  arn: string;
  port: number;
  protocol: string;
  /** The default rule's forward action: where requests no rule matches go (none when it answers a fixed response). */
  targetGroups: ForwardTarget[];
  /** A fixed-response default action instead of a forward: what a load balancer shared by host answers a host no rule names. */
  fixedResponse?: FixedResponse;
  /** Listener rules (CreateRule), checked in priority order before the default action; absent until the first. */
  rules?: ListenerRuleRecord[];
}

/** ELBv2's FixedResponseConfig: the status code (2XX, 4XX or 5XX), and optionally the body and its type. */
export interface FixedResponse {
  statusCode: string;
  contentType?: string;
  messageBody?: string;
}

/** A request matches a condition when one of its values matches: path patterns with * and ?, header and host values the same way. */
export type RuleCondition =
  | { field: 'path-pattern'; values: string[] }
  | { field: 'http-header'; headerName: string; values: string[] }
  | { field: 'host-header'; values: string[] };

export interface ListenerRuleRecord {
  arn: string;
  priority: number;
  /** Every condition must match (ELB ANDs a rule's conditions). */
  conditions: RuleCondition[];
  targetGroups: ForwardTarget[];
}

export interface LoadBalancerRecord {
  arn: string;
  name: string;
  type: 'application' | 'network';
  dnsName: string;
  listeners: ListenerRecord[];
  createdAt: number;
}

export interface ElbState {
  loadBalancers: Map<string, LoadBalancerRecord>;
  targetGroups: Map<string, TargetGroupRecord>;
}

export const createElbState = (): ElbState => ({ loadBalancers: new Map(), targetGroups: new Map() });

/** ALB target group defaults (Application Load Balancer guide, target group health checks). */
export const DEFAULT_TARGET_HEALTH_CHECK: TargetHealthCheck = {
  path: '/',
  intervalSeconds: 30,
  timeoutSeconds: 5,
  healthyThreshold: 5,
  unhealthyThreshold: 2,
  matcher: '200',
};

export const DEFAULT_DEREGISTRATION_DELAY_SECONDS = 300;

declare module '../kernel/context.js' {
  interface SimState {
    elb: ElbState;
  }
}
