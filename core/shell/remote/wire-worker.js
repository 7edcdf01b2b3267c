// The network half of the remote simulator (see sync-channel.ts): runs the asynchronous calls, ECS actions
// through @aws-sdk/client-ecs and simulation controls through fetch, while the main thread waits. Plain
// JavaScript so the worker starts without ts-node; it only moves data, every decision is in TypeScript.
import { parentPort, workerData } from 'node:worker_threads';
import * as sdk from '@aws-sdk/client-ecs';

const { signal, port, endpoint, region, credentials, maxAttempts } = workerData;
// The version pinned for Node 20 warns that later ones need Node 22: noise in the middle of a timeline.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const client = new sdk.ECSClient({ endpoint, region, credentials, maxAttempts });

/** An ECS action; a paged list is followed to its end, as the in-process facade answers it whole. */
async function ecs({ operation, input, pagedMember }) {
  const Command = sdk[`${operation}Command`];
  if (typeof Command !== 'function') throw Object.assign(new Error(`${operation} is not an action of @aws-sdk/client-ecs.`), { name: 'UnknownOperationException' });
  const first = await client.send(new Command(input));
  if (!pagedMember) return first;
  const items = [...(first[pagedMember] ?? [])];
  for (let token = first.nextToken; token; ) {
    const page = await client.send(new Command({ ...input, nextToken: token }));
    items.push(...(page[pagedMember] ?? []));
    token = page.nextToken;
  }
  return { ...first, [pagedMember]: items, nextToken: undefined };
}

async function http({ url, body }) {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
  return { status: response.status, text: await response.text() };
}

parentPort.on('message', async (request) => {
  let reply;
  try {
    reply = { value: request.kind === 'ecs' ? await ecs(request) : await http(request) };
  } catch (error) {
    const cause = error?.cause;
    reply = {
      error: {
        name: error?.name ?? 'Error',
        message: error?.message ?? String(error),
        status: error?.$metadata?.httpStatusCode,
        fault: error?.$fault,
        // fetch hides the reason (ECONNREFUSED, ENOTFOUND) in `cause`; the SDK's HTTP handler does not.
        code: error?.code ?? cause?.code,
        cause: cause?.message,
      },
    };
  }
  port.postMessage(reply);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
