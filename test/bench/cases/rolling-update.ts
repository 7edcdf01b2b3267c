import { createSimulator } from '../../../core/index.js';
import { timed, type BenchCase } from '../bench-case.js';

/** ECS caps desiredCount at 5,000, so a large rolling update spans several services. */
const TASKS_PER_SERVICE = 5000;

interface UpdateFigures {
  setupMs: number;
  updateMs: number;
  simulatedSeconds: number;
}

/**
 * A rolling update of `tasks` tasks (256 CPU, 512 MiB, dynamic ports) over tasks/10 m5.2xlarge instances
 * with the default 100 % / 200 %: the setup (placing and starting every task) and the update (a new
 * revision until every deployment is COMPLETED) are timed apart.
 */
export function rollingUpdate(tasks: number, progress: (line: string) => void): UpdateFigures {
  const sim = createSimulator({ seed: 3 });
  const services = Math.ceil(tasks / TASKS_PER_SERVICE);
  const names = Array.from({ length: services }, (_, i) => `web${i}`);
  const container = (image: string) => ({ name: 'web', image, cpu: 256, memory: 512, portMappings: [{ containerPort: 80, hostPort: 0 }] });
  const setup = timed(() => {
    sim.createCluster({ clusterName: 'big' });
    sim.control.addInstances({ cluster: 'big', instanceType: 'm5.2xlarge', count: tasks / 10 });
    sim.registerTaskDefinition({ family: 'web', containerDefinitions: [container('web:1')] });
    for (const [i, name] of names.entries()) {
      sim.createService({ cluster: 'big', serviceName: name, taskDefinition: 'web:1', desiredCount: Math.min(TASKS_PER_SERVICE, tasks - i * TASKS_PER_SERVICE) });
    }
    for (const name of names) sim.control.runUntilSteady({ cluster: 'big', service: name, maxSeconds: 3600 });
  });
  progress(`${tasks} tasks placed in ${(setup.ms / 1000).toFixed(1)} s; updating`);
  const startedAt = sim.control.now;
  const completed = () =>
    sim.describeServices({ cluster: 'big', services: names }).services.every((s) => s.deployments[0].rolloutState === 'COMPLETED' && s.deployments.every((d) => d.status !== 'ACTIVE'));
  const update = timed(() => {
    sim.registerTaskDefinition({ family: 'web', containerDefinitions: [container('web:2')] });
    for (const name of names) sim.updateService({ cluster: 'big', service: name, taskDefinition: 'web:2' });
    for (const name of names) sim.control.runUntilSteady({ cluster: 'big', service: name, maxSeconds: 3600 });
    if (!completed()) throw new Error(`the rolling update of ${tasks} tasks did not complete`);
  });
  return { setupMs: setup.ms, updateMs: update.ms, simulatedSeconds: sim.control.now - startedAt };
}

/** (c) 10,000 tasks over 1,000 instances, in a process of its own so that its peak memory is its own. */
export const rollingUpdateCase: BenchCase = {
  id: 'c',
  title: 'rolling update of 10,000 tasks over 1,000 instances',
  run(progress) {
    const r = rollingUpdate(10_000, progress);
    return { simulatedSeconds: r.simulatedSeconds, figures: { updateMs: round(r.updateMs), setupMs: round(r.setupMs), updateMsPerTask: round(r.updateMs / 10_000, 4) } };
  },
};

/** (c) as the cluster doubles: the cost per task at N = 5,000 and 2N = 10,000 tasks (instances double too). */
export const rollingUpdateGrowth: BenchCase = {
  id: 'c2',
  title: 'rolling update cost per task, N = 5,000 vs 2N = 10,000',
  run(progress) {
    const [n, twoN] = [5000, 10_000].map((tasks) => ({ tasks, ...rollingUpdate(tasks, (line) => progress(`${tasks} tasks: ${line}`)) }));
    return {
      simulatedSeconds: n.simulatedSeconds + twoN.simulatedSeconds,
      figures: {
        'updateMsPerTask@N': round(n.updateMs / n.tasks, 4),
        'updateMsPerTask@2N': round(twoN.updateMs / twoN.tasks, 4),
        'updateGrowth(2N/N per task)': round(twoN.updateMs / twoN.tasks / (n.updateMs / n.tasks), 2),
        'setupMsPerTask@N': round(n.setupMs / n.tasks, 4),
        'setupMsPerTask@2N': round(twoN.setupMs / twoN.tasks, 4),
        'setupGrowth(2N/N per task)': round(twoN.setupMs / twoN.tasks / (n.setupMs / n.tasks), 2),
      },
    };
  },
};

export const round = (n: number, digits = 1) => Number(n.toFixed(digits));
