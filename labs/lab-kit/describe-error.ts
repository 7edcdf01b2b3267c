/**
 * Words for anything thrown: an Error's message, else its text. Some loaders throw objects that cannot even be
 * turned into a string (null prototype), and the code reporting an error must not fail in turn.
 */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  try {
    return String(error);
  } catch {
    try {
      return JSON.stringify(error);
    } catch {
      return 'an error that cannot be shown';
    }
  }
}
