// Each user's fair share (AUTH=users or proxy): jobs in flight, images a minute, images a day, from
// the configured defaults or the user's own limits. Counted in the database, so every instance
// sees the same counts; a job takes its place in one transaction under a per-user advisory lock,
// so two instances admitting the same user at once cannot both pass the last place. A job whose
// instance died stops counting as in flight once its heartbeat is a minute old.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { UserLimits } from '../config';
import type { Database } from '../db/schema';
import { AppError } from '../errors';

const HEARTBEAT_MS = 20_000;
const STALE = '60 seconds';

export interface Quota {
  /** Images still allowed today (null: no daily limit). */
  left_today: number | null;
  per_day: number | null;
  used_today: number;
}

const startOfDayUtc = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

function inWords(seconds: number): string {
  if (seconds < 90) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 90 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** "1 image", "2 images": a limit of 1 reads as one. */
const nImages = (n: number) => `${n} ${n === 1 ? 'image' : 'images'}`;

export function createShares(db: Kysely<Database>, defaults: UserLimits) {
  async function limitsOf(tx: Kysely<Database>, userId: string) {
    const row = await tx.selectFrom('users').select(['max_in_flight', 'images_per_minute', 'images_per_day']).where('id', '=', userId).executeTakeFirst();
    const pick = (own: number | null | undefined, fallback: number) => own ?? fallback;
    return { inFlight: pick(row?.max_in_flight, defaults.inFlight), perMinute: pick(row?.images_per_minute, defaults.perMinute), perDay: pick(row?.images_per_day, defaults.perDay) };
  }

  async function counts(tx: Kysely<Database>, userId: string, now: Date) {
    const row = await tx
      .selectFrom('jobs')
      .select([
        sql<string>`count(*) filter (where finished_at is null and heartbeat_at > ${now}::timestamptz - ${STALE}::interval)`.as('in_flight'),
        sql<string>`coalesce(sum(images) filter (where started_at > ${now}::timestamptz - interval '1 minute'), 0)`.as('minute'),
        sql<Date | null>`min(started_at) filter (where started_at > ${now}::timestamptz - interval '1 minute')`.as('oldest_in_minute'),
      ])
      .where('user_id', '=', userId)
      // No job runs for a day: older rows are never in flight nor in the last minute.
      .where('started_at', '>=', new Date(now.getTime() - 86_400_000))
      .where((eb) => eb.or([eb('ok', 'is', null), eb('ok', '=', true)]))
      .executeTakeFirstOrThrow();
    return { inFlight: Number(row.in_flight), minute: Number(row.minute), oldestInMinute: row.oldest_in_minute ? new Date(row.oldest_in_minute) : null };
  }

  /** Images started today (UTC) that did not fail: a job that failed upstream costs nothing. */
  async function usedToday(tx: Kysely<Database>, userId: string, now: Date) {
    const row = await tx
      .selectFrom('jobs')
      .select(sql<string>`coalesce(sum(images), 0)`.as('n'))
      .where('user_id', '=', userId)
      .where('started_at', '>=', startOfDayUtc(now))
      .where((eb) => eb.or([eb('ok', 'is', null), eb('ok', '=', true)]))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  return {
    /**
     * Takes a place for a job of `images` images, or refuses with a 429 that says which limit and
     * when it frees. Returns the job's end: call it with whether the upstream answered.
     */
    async admit(userId: string, endpoint: string, images: number, now = new Date()): Promise<(ok: boolean) => Promise<void>> {
      const id = randomUUID();
      await db.transaction().execute(async (tx) => {
        await sql`select pg_advisory_xact_lock(hashtext(${`shares:${userId}`}))`.execute(tx);
        const limits = await limitsOf(tx, userId);
        const used = await counts(tx, userId, now);
        if (limits.inFlight > 0 && used.inFlight >= limits.inFlight) {
          throw new AppError(429, 'limit_in_flight', `You have ${used.inFlight} jobs running, your limit; the next starts when one finishes.`, { retryAfterSeconds: 2 });
        }
        if (limits.perMinute > 0 && used.minute + images > limits.perMinute) {
          const frees = used.oldestInMinute ? Math.max(1, Math.ceil((used.oldestInMinute.getTime() + 60_000 - now.getTime()) / 1000)) : 60;
          throw new AppError(429, 'limit_per_minute', `You reached your limit of ${nImages(limits.perMinute)} a minute; more are allowed in ${inWords(frees)}.`, { retryAfterSeconds: frees });
        }
        if (limits.perDay > 0 && (await usedToday(tx, userId, now)) + images > limits.perDay) {
          const frees = Math.ceil((startOfDayUtc(now).getTime() + 86_400_000 - now.getTime()) / 1000);
          throw new AppError(429, 'limit_per_day', `You reached your limit of ${nImages(limits.perDay)} a day; it starts again at midnight UTC, in ${inWords(frees)}.`, { retryAfterSeconds: frees });
        }
        await tx.insertInto('jobs').values({ id, user_id: userId, endpoint, images, started_at: now, heartbeat_at: now, finished_at: null, ok: null }).execute();
      });
      const beat = setInterval(() => void db.updateTable('jobs').set({ heartbeat_at: new Date() }).where('id', '=', id).execute().catch(() => {}), HEARTBEAT_MS);
      beat.unref();
      return async (ok: boolean) => {
        clearInterval(beat);
        await db.updateTable('jobs').set({ finished_at: new Date(), ok }).where('id', '=', id).execute();
      };
    },

    /** What is left today, for the studio to show beside Generate. */
    async quota(userId: string, now = new Date()): Promise<Quota> {
      const limits = await limitsOf(db, userId);
      const used = await usedToday(db, userId, now);
      return { used_today: used, per_day: limits.perDay || null, left_today: limits.perDay ? Math.max(0, limits.perDay - used) : null };
    },
  };
}

export type Shares = ReturnType<typeof createShares>;
