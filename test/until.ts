import { vi } from 'vitest';

/**
 * Waits until `assertion` holds, however long a busy machine takes to get there (a lab's files, CodeMirror, the
 * engine loading): the test's own timeout is the only limit, where vi.waitFor alone gives up after a second.
 */
export const until = <T>(assertion: () => T | Promise<T>) => vi.waitFor(assertion, { timeout: 2 ** 31 - 1 });
