import type { EcsSimulator } from '../../core/index.js';
import type { Check, LabChecks, LearnerFiles, Prepared } from '../lab-kit/check-types.js';
import { sendRequest } from '../lab-kit/ecs-request.js';
import { duration, tasks } from '../lab-kit/words.js';
import { createLabSimulator } from '../lab-kit/lab-simulator.js';

/**
 * Lab "Scale on CPU": the service web (2 tasks behind a load balancer) gets the learner's scalable target and
 * scaling policy, then clients call it at 100 requests a second, spiking to 800 for half an hour.
 */

const TARGET_FILE = 'scalable-target.json';
const POLICY_FILE = 'scaling-policy.json';
const STEADY_TASKS = 2;
const BASE_RPS = 100;
const SPIKE_RPS = 800;
const SPIKE_AT_SECONDS = 5 * 60;
const SPIKE_SECONDS = 30 * 60;
const WATCH_AFTER_SPIKE_SECONDS = 40 * 60;
const SCALED_OUT_TASKS = 8;
const SCALE_OUT_WITHIN_SECONDS = 10 * 60;
const CPU_LIMIT = 60;
const CPU_WINDOW_SECONDS = 10 * 60;
const BUDGET_TASKS = 10;

interface Run {
  /** The desired count of web at the end of each minute since the clients started. */
  desiredByMinute: number[];
  /** Average CPU datapoints of the last minutes of the spike. */
  cpuAtSpikeEnd: number[];
}

const minutes = (seconds: number) => seconds / 60;
const desiredCount = (sim: EcsSimulator) => sim.describeServices({ services: ['web'] }).services[0].desiredCount;

function prepare(files: LearnerFiles): Prepared<Run> {
  const sim = createLabSimulator({ seed: 1 });
  sim.createCluster({ clusterName: 'default' });
  sim.control.addInstances({ instanceType: 'm5.xlarge', count: 4, availabilityZones: ['us-east-1a', 'us-east-1b'] });
  sim.registerTaskDefinition({
    family: 'web',
    containerDefinitions: [{ name: 'web', image: 'ecs-lab/web:1', cpu: 256, memory: 512, essential: true, portMappings: [{ containerPort: 80, hostPort: 0 }] }],
  });
  const { LoadBalancers } = sim.elbv2.createLoadBalancer({ Name: 'web-alb', Type: 'application' });
  const { TargetGroups } = sim.elbv2.createTargetGroup({ Name: 'web-tg', Protocol: 'HTTP', Port: 80, TargetType: 'instance' });
  const targetGroupArn = TargetGroups[0].TargetGroupArn;
  sim.elbv2.createListener({ LoadBalancerArn: LoadBalancers[0].LoadBalancerArn, Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'forward', TargetGroupArn: targetGroupArn }] });
  sim.elbv2.modifyTargetGroupAttributes({ TargetGroupArn: targetGroupArn, Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '30' }] });
  sim.createService({ serviceName: 'web', taskDefinition: 'web:1', desiredCount: STEADY_TASKS, loadBalancers: [{ targetGroupArn, containerName: 'web', containerPort: 80 }] });
  sim.control.runUntilSteady({ service: 'web', maxSeconds: 600 });

  const target = sendRequest(files, TARGET_FILE, 'RegisterScalableTarget', (request: never) => sim.applicationAutoScaling.registerScalableTarget(request));
  if (!target.ok) return target;
  const policy = sendRequest(files, POLICY_FILE, 'PutScalingPolicy', (request: never) => sim.applicationAutoScaling.putScalingPolicy(request));
  if (!policy.ok) return policy;

  const start = sim.control.now;
  sim.control.startTraffic({
    name: 'clients',
    loadBalancer: 'web-alb',
    requestsPerSecond: BASE_RPS,
    pattern: { type: 'spike', toRequestsPerSecond: SPIKE_RPS, atSecond: SPIKE_AT_SECONDS, forSeconds: SPIKE_SECONDS },
  });
  const desiredByMinute: number[] = [];
  for (let minute = 0; minute < minutes(SPIKE_AT_SECONDS + SPIKE_SECONDS + WATCH_AFTER_SPIKE_SECONDS); minute++) {
    sim.control.advance(60);
    desiredByMinute.push(desiredCount(sim));
  }
  const spikeEndMs = (start + SPIKE_AT_SECONDS + SPIKE_SECONDS) * 1000;
  const cpuAtSpikeEnd = sim.control
    .metricHistory({ service: 'web', metric: 'CPUUtilization' })
    .filter((d) => d.time > spikeEndMs - CPU_WINDOW_SECONDS * 1000 && d.time <= spikeEndMs)
    .map((d) => d.value);
  const policyName = (policy.source.request as { PolicyName?: unknown }).PolicyName;
  return {
    ok: true,
    run: { desiredByMinute, cpuAtSpikeEnd },
    observed: `Application Auto Scaling accepted both: the scalable target service/default/web and the policy ${String(policyName)}.`,
  };
}

const countsSeen = (counts: number[]) => counts.filter((count, i) => i === 0 || count !== counts[i - 1]).join(' → ');

const scalesOut: Check<Run> = {
  id: 'scales-out',
  title: `within ${duration(SCALE_OUT_WITHIN_SECONDS)} of the spike, the desired count of web reaches at least ${SCALED_OUT_TASKS}`,
  hint: 'Target tracking scales out in proportion to how far the CPU is above the target: ceil(tasks × CPU / target). Can the scalable target go that high, and how long does each step wait before the next?',
  verify({ desiredByMinute }) {
    const spikeMinute = minutes(SPIKE_AT_SECONDS);
    const early = desiredByMinute.slice(spikeMinute, spikeMinute + minutes(SCALE_OUT_WITHIN_SECONDS));
    const reached = early.findIndex((count) => count >= SCALED_OUT_TASKS);
    return {
      passed: reached >= 0,
      observed:
        reached >= 0
          ? `The desired count reached ${early[reached]}, ${duration((reached + 1) * 60)} after the spike began (${countsSeen(early)}).`
          : `In the first ${duration(SCALE_OUT_WITHIN_SECONDS)} of the spike the desired count went ${countsSeen(early)}, at most ${Math.max(...early)}.`,
    };
  },
};

const cpuBackUnder: Check<Run> = {
  id: 'cpu-back-under',
  title: `over the last ${duration(CPU_WINDOW_SECONDS)} of the spike, the average CPU of web stays at most ${CPU_LIMIT} % (the team's target is 50 %)`,
  hint: 'The policy keeps the CPU near its TargetValue, and only as far as MaxCapacity lets it. Which target does the team want?',
  verify({ cpuAtSpikeEnd }) {
    const worst = Math.max(...cpuAtSpikeEnd);
    return {
      passed: cpuAtSpikeEnd.length > 0 && worst <= CPU_LIMIT,
      observed: `At the end of the spike the CPU was at most ${worst.toFixed(0)} % (datapoints: ${cpuAtSpikeEnd.map((v) => v.toFixed(0)).join(', ')}).`,
    };
  },
};

const withinBudget: Check<Run> = {
  id: 'within-budget',
  title: `the desired count of web never goes above ${BUDGET_TASKS} (the budget)`,
  hint: 'A low target or a high maximum buys spare CPU with more tasks. Which field of the scalable target caps the desired count?',
  verify({ desiredByMinute }) {
    const most = Math.max(...desiredByMinute);
    return { passed: most <= BUDGET_TASKS, observed: `The desired count peaked at ${most}; it went ${countsSeen(desiredByMinute)}.` };
  },
};

const scalesBackIn: Check<Run> = {
  id: 'scales-back-in',
  title: `${duration(WATCH_AFTER_SPIKE_SECONDS)} after the spike, web is back to ${tasks(STEADY_TASKS)}`,
  hint: 'After the spike, target tracking removes tasks slowly, a step at a time, down to MinCapacity, unless the policy is told never to scale in.',
  verify({ desiredByMinute }) {
    const last = desiredByMinute[desiredByMinute.length - 1];
    return { passed: last === STEADY_TASKS, observed: `${duration(WATCH_AFTER_SPIKE_SECONDS)} after the spike the desired count was ${last}.` };
  },
};

const lab: LabChecks<Run> = {
  input: {
    id: 'requests',
    title: `${TARGET_FILE} is a RegisterScalableTarget request and ${POLICY_FILE} a PutScalingPolicy request that Application Auto Scaling accepts, for the service web of the cluster default`,
    hint: 'The message says which field Application Auto Scaling refuses. Both requests name the same ResourceId, service/<cluster>/<service>.',
  },
  prepare,
  checks: [scalesOut, cpuBackUnder, withinBudget, scalesBackIn],
};
export default lab;
