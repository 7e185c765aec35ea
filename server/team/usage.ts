// The usage record: every upstream call (generate or edit) with who, where, what and how it went.
// Written after the call, never in its way: a failed write is logged, the image still delivered.
import type { Kysely } from 'kysely';
import type { Database, UsageRecord } from '../db/schema';

export function createUsage(db: Kysely<Database>) {
  return {
    async record(entry: Omit<UsageRecord, 'id' | 'created_at'>) {
      await db.insertInto('usage').values(entry).execute();
    },
  };
}

export type Usage = ReturnType<typeof createUsage>;
