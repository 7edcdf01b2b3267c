import { measureThroughput } from '../../../core/shell/server/measure-throughput.js';
import { startEcsServer } from '../../../core/shell/server/start-server.js';
import type { BenchCase } from '../bench-case.js';

const REQUESTS = 2000;
const CONCURRENCY = 32;

/**
 * (e) Requests per second of DescribeServices and RunTask through @aws-sdk/client-ecs against `ecs-lab
 * serve`, on a loopback port in this process: the whole path of a user's call (SDK, HTTP, JSON, engine).
 * Manual clock, so no tick competes with the requests.
 */
export const endpointThroughput: BenchCase = {
  id: 'e',
  title: 'ECS endpoint requests per second (SDK)',
  async run(progress) {
    const server = await startEcsServer({ port: 0, clock: 'manual' });
    try {
      progress(`${REQUESTS} DescribeServices, then ${REQUESTS} RunTask, ${CONCURRENCY} at a time`);
      const result = await measureThroughput({ endpoint: server.url, requests: REQUESTS, concurrency: CONCURRENCY });
      return {
        simulatedSeconds: 0,
        figures: {
          describeServicesPerSecond: Math.round(result.describeServicesPerSecond),
          runTaskPerSecond: Math.round(result.runTaskPerSecond),
          requestsPerAction: REQUESTS,
          concurrency: CONCURRENCY,
        },
      };
    } finally {
      await server.close();
    }
  },
};
