import { EcsError } from '../kernel/errors.js';
import type { SimContext } from '../kernel/context.js';
import { optionalArray, optionalEnum, optionalString, requireObject } from '../kernel/fields.js';
import type { FixedResponse, ListenerRecord } from './elb-state.js';
import { forwardActionView, parseForwardActions } from './forward-action.js';

const validation = (message: string, field: string) => new EcsError('ValidationError', message, field);

/** The content types ELBv2's FixedResponseConfig accepts. */
const CONTENT_TYPES = ['text/plain', 'text/css', 'text/html', 'application/javascript', 'application/json'] as const;

/**
 * A listener's `DefaultActions`: a forward (see forward-action.ts) or, with no forward among them, a
 * `fixed-response` (FixedResponseConfig: StatusCode 2XX, 4XX or 5XX; ContentType; MessageBody up to 1024
 * characters). A fixed response forwards nowhere: its `targetGroups` are empty.
 */
export function parseDefaultAction(ctx: SimContext, value: unknown, field: string): Pick<ListenerRecord, 'targetGroups' | 'fixedResponse'> {
  const actions = (optionalArray(value, field, 5) ?? []).map((a, i) => requireObject(a, `${field}[${i}]`));
  const index = actions.findIndex((a) => a.Type === 'fixed-response');
  if (index < 0 || actions.some((a) => a.Type === 'forward')) return { targetGroups: parseForwardActions(ctx, value, field) };
  return { targetGroups: [], fixedResponse: parseFixedResponse(actions[index].FixedResponseConfig, `${field}[${index}].FixedResponseConfig`) };
}

function parseFixedResponse(value: unknown, at: string): FixedResponse {
  const config = requireObject(value, at);
  const statusCode = optionalString(config.StatusCode, `${at}.StatusCode`);
  if (statusCode === undefined || !/^[245]\d\d$/.test(statusCode)) throw validation(`${at}.StatusCode must be a 2XX, 4XX or 5XX code, as a string.`, `${at}.StatusCode`);
  const contentType = optionalEnum(config.ContentType, `${at}.ContentType`, CONTENT_TYPES);
  const messageBody = optionalString(config.MessageBody, `${at}.MessageBody`);
  if (messageBody !== undefined && messageBody.length > 1024) throw validation(`${at}.MessageBody can be at most 1024 characters.`, `${at}.MessageBody`);
  return { statusCode, ...(contentType ? { contentType } : {}), ...(messageBody !== undefined ? { messageBody } : {}) };
}

/** ELBv2's Action as the simulator answers it: a forward or a fixed response. */
export interface ActionView {
  Type: string;
  ForwardConfig?: { TargetGroups: Array<{ TargetGroupArn: string; Weight: number }> };
  FixedResponseConfig?: { StatusCode: string; ContentType?: string; MessageBody?: string };
}

/** The listener's default action as ELBv2 answers it: the weighted forward, or the fixed response. */
export function defaultActionView(listener: Pick<ListenerRecord, 'targetGroups' | 'fixedResponse'>): ActionView[] {
  if (!listener.fixedResponse) return forwardActionView(listener.targetGroups);
  const { statusCode, contentType, messageBody } = listener.fixedResponse;
  return [
    {
      Type: 'fixed-response',
      FixedResponseConfig: { StatusCode: statusCode, ...(contentType ? { ContentType: contentType } : {}), ...(messageBody !== undefined ? { MessageBody: messageBody } : {}) },
    },
  ];
}
