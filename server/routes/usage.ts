// What a user has used: GET /quota (what is left today, shown beside Generate), GET /usage (the
// signed-in user's own usage per day) and GET /admin/usage (every user's, per user and day; as CSV
// with ?format=csv). Periods are whole UTC days, both ends included, at most a year and a day.
import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { z } from 'zod';
import { requireUser, type AuthEnv, type AuthMode } from '../auth/guard';
import { AppError } from '../errors';
import { refuseInvalid } from '../http/invalid';
import type { Shares } from '../team/shares';
import { usageCsv, type Usage, type UsagePeriod } from '../team/usage';

export const MAX_PERIOD_DAYS = 366;
const DEFAULT_DAYS = 30;
const DAY_MS = 86_400_000;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
/** A calendar day, YYYY-MM-DD: 2026-02-30 is refused, not rolled over into March. */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && isoDay(d) === s;
  }, 'is not a day of the calendar');

const periodQuery = z
  .object({ from: day.optional(), to: day.optional() })
  .strict()
  .transform(({ from, to }, ctx): UsagePeriod => {
    // Without both ends: the last 30 days up to `to` (today by default), or from `from` on.
    const end = to ?? (from ? isoDay(new Date(Math.min(Date.now(), Date.parse(`${from}T00:00:00Z`) + (DEFAULT_DAYS - 1) * DAY_MS))) : isoDay(new Date()));
    const start = from ?? isoDay(new Date(Date.parse(`${end}T00:00:00Z`) - (DEFAULT_DAYS - 1) * DAY_MS));
    const days = (Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / DAY_MS + 1;
    if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'to: must be on or after from' });
    else if (days > MAX_PERIOD_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `to: the period is at most ${MAX_PERIOD_DAYS} days` });
    return { from: start, to: end };
  });

const adminQuery = z
  .object({ from: day.optional(), to: day.optional(), user: z.string().min(1).max(64).optional(), format: z.enum(['json', 'csv']).optional() })
  .strict()
  .transform(({ user, format, ...period }, ctx) => {
    const parsed = periodQuery.safeParse(period);
    if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    return { period: parsed.data ?? { from: '', to: '' }, user, format: format ?? 'json' };
  });

export function usageRoutes({ mode, shares, usage }: { mode: AuthMode; shares?: Shares; usage?: Usage }) {
  const need = () => {
    if (!usage) throw new AppError(404, 'not_found', 'This studio keeps no usage record (it runs without a database).');
    return usage;
  };
  return new Hono<AuthEnv>()
    .get('/quota', async (c) => {
      const user = c.get('user');
      // Without accounts there are no per-user limits.
      if (mode === 'none' || !shares || !user) return c.json({ left_today: null, per_day: null, used_today: 0 });
      return c.json(await shares.quota(user.id));
    })
    .get('/usage', requireUser(), zValidator('query', periodQuery, refuseInvalid), async (c) => {
      const period = c.req.valid('query');
      return c.json({ ...period, days: await need().ofUser(c.get('user')!.id, period) });
    })
    .get('/admin/usage', requireUser('admin'), zValidator('query', adminQuery, refuseInvalid), async (c) => {
      const { period, user, format } = c.req.valid('query');
      const rows = await need().ofEveryone(period, user);
      if (format === 'csv') {
        return c.body(usageCsv(rows), 200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="studio-usage-${period.from}-to-${period.to}.csv"`,
          'cache-control': 'no-store',
        });
      }
      return c.json({ ...period, rows });
    });
}
