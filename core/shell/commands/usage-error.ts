/** A mistake in how a command was called (an unknown lab, a folder that is not there): exit code 2, as commander's own. */
export class UsageError extends Error {}
