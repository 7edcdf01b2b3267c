import { invalidParameter } from '../kernel/errors.js';
import type { SimContext } from '../kernel/context.js';
import { optionalEnum, rejectUnknownFields, requireObject, requireString } from '../kernel/fields.js';
import type { AlarmStateValue } from './metric-alarm.js';


/**
 * A CloudWatch alarm's state changes, whoever decided it (a scenario, or a metric alarm's evaluation).
 * Services whose deployment watches it look again at once.
 */
export function changeAlarmState(ctx: SimContext, alarmName: string, state: AlarmStateValue): void {
  if (ctx.state.alarms.get(alarmName)?.state === state) return;
  ctx.state.alarms.set(alarmName, { state, changedAt: ctx.clock.now });
  ctx.hooks.alarmStateChanged.emit(ctx, alarmName);
}

/** Simulation control: an alarm changes state, as SetAlarmState does in CloudWatch. */
export function setAlarmState(ctx: SimContext, input: { alarmName: string; state: AlarmStateValue }): void {
  const request = requireObject(input, 'request');
  rejectUnknownFields(request, '', ['alarmName', 'state']);
  // CloudWatch's rule for alarm names (PutMetricAlarm takes the same): 1 to 255 characters.
  const alarmName = requireString(request.alarmName, 'alarmName');
  if (alarmName.length > 255) throw invalidParameter('alarmName must be 1 to 255 characters.', 'alarmName');
  const state = optionalEnum(request.state, 'state', ['OK', 'ALARM', 'INSUFFICIENT_DATA'] as const);
  if (!state) throw invalidParameter('state should not be null or empty.', 'state');
  changeAlarmState(ctx, alarmName, state);
}
