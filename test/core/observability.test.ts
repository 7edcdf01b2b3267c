import { describe, expect, it } from 'vitest';
import { matchesFilterPattern, parseFilterPattern } from '../../core/cloudwatch/filter-pattern.js';
import { fargateTaskDefinition } from '../../scenarios/steps/fargate-requests.js';
import { createSimulator, restoreSimulator, type ContainerDefinition, type EcsSimulator, type ImageBehaviour } from '../../core/index.js';

const EXECUTION_ROLE = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole';
const SUBNETS = ['subnet-a', 'subnet-b'];

function fargateCluster(settings?: Array<{ name: 'containerInsights'; value: string }>): EcsSimulator {
  const sim = createSimulator({ seed: 7 });
  sim.createCluster({ clusterName: 'demo', capacityProviders: ['FARGATE'], ...(settings ? { settings } : {}) });
  sim.iam.createRole({ RoleName: 'ecsTaskExecutionRole' });
  sim.iam.attachRolePolicy({ RoleName: 'ecsTaskExecutionRole', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy' });
  return sim;
}

const awslogs = (options: Record<string, string> = {}) => ({
  logDriver: 'awslogs',
  options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs', ...options },
});

/** A small Fargate task definition "web" with these containers. */
function registerWeb(sim: EcsSimulator, [first, ...others]: ContainerDefinition[], executionRoleArn?: string) {
  const definition = fargateTaskDefinition('web', first.image, undefined, executionRoleArn ? { executionRoleArn } : {}, first);
  definition.containerDefinitions.push(...others);
  sim.registerTaskDefinition(definition);
}

/** A one-task service "web" whose app container logs with awslogs to /ecs/web, prefix "ecs". */
function webService(sim: EcsSimulator, image: string, behaviour: ImageBehaviour, logOptions: Record<string, string> = {}) {
  sim.control.registerImage(image, behaviour);
  registerWeb(sim, [{ name: 'app', image, essential: true, logConfiguration: awslogs(logOptions) }], EXECUTION_ROLE);
  sim.createService({ cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 1, launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets: SUBNETS } } });
}

const stoppedTasks = (sim: EcsSimulator) => {
  const { taskArns } = sim.listTasks({ cluster: 'demo', desiredStatus: 'STOPPED' });
  return taskArns.length ? sim.describeTasks({ cluster: 'demo', tasks: taskArns }).tasks : [];
};

const messages = (sim: EcsSimulator, stream: string) => sim.logs.getLogEvents({ logGroupName: '/ecs/web', logStreamName: stream, startFromHead: true }).events.map((e) => e.message);

describe('CloudWatch Logs from the awslogs driver', () => {
  const crashing: ImageBehaviour = { crashAfterSeconds: 30, logs: { atStart: ['listening on :8080'], every: { seconds: 10, line: 'heap {memoryMiB} MiB' }, atExit: 'FATAL: cannot connect to database' } };

  it('names each stream prefix/container/task-id and fills it with the lines the image prints', () => {
    const sim = fargateCluster();
    sim.logs.createLogGroup({ logGroupName: '/ecs/web' });
    webService(sim, 'web:1', { ...crashing, baseMemoryMiB: 100, memoryGrowthMiBPerMinute: 60 });
    sim.control.advance(60);
    const [task] = stoppedTasks(sim);
    const taskId = task.taskArn.split('/').pop();
    const streams = sim.logs.describeLogStreams({ logGroupName: '/ecs/web' }).logStreams.map((s) => s.logStreamName);
    expect(streams).toContain(`ecs/app/${taskId}`);
    expect(messages(sim, `ecs/app/${taskId}`)).toEqual(['listening on :8080', 'heap 110 MiB', 'heap 120 MiB', 'FATAL: cannot connect to database']);
  });

  it('keeps the logs of a stopped task readable, so a crash loop can be diagnosed from its last line', () => {
    const sim = fargateCluster();
    sim.logs.createLogGroup({ logGroupName: '/ecs/web' });
    webService(sim, 'web:1', crashing);
    sim.control.advance(300);
    const stopped = stoppedTasks(sim);
    expect(stopped.length).toBeGreaterThan(1);
    for (const task of stopped) {
      const lines = messages(sim, `ecs/app/${task.taskArn.split('/').pop()}`);
      expect(lines[lines.length - 1]).toBe('FATAL: cannot connect to database');
    }
    const found = sim.logs.filterLogEvents({ logGroupName: '/ecs/web', filterPattern: 'FATAL' }).events;
    expect(found.length).toBe(stopped.length);
  });

  it('stamps each line with the virtual time it was printed, in epoch milliseconds', () => {
    const sim = fargateCluster();
    sim.logs.createLogGroup({ logGroupName: '/ecs/web' });
    webService(sim, 'web:1', { logs: { atStart: ['up'] } });
    sim.control.advance(60);
    const { taskArns } = sim.listTasks({ cluster: 'demo' });
    const [task] = sim.describeTasks({ cluster: 'demo', tasks: taskArns }).tasks;
    const [event] = sim.logs.getLogEvents({ logGroupName: '/ecs/web', logStreamName: `ecs/app/${taskArns[0].split('/').pop()}` }).events;
    expect(event.timestamp).toBe(Math.round((task.startedAt as number) * 1000));
  });

  it('stops a task from starting when its log group does not exist, with the agent error', () => {
    const sim = fargateCluster();
    webService(sim, 'web:1', crashing);
    sim.control.advance(60);
    const [task] = stoppedTasks(sim);
    expect(task.stopCode).toBe('TaskFailedToStart');
    expect(task.stoppedReason).toBe(
      'ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist. : exit status 1',
    );
  });

  it('creates the missing group with awslogs-create-group only when the execution role may logs:CreateLogGroup', () => {
    const sim = fargateCluster();
    webService(sim, 'web:1', { logs: { atStart: ['up'] } }, { 'awslogs-create-group': 'true' });
    sim.control.advance(60);
    expect(stoppedTasks(sim)[0].stoppedReason).toMatch(/failed to create Cloudwatch log group: AccessDeniedException: .*is not authorized to perform: logs:CreateLogGroup/);
    sim.iam.putRolePolicy({ RoleName: 'ecsTaskExecutionRole', PolicyName: 'create-groups', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'logs:CreateLogGroup', Resource: '*' }] } });
    sim.control.runUntilSteady({ cluster: 'demo', service: 'web', maxSeconds: 1800 });
    expect(sim.logs.describeLogGroups({ logGroupNamePrefix: '/ecs/' }).logGroups.map((g) => g.logGroupName)).toEqual(['/ecs/web']);
  });

  it('stops a task whose execution role may not create log streams', () => {
    const sim = createSimulator({ seed: 7 });
    sim.createCluster({ clusterName: 'demo', capacityProviders: ['FARGATE'] });
    sim.iam.createRole({ RoleName: 'ecsTaskExecutionRole' });
    sim.logs.createLogGroup({ logGroupName: '/ecs/web' });
    webService(sim, 'web:1', { logs: { atStart: ['up'] } });
    sim.control.advance(60);
    expect(stoppedTasks(sim)[0].stoppedReason).toMatch(/failed to create Cloudwatch log stream: AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role\/ecsTaskExecutionRole\/\w+ is not authorized to perform: logs:CreateLogStream/);
  });

  it('runs a task whose role may create streams but not put events, with an empty stream', () => {
    const sim = createSimulator({ seed: 7 });
    sim.createCluster({ clusterName: 'demo', capacityProviders: ['FARGATE'] });
    sim.iam.createRole({ RoleName: 'ecsTaskExecutionRole' });
    sim.iam.putRolePolicy({ RoleName: 'ecsTaskExecutionRole', PolicyName: 'streams', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'logs:CreateLogStream', Resource: '*' }] } });
    sim.logs.createLogGroup({ logGroupName: '/ecs/web' });
    webService(sim, 'web:1', { logs: { atStart: ['up'] } });
    sim.control.advance(60);
    expect(sim.listTasks({ cluster: 'demo', desiredStatus: 'RUNNING' }).taskArns).toHaveLength(1);
    const [stream] = sim.logs.describeLogStreams({ logGroupName: '/ecs/web' }).logStreams;
    expect(messages(sim, stream.logStreamName)).toEqual([]);
  });

  it('finds no group when the container logs to another region', () => {
    const sim = fargateCluster();
    sim.logs.createLogGroup({ logGroupName: '/ecs/web' });
    webService(sim, 'web:1', { logs: { atStart: ['up'] } }, { 'awslogs-region': 'eu-west-1' });
    sim.control.advance(60);
    expect(stoppedTasks(sim)[0].stoppedReason).toContain('ResourceNotFoundException: The specified log group does not exist.');
  });

  it('prints nothing for an OOM kill, and the shutdown line on SIGTERM', () => {
    const sim = fargateCluster();
    sim.logs.createLogGroup({ logGroupName: '/ecs/web' });
    webService(sim, 'web:1', { baseMemoryMiB: 400, memoryGrowthMiBPerMinute: 60, logs: { every: { seconds: 60, line: 'rss {memoryMiB} MiB' }, atExit: 'never printed', onStop: 'SIGTERM received, draining' } });
    sim.control.advance(150);
    const [oom] = stoppedTasks(sim);
    expect(oom.containers[0].reason).toBe('OutOfMemoryError: Container killed due to memory usage');
    expect(messages(sim, `ecs/app/${oom.taskArn.split('/').pop()}`)).toEqual(['rss 460 MiB']);
    const [running] = sim.listTasks({ cluster: 'demo', desiredStatus: 'RUNNING' }).taskArns;
    sim.stopTask({ cluster: 'demo', task: running });
    sim.control.advance(30);
    expect(messages(sim, `ecs/app/${running.split('/').pop()}`).at(-1)).toBe('SIGTERM received, draining');
  });

  it('filters events with term patterns: all terms, any of ?terms, none of -terms, "phrases"', () => {
    const lines = ['ERROR db timeout', 'WARN retry 1', 'ERROR retry exhausted', 'INFO ok', 'out of memory soon'];
    const match = (text: string) => lines.filter((l) => matchesFilterPattern(parseFilterPattern(text), l));
    expect(match('ERROR')).toEqual(['ERROR db timeout', 'ERROR retry exhausted']);
    expect(match('?ERROR ?WARN -retry')).toEqual(['ERROR db timeout']);
    expect(match('"of memory"')).toEqual(['out of memory soon']);
    expect(match('')).toEqual(lines);
    expect(() => parseFilterPattern('{ $.level = "ERROR" }')).toThrow(/term patterns only/);
  });

  it('answers with CloudWatch Logs exceptions and leaves the state unchanged', () => {
    const sim = fargateCluster();
    sim.logs.createLogGroup({ logGroupName: '/ecs/web' });
    expect(() => sim.logs.createLogGroup({ logGroupName: '/ecs/web' })).toThrow(expect.objectContaining({ name: 'ResourceAlreadyExistsException' }));
    expect(() => sim.logs.getLogEvents({ logGroupName: '/ecs/nope', logStreamName: 'x' })).toThrow(expect.objectContaining({ name: 'ResourceNotFoundException' }));
    expect(() => sim.logs.putRetentionPolicy({ logGroupName: '/ecs/web', retentionInDays: 2 })).toThrow(expect.objectContaining({ name: 'InvalidParameterException' }));
    expect(() => sim.logs.createLogGroup({ logGroupName: 'bad name!' })).toThrow(expect.objectContaining({ name: 'InvalidParameterException' }));
    expect(sim.logs.describeLogGroups().logGroups.map((g) => [g.logGroupName, g.retentionInDays])).toEqual([['/ecs/web', undefined]]);
  });

  it('hides events older than the retention policy', () => {
    const sim = fargateCluster();
    sim.logs.createLogGroup({ logGroupName: '/ecs/web' });
    webService(sim, 'web:1', { logs: { atStart: ['up'], every: { seconds: 3600, line: 'hourly' } } });
    sim.control.advance(60);
    sim.logs.putRetentionPolicy({ logGroupName: '/ecs/web', retentionInDays: 1 });
    sim.control.advance(2 * 86400);
    const stream = sim.logs.describeLogStreams({ logGroupName: '/ecs/web' }).logStreams[0].logStreamName;
    expect(messages(sim, stream)).not.toContain('up');
    expect(messages(sim, stream)).toHaveLength(24);
  });

  it('survives a snapshot: log groups and retention are replayed', () => {
    const sim = fargateCluster();
    sim.logs.createLogGroup({ logGroupName: '/ecs/web' });
    sim.logs.putRetentionPolicy({ logGroupName: '/ecs/web', retentionInDays: 7 });
    webService(sim, 'web:1', crashing);
    sim.control.advance(120);
    const restored = restoreSimulator(sim.control.snapshot());
    expect(restored.logs.filterLogEvents({ logGroupName: '/ecs/web' })).toEqual(sim.logs.filterLogEvents({ logGroupName: '/ecs/web' }));
  });
});

describe('Container Insights', () => {
  const runFor = (settings?: Array<{ name: 'containerInsights'; value: string }>) => {
    const sim = fargateCluster(settings);
    sim.logs.createLogGroup({ logGroupName: '/ecs/web' });
    webService(sim, 'web:1', { baseMemoryMiB: 200 });
    sim.control.advance(300);
    return sim;
  };
  const service = { ClusterName: 'demo', ServiceName: 'web' };

  it('records service metrics every minute when the cluster has it enabled', () => {
    const sim = runFor([{ name: 'containerInsights', value: 'enabled' }]);
    const running = sim.control.containerInsightsMetric({ metric: 'RunningTaskCount', dimensions: service });
    expect(running).toHaveLength(5);
    expect(running[running.length - 1].value).toBe(1);
    expect(sim.control.containerInsightsMetric({ metric: 'MemoryUtilized', dimensions: service }).at(-1)?.value).toBe(200);
    expect(sim.control.containerInsightsMetric({ metric: 'CpuReserved', dimensions: { ClusterName: 'demo' } }).at(-1)?.value).toBe(256);
  });

  it('records nothing when it is disabled, the default', () => {
    const sim = runFor();
    expect(sim.describeClusters({ clusters: ['demo'] }).clusters[0].settings).toEqual([{ name: 'containerInsights', value: 'disabled' }]);
    expect(sim.control.containerInsightsMetric({ metric: 'RunningTaskCount', dimensions: service })).toEqual([]);
    expect(sim.control.costReport().lines.map((l) => l.item)).not.toContain('Container Insights metrics');
  });

  it('adds task-level metrics only when enhanced', () => {
    const enabled = runFor([{ name: 'containerInsights', value: 'enabled' }]);
    const enhanced = runFor([{ name: 'containerInsights', value: 'enhanced' }]);
    const taskDimensions = (sim: EcsSimulator) => {
      const [arn] = sim.listTasks({ cluster: 'demo' }).taskArns;
      return { ClusterName: 'demo', TaskDefinitionFamily: 'web', TaskId: arn.split('/').pop()! };
    };
    expect(enabled.control.containerInsightsMetric({ metric: 'MemoryUtilized', dimensions: taskDimensions(enabled) })).toEqual([]);
    expect(enhanced.control.containerInsightsMetric({ metric: 'MemoryUtilized', dimensions: taskDimensions(enhanced) }).at(-1)?.value).toBe(200);
  });

  it('starts recording from the moment UpdateClusterSettings turns it on, and puts it on the bill', () => {
    const sim = runFor();
    sim.updateClusterSettings({ cluster: 'demo', settings: [{ name: 'containerInsights', value: 'enabled' }] });
    sim.control.advance(120);
    expect(sim.control.containerInsightsMetric({ metric: 'RunningTaskCount', dimensions: service })).toHaveLength(2);
    expect(sim.control.costReport().lines.find((l) => l.item === 'Container Insights metrics')?.unit).toBe('metric-month');
  });

  it("gives a new cluster the account's containerInsights default", () => {
    const sim = createSimulator({ seed: 7 });
    sim.putAccountSetting({ name: 'containerInsights', value: 'enhanced' });
    sim.createCluster({ clusterName: 'demo' });
    expect(sim.describeClusters({ clusters: ['demo'] }).clusters[0].settings).toEqual([{ name: 'containerInsights', value: 'enhanced' }]);
  });

  it('rejects a setting ECS does not have, naming the field', () => {
    const sim = fargateCluster();
    expect(() => sim.updateClusterSettings({ cluster: 'demo', settings: [{ name: 'containerInsights', value: 'on' }] })).toThrow(/settings\[0\]\.value/);
    expect(sim.describeClusters({ clusters: ['demo'] }).clusters[0].settings).toEqual([{ name: 'containerInsights', value: 'disabled' }]);
  });
});

describe('An X-Ray daemon sidecar', () => {
  const XRAY = 'public.ecr.aws/xray/aws-xray-daemon';

  /** An app behind a load balancer at 100 requests a second, with the daemon beside it unless `sidecar` is false. */
  function tracedService(sidecar: boolean, daemon?: ImageBehaviour) {
    const sim = fargateCluster();
    if (daemon) sim.control.registerImage(XRAY, { tracesDaemon: true, ...daemon });
    const { LoadBalancers } = sim.elbv2.createLoadBalancer({ Name: 'web', Type: 'application' });
    const { TargetGroups } = sim.elbv2.createTargetGroup({ Name: 'web', Protocol: 'HTTP', Port: 80, TargetType: 'ip' });
    sim.elbv2.createListener({ LoadBalancerArn: LoadBalancers[0].LoadBalancerArn, Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'forward', TargetGroupArn: TargetGroups[0].TargetGroupArn }] });
    registerWeb(sim, [{ name: 'app', image: 'web:1', essential: true, portMappings: [{ containerPort: 80 }] }, ...(sidecar ? [{ name: 'xray', image: XRAY, essential: false }] : [])]);
    sim.createService({
      cluster: 'demo',
      serviceName: 'web',
      taskDefinition: 'web',
      desiredCount: 1,
      launchType: 'FARGATE',
      networkConfiguration: { awsvpcConfiguration: { subnets: SUBNETS } },
      loadBalancers: [{ targetGroupArn: TargetGroups[0].TargetGroupArn, containerName: 'app', containerPort: 80 }],
    });
    sim.control.runUntilSteady({ cluster: 'demo', service: 'web', maxSeconds: 1800 });
    sim.control.startTraffic({ name: 'clients', loadBalancer: 'web', requestsPerSecond: 100 });
    return sim;
  }

  const errors = (sim: EcsSimulator) => sim.control.trafficHistory('clients').reduce((sum, s) => sum + s.errors, 0);

  it('receives segments by the X-Ray SDK default sampling: one request a second, then 5 % of the rest', () => {
    const sim = tracedService(true);
    sim.control.advance(60);
    // 60 seconds of 100 requests: 60 × (1 + 0.05 × 99).
    expect(sim.control.traces({ cluster: 'demo', service: 'web' }).segments).toBe(357);
  });

  it('loses the segments when the daemon crashes, while the task keeps RUNNING and serving', () => {
    const sim = tracedService(true, { crashAfterSeconds: 120 });
    sim.control.advance(300);
    const before = sim.control.traces({ cluster: 'demo' }).segments;
    sim.control.advance(300);
    expect(sim.control.traces({ cluster: 'demo' }).segments).toBe(before);
    const [task] = sim.describeTasks({ cluster: 'demo', tasks: sim.listTasks({ cluster: 'demo' }).taskArns }).tasks;
    expect(task.lastStatus).toBe('RUNNING');
    expect(task.containers.find((c) => c.name === 'xray')?.lastStatus).toBe('STOPPED');
    expect(errors(sim)).toBe(0);
  });

  it('counts no traces without a daemon, and the application serves all the same', () => {
    const sim = tracedService(false);
    sim.control.advance(60);
    expect(sim.control.traces({ cluster: 'demo' }).segments).toBe(0);
    expect(errors(sim)).toBe(0);
  });
});
