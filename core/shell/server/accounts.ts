import { createHash } from 'node:crypto';

/**
 * Which simulated account a request acts in. Each access key id is an account of its own, so one server can
 * hold a class: a student signing with `alice` never sees the clusters of one signing with `bob`. The key the
 * docs and examples use, `test`, and unsigned requests (curl) are the server's own account (--account-id), so
 * a learner alone on their machine sees the ARNs the guides show.
 */
export const DEFAULT_ACCESS_KEY_ID = 'test';

/** A 12-digit account id derived from the key: the same key gets the same account on every server and run. */
export function accountIdOfKey(accessKeyId: string): string {
  const digest = createHash('sha256').update(accessKeyId).digest();
  return (digest.readBigUInt64BE(0) % 10n ** 12n).toString().padStart(12, '0');
}

export const isAccountId = (value: string) => /^\d{12}$/.test(value);
