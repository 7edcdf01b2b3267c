/**
 * What the simulated CloudWatch Logs, Container Insights and X-Ray daemon keep. Times are virtual
 * milliseconds; the logs API turns them into epoch milliseconds, as CloudWatch Logs writes timestamps.
 */
export interface LogEventRecord {
  time: number;
  message: string;
}

export interface LogStreamRecord {
  name: string;
  createdAt: number;
  events: LogEventRecord[];
}

export interface LogGroupRecord {
  name: string;
  createdAt: number;
  retentionInDays?: number;
  streams: Map<string, LogStreamRecord>;
}

/** Trace segments the X-Ray daemon sidecar of a task received. */
export interface TaskTraces {
  clusterName: string;
  serviceName?: string;
  segments: number;
}

export interface ObservabilityState {
  logGroups: Map<string, LogGroupRecord>;
  /** By task ARN; kept after the task stops, like the traces X-Ray already holds. */
  traces: Map<string, TaskTraces>;
  /** Requests each task served since the last Container Insights minute, by task ARN. */
  requestsThisMinute: Map<string, number>;
  /** Whether the one-minute Container Insights tick is scheduled. */
  insightsOn: boolean;
  /** Datapoints Container Insights published, for the cost meter. */
  insightsDatapoints: number;
}

export const createObservabilityState = (): ObservabilityState => ({
  logGroups: new Map(),
  traces: new Map(),
  requestsThisMinute: new Map(),
  insightsOn: false,
  insightsDatapoints: 0,
});

declare module '../kernel/context.js' {
  interface SimState {
    /** CloudWatch Logs groups, X-Ray segments and Container Insights bookkeeping. */
    observability: ObservabilityState;
  }
}
