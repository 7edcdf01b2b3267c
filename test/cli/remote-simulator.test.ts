import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EcsError, createSimulator, type EcsSimulator } from '../../core/index.js';
import { RemoteEndpoint } from '../../core/shell/remote/remote-endpoint.js';
import { remoteSimulator } from '../../core/shell/remote/remote-simulator.js';
import { startServeProcess, type ServeProcess } from './serve-process.js';

let serve: ServeProcess;
let endpoint: RemoteEndpoint;

beforeAll(async () => {
  serve = await startServeProcess();
  endpoint = new RemoteEndpoint(serve.url);
}, 60_000);

afterAll(async () => {
  await endpoint?.close();
  await serve?.stop();
});

/** A fresh in-process simulator and a fresh one over the wire, with the same seed. */
function pair(seed = 1): { local: EcsSimulator; remote: EcsSimulator } {
  endpoint.reset(seed);
  return { local: createSimulator({ seed }), remote: remoteSimulator(endpoint) };
}

function deployWeb(sim: EcsSimulator): void {
  sim.createCluster({ clusterName: 'demo' });
  sim.control.addInstances({ cluster: 'demo', instanceType: 'm5.large', count: 2 });
  sim.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:1', cpu: 256, memory: 512, portMappings: [{ containerPort: 80 }] }] });
  sim.createService({ cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 2 });
}

function failureOf(call: () => unknown): Error {
  try {
    call();
  } catch (error) {
    return error as Error;
  }
  throw new Error('the call did not fail');
}

// Each test waits on a real server in another process: seconds on a busy machine.
describe('a simulator over the wire (ecs-lab run --endpoint)', { timeout: 60_000 }, () => {
  it('answers ECS reads exactly as the in-process simulator does, timestamps as epoch seconds', () => {
    const answers = (sim: EcsSimulator) => {
      deployWeb(sim);
      sim.control.runUntilSteady({ cluster: 'demo', service: 'web' });
      const { taskArns } = sim.listTasks({ cluster: 'demo' });
      const { containerInstanceArns } = sim.listContainerInstances({ cluster: 'demo' });
      return {
        services: sim.describeServices({ cluster: 'demo', services: ['web'] }),
        tasks: sim.describeTasks({ cluster: 'demo', tasks: taskArns }),
        instances: sim.describeContainerInstances({ cluster: 'demo', containerInstances: containerInstanceArns }),
        taskDefinition: sim.describeTaskDefinition({ taskDefinition: 'web:1' }),
        clusters: sim.describeClusters({ clusters: ['demo'] }),
      };
    };
    const { local, remote } = pair();
    const expected = answers(local);
    const actual = answers(remote);
    expect(JSON.parse(JSON.stringify(actual))).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(typeof actual.services.services[0].createdAt).toBe('number');
  });

  it('throws the same ECS exception, name and message, as in-process', () => {
    const { local, remote } = pair();
    const create = (sim: EcsSimulator) => () => sim.createService({ cluster: 'nowhere', serviceName: 'web', taskDefinition: 'web', desiredCount: 1 });
    const expected = failureOf(create(local));
    const actual = failureOf(create(remote));
    expect(actual).toBeInstanceOf(EcsError);
    expect({ name: actual.name, message: actual.message }).toEqual({ name: expected.name, message: expected.message });
  });

  it('throws a neighbour service error (IAM EntityAlreadyExists) with its own name', () => {
    const { local, remote } = pair();
    const twice = (sim: EcsSimulator) => () => {
      sim.iam.createRole({ RoleName: 'app' });
      sim.iam.createRole({ RoleName: 'app' });
    };
    const expected = failureOf(twice(local));
    const actual = failureOf(twice(remote));
    expect(expected.name).toBe('EntityAlreadyExists');
    expect({ name: actual.name, message: actual.message }).toEqual({ name: expected.name, message: expected.message });
  });

  it('stops a runUntil at the same virtual millisecond, and at the very limit when the condition never holds', () => {
    const run = (sim: EcsSimulator) => {
      deployWeb(sim);
      const running = () => sim.describeServices({ cluster: 'demo', services: ['web'] }).services[0].runningCount === 2;
      const reached = sim.control.runUntil(running, 600);
      const atRunning = sim.control.now;
      // 1.234 s in, a limit of 61.5 s that a change in the middle splits: the remaining seconds are not a round number.
      sim.updateService({ cluster: 'demo', service: 'web', desiredCount: 3 });
      sim.control.advance(1.234);
      const never = sim.control.runUntil(() => sim.describeServices({ cluster: 'demo', services: ['web'] }).services[0].runningCount > 5, 61.5);
      return { reached, atRunning, never, end: sim.control.now, events: sim.control.events().length };
    };
    const { local, remote } = pair();
    const expected = run(local);
    expect(expected.reached).toBe(true);
    expect(expected.never).toBe(false);
    expect(run(remote)).toEqual(expected);
  });

  it('keeps the marks a step takes for later calls (historyMark, then taskHistory from it)', () => {
    const history = (sim: EcsSimulator) => {
      deployWeb(sim);
      sim.control.runUntilSteady({ cluster: 'demo', service: 'web' });
      const mark = sim.control.historyMark();
      sim.updateService({ cluster: 'demo', service: 'web', desiredCount: 4 });
      sim.control.runUntilSteady({ cluster: 'demo', service: 'web' });
      return sim.control.taskHistory('web', 'demo', mark);
    };
    const { local, remote } = pair();
    const expected = history(local);
    expect(expected.length).toBeGreaterThan(1);
    expect(history(remote)).toEqual(expected);
  });
});
