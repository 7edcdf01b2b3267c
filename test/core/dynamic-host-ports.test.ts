import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../core/index.js';

/** Bridge-mode hostPort 0: the lowest ephemeral port no task on the instance holds, as tasks come and go. */
describe('dynamic host ports on one instance', () => {
  const hostPortOf = (sim: ReturnType<typeof createSimulator>, taskArn: string) =>
    sim.describeTasks({ cluster: 'c', tasks: [taskArn] }).tasks[0].containers[0].networkBindings[0].hostPort;

  it('gives a port back once its task has stopped, and never one a running task still holds', () => {
    const sim = createSimulator();
    sim.createCluster({ clusterName: 'c' });
    sim.control.addInstances({ cluster: 'c', instanceType: 'm5.large', count: 1 });
    sim.registerTaskDefinition({ family: 'web', networkMode: 'bridge', containerDefinitions: [{ name: 'web', image: 'nginx:1', memory: 128, portMappings: [{ containerPort: 80, hostPort: 0 }] }] });
    const run = () => sim.runTask({ cluster: 'c', taskDefinition: 'web' }).tasks[0].taskArn!;
    const [first, second, third] = [run(), run(), run()];
    sim.control.advance(60);
    expect([first, second, third].map((arn) => hostPortOf(sim, arn))).toEqual([49153, 49154, 49155]);

    sim.stopTask({ cluster: 'c', task: second });
    sim.control.advance(60);
    const fourth = run();
    const fifth = run();
    sim.control.advance(60);
    // 49154 was freed by the stopped task; 49153 and 49155 are still held.
    expect(hostPortOf(sim, fourth)).toBe(49154);
    expect(hostPortOf(sim, fifth)).toBe(49156);
  });
});
