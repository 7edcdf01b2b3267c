import { describe, expect, it } from 'vitest';
import { webBehindAlb } from './web-behind-alb.js';
import { createSimulator } from '../../core/index.js';

/** Two tasks of web:1 (512 MiB each) behind an ALB, serving `rps` requests a second between them. */
function webServing(behaviour: object, rps: number) {
  const { sim } = webBehindAlb({ seed: 5, instances: 2, image: { baseMemoryMiB: 64, ...behaviour } });
  sim.control.startTraffic({ name: 'clients', loadBalancer: 'web-alb', requestsPerSecond: rps });
  sim.control.advance(5 * 60);
  return sim;
}

const lastMemoryPercent = (sim: ReturnType<typeof webServing>) => sim.control.metricHistory({ service: 'web', metric: 'MemoryUtilization' }).at(-1)!.value;

describe('memory that follows the load', () => {
  it('reports base plus memory per request per second of what each task serves, in percent of its reservation', () => {
    const sim = webServing({ memoryPerRequestPerSecondMiB: 1.5 }, 200);
    // Each task serves 100 requests a second: 64 + 100 × 1.5 = 214 MiB of 512.
    expect(lastMemoryPercent(sim)).toBeCloseTo((100 * 214) / 512, 6);
  });

  it('holds nothing per request by default: memory stays at the base under load', () => {
    const sim = webServing({}, 200);
    expect(lastMemoryPercent(sim)).toBeCloseTo((100 * 64) / 512, 6);
  });

  it('gives the memory back once the traffic stops', () => {
    const sim = webServing({ memoryPerRequestPerSecondMiB: 1.5 }, 200);
    sim.control.stopTraffic({ name: 'clients' });
    sim.control.advance(2 * 60);
    expect(lastMemoryPercent(sim)).toBeCloseTo((100 * 64) / 512, 6);
  });

  it('is capped at the hard limit and, unlike a leak, does not get the container killed', () => {
    // 500 requests a second per task would hold 64 + 2500 MiB, far past the 512 MiB limit.
    const sim = webServing({ memoryPerRequestPerSecondMiB: 5 }, 1000);
    expect(lastMemoryPercent(sim)).toBe(100);
    expect(sim.listTasks({ serviceName: 'web', desiredStatus: 'STOPPED' }).taskArns).toEqual([]);
  });

  it('refuses a negative amount, naming the field', () => {
    const sim = createSimulator({ seed: 5 });
    expect(() => sim.control.registerImage('web:1', { memoryPerRequestPerSecondMiB: -1 })).toThrow(/behaviour\.memoryPerRequestPerSecondMiB must be a number from 0/);
  });
});
