import { EcsError } from '../../core/index.js';

/** The EcsError a call refuses with (name, field, message); fails the test if the call is accepted. */
export function rejection(call: () => unknown): { name: string; field?: string; message: string } {
  try {
    call();
  } catch (error) {
    if (error instanceof EcsError) return { name: error.name, field: error.field, message: error.message };
    throw error;
  }
  throw new Error('the call was accepted');
}
