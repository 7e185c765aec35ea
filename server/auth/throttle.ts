// Failed sign-ins, limited per account name and per address, counted in the database so that every
// instance sees the same count. The account is keyed by the name as typed (lower-cased), whether
// or not it exists, so a lock-out never tells anyone which names are real.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';

export interface ThrottlePolicy {
  /** Failures allowed in the window before a lock. */
  perAccount: number;
  perAddress: number;
  windowMs: number;
  /** The first lock's length; each further failure while counted doubles it, up to maxLockMs. */
  lockMs: number;
  maxLockMs: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = { perAccount: 5, perAddress: 30, windowMs: 15 * 60_000, lockMs: 30_000, maxLockMs: 15 * 60_000 };

const keysFor = (name: string, address: string) => [`account:${name.trim().toLowerCase()}`, `address:${address}`];

export function signInThrottle(db: Kysely<Database>, policy: ThrottlePolicy = DEFAULT_THROTTLE) {
  return {
    /** Seconds until a sign-in may be tried again for this name or from this address; 0 if now. */
    async waitSeconds(name: string, address: string, now = new Date()): Promise<number> {
      const rows = await db.selectFrom('sign_in_failures').select(['locked_until']).where('key', 'in', keysFor(name, address)).execute();
      const until = Math.max(0, ...rows.map((r) => (r.locked_until ? r.locked_until.getTime() : 0)));
      return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
    },
    async failed(name: string, address: string, now = new Date()) {
      const [account, addr] = keysFor(name, address) as [string, string];
      for (const [key, allowed] of [[account, policy.perAccount], [addr, policy.perAddress]] as const) {
        const windowStart = new Date(now.getTime() - policy.windowMs);
        // One statement: two instances counting the same failure at once both add to it.
        const row = await db
          .insertInto('sign_in_failures')
          .values({ key, failures: 1, window_start: now, locked_until: null })
          .onConflict((oc) =>
            oc.column('key').doUpdateSet({
              failures: sql`case when sign_in_failures.window_start < ${windowStart} then 1 else sign_in_failures.failures + 1 end`,
              window_start: sql`case when sign_in_failures.window_start < ${windowStart} then ${now} else sign_in_failures.window_start end`,
            }),
          )
          .returning(['failures'])
          .executeTakeFirstOrThrow();
        if (row.failures >= allowed) {
          const lock = Math.min(policy.maxLockMs, policy.lockMs * 2 ** (row.failures - allowed));
          await db.updateTable('sign_in_failures').set({ locked_until: new Date(now.getTime() + lock) }).where('key', '=', key).execute();
        }
      }
    },
    /** A successful sign-in clears the account's count (not the address's: one right password does not excuse a spray). */
    async succeeded(name: string) {
      await db.deleteFrom('sign_in_failures').where('key', '=', `account:${name.trim().toLowerCase()}`).execute();
    },
  };
}
