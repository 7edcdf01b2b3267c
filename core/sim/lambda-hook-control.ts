import type { SimContext } from '../kernel/context.js';
import { invalidParameter } from '../kernel/errors.js';
import { optionalEnum, optionalInteger, optionalString, requireObject, requireString } from '../kernel/fields.js';
import type { LambdaAnswer } from '../ecs/model/blue-green-state.js';

export interface LambdaAnswerRequest {
  functionArn: string;
  /** What the function returns to ECS; absent with `error`. */
  hookStatus?: 'SUCCEEDED' | 'FAILED' | 'IN_PROGRESS';
  /** IN_PROGRESS: seconds until ECS calls it again (ECS's default is 30). */
  callBackDelay?: number;
  /** The function fails instead of answering (an exception, or "Task timed out after 3.00 seconds"). */
  error?: string;
}

/**
 * What a blue/green lifecycle hook's Lambda function answers from now on, each time ECS calls it. The
 * simulator runs no code: a scenario or /_sim/ says what the function would return.
 */
export function setLambdaAnswer(ctx: SimContext, input: LambdaAnswerRequest): void {
  const request = requireObject(input, 'request');
  const functionArn = requireString(request.functionArn, 'functionArn');
  const error = optionalString(request.error, 'error');
  const hookStatus = optionalEnum(request.hookStatus, 'hookStatus', ['SUCCEEDED', 'FAILED', 'IN_PROGRESS'] as const);
  const callBackDelay = optionalInteger(request.callBackDelay, 'callBackDelay', { min: 0, max: 900 });
  if ((error === undefined) === (hookStatus === undefined)) throw invalidParameter('Give either hookStatus or error.', 'hookStatus');
  if (callBackDelay !== undefined && hookStatus !== 'IN_PROGRESS') throw invalidParameter('callBackDelay goes with hookStatus IN_PROGRESS.', 'callBackDelay');
  const answer: LambdaAnswer = error !== undefined ? { error } : { hookStatus, ...(callBackDelay !== undefined ? { callBackDelay } : {}) };
  ctx.state.lambdaAnswers.set(functionArn, answer);
  // A hook waiting to call the function again keeps its time; a new answer is read at that call.
}
