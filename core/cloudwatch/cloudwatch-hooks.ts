import { HookList } from '../kernel/hook-list.js';
import type { SimContext } from '../kernel/context.js';

/** What CloudWatch announces: an alarm changed state (ECS deployments that watch alarms look again). */
export interface CloudWatchHooks {
  alarmStateChanged: HookList<[ctx: SimContext, alarmName: string]>;
}

export const createCloudWatchHooks = (): CloudWatchHooks => ({ alarmStateChanged: new HookList() });

declare module '../kernel/context.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface SimHooks extends CloudWatchHooks {}
}
