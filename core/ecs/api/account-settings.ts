import { invalidParameter } from '../../kernel/errors.js';
import type { SimContext } from '../../kernel/context.js';
import { optionalEnum, requireObject } from '../../kernel/fields.js';

/** Account settings the simulator acts on: ENI trunking for instances launched afterwards, Container Insights. */
const SETTINGS = ['awsvpcTrunking', 'containerInsights', 'serviceLongArnFormat', 'taskLongArnFormat', 'containerInstanceLongArnFormat'] as const;

export function putAccountSetting(ctx: SimContext, input: { name: string; value: string }) {
  const request = requireObject(input, 'request');
  const name = optionalEnum(request.name, 'name', SETTINGS);
  if (!name) throw invalidParameter('name should not be null or empty.', 'name');
  const allowed = name === 'containerInsights' ? ['enabled', 'disabled', 'enhanced'] : ['enabled', 'disabled'];
  const value = optionalEnum(request.value, 'value', allowed);
  if (!value) throw invalidParameter('value should not be null or empty.', 'value');
  ctx.state.accountSettings.set(name, value);
  return { setting: settingView(ctx, name, value) };
}

export function listAccountSettings(ctx: SimContext, input: { name?: string } = {}) {
  const request = requireObject(input ?? {}, 'request');
  const name = optionalEnum(request.name, 'name', SETTINGS);
  const settings = SETTINGS.filter((s) => !name || s === name).map((s) => settingView(ctx, s, ctx.state.accountSettings.get(s) ?? defaultValue(s)));
  return { settings };
}

const defaultValue = (name: string) => (name.endsWith('ArnFormat') ? 'enabled' : 'disabled');

function settingView(ctx: SimContext, name: string, value: string) {
  return { name, value, principalArn: `arn:aws:iam::${ctx.accountId}:root`, type: 'user' };
}
