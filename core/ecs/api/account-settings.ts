import { invalidParameter } from '../../kernel/errors.js';
import type { SimContext } from '../../kernel/context.js';
import { optionalBoolean, optionalEnum, optionalString, requireObject } from '../../kernel/fields.js';

/**
 * Account settings. The account's default is what its root sets (PutAccountSettingDefault, or PutAccountSetting
 * without a principal); an IAM user or role may set its own, which wins for that principal. The simulator acts
 * on the account's default: ENI trunking for instances launched afterwards, Container Insights.
 */
const SETTINGS = ['awsvpcTrunking', 'containerInsights', 'serviceLongArnFormat', 'taskLongArnFormat', 'containerInstanceLongArnFormat'] as const;

const rootOf = (ctx: SimContext) => `arn:aws:iam::${ctx.accountId}:root`;

/** The settings a principal set, by name: the account's root keeps the defaults. */
function settingsOf(ctx: SimContext, principalArn: string): Map<string, string> {
  if (principalArn === rootOf(ctx)) return ctx.state.accountSettings;
  let settings = ctx.state.principalSettings.get(principalArn);
  if (!settings) ctx.state.principalSettings.set(principalArn, (settings = new Map()));
  return settings;
}

function nameAndValue(request: Record<string, unknown>) {
  const name = optionalEnum(request.name, 'name', SETTINGS);
  if (!name) throw invalidParameter('name should not be null or empty.', 'name');
  const allowed = name === 'containerInsights' ? ['enabled', 'disabled', 'enhanced'] : ['enabled', 'disabled'];
  const value = optionalEnum(request.value, 'value', allowed);
  if (!value) throw invalidParameter('value should not be null or empty.', 'value');
  return { name, value };
}

export function putAccountSetting(ctx: SimContext, input: { name: string; value: string; principalArn?: string }) {
  const request = requireObject(input, 'request');
  const { name, value } = nameAndValue(request);
  const principalArn = optionalString(request.principalArn, 'principalArn') ?? rootOf(ctx);
  settingsOf(ctx, principalArn).set(name, value);
  return { setting: settingView(name, value, principalArn) };
}

/** The account's default for every principal that has not set its own. */
export function putAccountSettingDefault(ctx: SimContext, input: { name: string; value: string }) {
  const { name, value } = nameAndValue(requireObject(input, 'request'));
  ctx.state.accountSettings.set(name, value);
  return { setting: settingView(name, value, rootOf(ctx)) };
}

export function deleteAccountSetting(ctx: SimContext, input: { name: string; principalArn?: string }) {
  const request = requireObject(input, 'request');
  const name = optionalEnum(request.name, 'name', SETTINGS);
  if (!name) throw invalidParameter('name should not be null or empty.', 'name');
  const principalArn = optionalString(request.principalArn, 'principalArn') ?? rootOf(ctx);
  const settings = settingsOf(ctx, principalArn);
  const value = settings.get(name);
  if (value === undefined) throw invalidParameter(`The ${name} setting is not set for ${principalArn}.`, 'name');
  settings.delete(name);
  return { setting: settingView(name, value, principalArn) };
}

/**
 * The settings a principal (the root unless named) set; with effectiveSettings, every setting as it applies
 * to that principal: its own, else the account's default, else ECS's.
 */
export function listAccountSettings(ctx: SimContext, input: { name?: string; value?: string; principalArn?: string; effectiveSettings?: boolean } = {}) {
  const request = requireObject(input ?? {}, 'request');
  const name = optionalEnum(request.name, 'name', SETTINGS);
  const value = optionalString(request.value, 'value');
  const principalArn = optionalString(request.principalArn, 'principalArn') ?? rootOf(ctx);
  const effective = optionalBoolean(request.effectiveSettings, 'effectiveSettings') ?? false;
  const own = settingsOf(ctx, principalArn);
  const settings = SETTINGS.flatMap((s) => {
    if (name && s !== name) return [];
    if (own.has(s)) return [settingView(s, own.get(s)!, principalArn)];
    if (!effective) return [];
    const fallback = ctx.state.accountSettings.get(s);
    return [settingView(s, fallback ?? defaultValue(s), rootOf(ctx), fallback === undefined ? 'aws_managed' : 'user')];
  }).filter((s) => value === undefined || s.value === value);
  return { settings };
}

const defaultValue = (name: string) => (name.endsWith('ArnFormat') ? 'enabled' : 'disabled');

function settingView(name: string, value: string, principalArn: string, type: 'user' | 'aws_managed' = 'user') {
  return { name, value, principalArn, type };
}
