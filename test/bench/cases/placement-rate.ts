import { createSimulator } from '../../../core/index.js';
import { timed, type BenchCase } from '../bench-case.js';
import { round } from './rolling-update.js';

const PLACEMENTS = 2000;

/** Wall milliseconds per placement decision with `instances` m5.4xlarge instances, through RunTask (10 tasks a call). */
function msPerPlacement(instances: number): number {
  const sim = createSimulator({ seed: 5 });
  sim.createCluster({ clusterName: 'p' });
  sim.control.addInstances({ cluster: 'p', instanceType: 'm5.4xlarge', count: instances });
  sim.registerTaskDefinition({ family: 'job', containerDefinitions: [{ name: 'job', image: 'job:1', cpu: 64, memory: 128 }] });
  const { ms } = timed(() => {
    for (let placed = 0; placed < PLACEMENTS; placed += 10) {
      const { tasks } = sim.runTask({ cluster: 'p', taskDefinition: 'job', count: 10, placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }] });
      if (tasks.length !== 10) throw new Error(`placed ${tasks.length} of 10`);
    }
  });
  return ms / PLACEMENTS;
}

/** (d) Placement decisions per second at 1,000 and 5,000 instances, and the cost per decision as the cluster doubles. */
export const placementRate: BenchCase = {
  id: 'd',
  title: 'placement decisions per second',
  run(progress) {
    const figures: Record<string, number> = {};
    const cost = new Map<number, number>();
    for (const instances of [1000, 2000, 2500, 5000]) {
      progress(`${instances} instances`);
      const ms = msPerPlacement(instances);
      cost.set(instances, ms);
      figures[`decisionsPerSecond@${instances}`] = Math.round(1000 / ms);
      figures[`msPerDecision@${instances}`] = round(ms, 4);
    }
    figures['growth 1000->2000'] = round(cost.get(2000)! / cost.get(1000)!, 2);
    figures['growth 2500->5000'] = round(cost.get(5000)! / cost.get(2500)!, 2);
    return { simulatedSeconds: 0, figures };
  },
};
