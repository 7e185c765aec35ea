// The usage record: every upstream call (generate or edit) with who, where, what and how it went.
// Written after the call, never in its way: a failed write is logged, the image still delivered.
// Read back per user and per UTC day for the Usage page (a user's own, or every user's for an
// admin), and as CSV for a spreadsheet.
import { sql, type Kysely } from 'kysely';
import type { Database, UsageRecord } from '../db/schema';

/** One user's (or everyone's) figures for one UTC day. */
export interface UsageDay {
  /** YYYY-MM-DD (UTC). */
  day: string;
  /** Images delivered. */
  images: number;
  /** Upstream calls, failed ones included. */
  calls: number;
  failed: number;
  generate: number;
  edit: number;
  /** Time spent in upstream calls, in seconds (one decimal). */
  seconds: number;
  /** Bytes of the images delivered. */
  bytes: number;
}

export interface UserUsageDay extends UsageDay {
  user_id: string;
  /** The account's name; the id for a user with no account (AUTH=none's `local`) or one removed. */
  name: string;
}

export interface UsagePeriod {
  /** First and last day, YYYY-MM-DD (UTC), both included. */
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;
const dayStart = (day: string) => new Date(`${day}T00:00:00.000Z`);

export function createUsage(db: Kysely<Database>) {
  /** The figures of one day, grouped by what the caller adds to the group. */
  function perDay(period: UsagePeriod) {
    const day = sql<string>`to_char(usage.created_at at time zone 'UTC', 'YYYY-MM-DD')`;
    return db
      .selectFrom('usage')
      .select([
        day.as('day'),
        sql<string>`coalesce(sum(usage.images), 0)`.as('images'),
        sql<string>`count(*)`.as('calls'),
        sql<string>`count(*) filter (where usage.outcome <> 'ok')`.as('failed'),
        sql<string>`count(*) filter (where usage.kind = 'generate')`.as('generate'),
        sql<string>`count(*) filter (where usage.kind = 'edit')`.as('edit'),
        sql<string>`coalesce(sum(usage.duration_ms), 0)`.as('ms'),
        sql<string>`coalesce(sum(usage.bytes), 0)`.as('bytes'),
      ])
      .where('usage.created_at', '>=', dayStart(period.from))
      .where('usage.created_at', '<', new Date(dayStart(period.to).getTime() + DAY_MS))
      .groupBy(day)
      .orderBy(day);
  }

  const figures = (row: { day: string; images: string; calls: string; failed: string; generate: string; edit: string; ms: string; bytes: string }): UsageDay => ({
    day: row.day,
    images: Number(row.images),
    calls: Number(row.calls),
    failed: Number(row.failed),
    generate: Number(row.generate),
    edit: Number(row.edit),
    seconds: Math.round(Number(row.ms) / 100) / 10,
    bytes: Number(row.bytes),
  });

  return {
    async record(entry: Omit<UsageRecord, 'id' | 'created_at'>) {
      await db.insertInto('usage').values(entry).execute();
    },

    /** One user's usage per day in the period (days without a call are left out). */
    async ofUser(userId: string, period: UsagePeriod): Promise<UsageDay[]> {
      const rows = await perDay(period).where('usage.user_id', '=', userId).execute();
      return rows.map(figures);
    },

    /** Every user's usage (or one user's) per user and day in the period, by day then name. */
    async ofEveryone(period: UsagePeriod, userId?: string): Promise<UserUsageDay[]> {
      let query = perDay(period)
        .leftJoin('users', 'users.id', 'usage.user_id')
        .select(['usage.user_id', sql<string>`coalesce(users.name, usage.user_id)`.as('name')])
        .groupBy(['usage.user_id', 'users.name'])
        .orderBy('name');
      if (userId) query = query.where('usage.user_id', '=', userId);
      const rows = await query.execute();
      return rows.map((row) => ({ user_id: row.user_id, name: row.name, ...figures(row) }));
    },
  };
}

export type Usage = ReturnType<typeof createUsage>;

/**
 * A cell safe in a spreadsheet: text a spreadsheet would run as a formula (starting with = + - @,
 * or a tab or carriage return) gets a leading quote, and a cell with a comma, quote or line break
 * is quoted (RFC 4180). Hand-written: a dozen lines, where a CSV library would still leave the
 * formula guard to us.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const USAGE_CSV_COLUMNS = ['day', 'user', 'images', 'calls', 'failed_calls', 'generate_calls', 'edit_calls', 'seconds', 'bytes'] as const;

/** One row per user and day, with a header; CRLF line ends, as RFC 4180 says. */
export function usageCsv(rows: UserUsageDay[]): string {
  const lines = [USAGE_CSV_COLUMNS.join(',')];
  for (const r of rows) lines.push([r.day, r.name, r.images, r.calls, r.failed, r.generate, r.edit, r.seconds, r.bytes].map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
