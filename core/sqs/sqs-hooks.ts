import { HookList } from '../kernel/hook-list.js';
import type { SimContext } from '../kernel/context.js';

/** What SQS announces: a queue was created (from then on, worker containers in tasks poll queues). */
export interface SqsHooks {
  queueCreated: HookList<[ctx: SimContext]>;
}

export const createSqsHooks = (): SqsHooks => ({ queueCreated: new HookList() });

declare module '../kernel/context.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface SimHooks extends SqsHooks {}
}
