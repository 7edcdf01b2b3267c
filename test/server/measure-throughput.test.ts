import { describe, expect, it } from 'vitest';
import { measureThroughput } from '../../core/shell/server/measure-throughput.js';
import { startEcsServer } from '../../core/shell/server/start-server.js';

describe('measureThroughput', () => {
  it('reports requests per second of DescribeServices and RunTask against a started server', async () => {
    const server = await startEcsServer({ port: 0, clock: 'manual' });
    try {
      const result = await measureThroughput({ endpoint: server.url, requests: 60, concurrency: 8 });
      expect(result.describeServicesPerSecond).toBeGreaterThan(0);
      expect(result.runTaskPerSecond).toBeGreaterThan(0);
      // Every RunTask placed a task: the bench cluster had room for all of them.
      const state = await (await fetch(`${server.url}/_sim/state?accessKeyId=bench`)).json();
      const tasks = state.clusters[0].instances.flatMap((i: { tasks: Array<{ serviceName?: string }> }) => i.tasks);
      expect(tasks.filter((t: { serviceName?: string }) => t.serviceName === undefined)).toHaveLength(60);
    } finally {
      await server.close();
    }
  });
});
