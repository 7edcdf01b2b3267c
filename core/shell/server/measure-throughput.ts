import {
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeServicesCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
} from '@aws-sdk/client-ecs';

export interface ThroughputOptions {
  /** The endpoint of a started server (`startEcsServer(...).url`), best with `clock: 'manual'`. */
  endpoint: string;
  /** Requests per action. Default 2000. */
  requests?: number;
  /** Requests in flight at once. Default 32. */
  concurrency?: number;
}

export interface ThroughputResult {
  describeServicesPerSecond: number;
  runTaskPerSecond: number;
}

async function timed(requests: number, concurrency: number, send: () => Promise<unknown>): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next < requests) {
      next++;
      await send();
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, requests) }, worker));
  return requests / ((performance.now() - started) / 1000);
}

/**
 * Requests per second of DescribeServices and RunTask through @aws-sdk/client-ecs, the whole path a user's
 * call takes (SDK, HTTP, JSON, engine). Sets up its own cluster "bench" with room for every task it runs.
 */
export async function measureThroughput(options: ThroughputOptions): Promise<ThroughputResult> {
  const requests = options.requests ?? 2000;
  const concurrency = options.concurrency ?? 32;
  const ecs = new ECSClient({ endpoint: options.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' }, maxAttempts: 1 });
  try {
    await ecs.send(new CreateClusterCommand({ clusterName: 'bench' }));
    // 64 MiB tasks on m5.xlarge (16 GiB): about 250 per instance, so every RunTask places its task.
    const instances = Math.ceil(requests / 200);
    // The instances go to the account the key signs in (each access key id is its own account).
    const added = await fetch(`${options.endpoint}/_sim/instances?accessKeyId=bench`, {
      method: 'POST',
      body: JSON.stringify({ cluster: 'bench', instanceType: 'm5.xlarge', count: instances }),
    });
    if (!added.ok) throw new Error(`POST /_sim/instances answered ${added.status}: ${await added.text()}`);
    await ecs.send(new RegisterTaskDefinitionCommand({ family: 'bench', containerDefinitions: [{ name: 'app', image: 'bench:1', memory: 64 }] }));
    await ecs.send(new CreateServiceCommand({ cluster: 'bench', serviceName: 'svc', taskDefinition: 'bench', desiredCount: 2 }));
    const describeServicesPerSecond = await timed(requests, concurrency, () =>
      ecs.send(new DescribeServicesCommand({ cluster: 'bench', services: ['svc'] })),
    );
    const runTaskPerSecond = await timed(requests, concurrency, async () => {
      const { failures } = await ecs.send(new RunTaskCommand({ cluster: 'bench', taskDefinition: 'bench' }));
      // A RunTask that places nothing is cheaper than one that does: it would flatter the number.
      if (failures && failures.length > 0) throw new Error(`RunTask placed no task: ${failures[0].reason}`);
    });
    return { describeServicesPerSecond, runTaskPerSecond };
  } finally {
    ecs.destroy();
  }
}
