import { invalidParameter } from '../api/errors.js';
import type { SimContext } from '../engine/context.js';
import { optionalEnum, rejectUnknownFields, requireName, requireObject } from '../validation/fields.js';
import { wakeServices } from '../capacity/instance-events.js';

/**
 * Simulation control: a CloudWatch alarm changes state (as SetAlarmState does in CloudWatch). Services
 * whose deployment watches it look again at once.
 */
export function setAlarmState(ctx: SimContext, input: { alarmName: string; state: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA' }): void {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', ['alarmName', 'state']);
  const alarmName = requireName(request.alarmName, 'alarmName');
  const state = optionalEnum(request.state, 'state', ['OK', 'ALARM', 'INSUFFICIENT_DATA'] as const);
  if (!state) throw invalidParameter('state should not be null or empty.', 'state');
  const current = ctx.state.alarms.get(alarmName);
  if (current?.state === state) return;
  ctx.state.alarms.set(alarmName, { state, changedAt: ctx.clock.now });
  for (const cluster of ctx.state.clusters.values()) wakeServices(ctx, cluster.name);
}
