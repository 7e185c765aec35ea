// What a user has used: GET /quota (what is left today, shown beside Generate).
import { Hono } from 'hono';
import type { AuthEnv, AuthMode } from '../auth/guard';
import type { Shares } from '../team/shares';

export function usageRoutes({ mode, shares }: { mode: AuthMode; shares?: Shares }) {
  return new Hono<AuthEnv>().get('/quota', async (c) => {
    const user = c.get('user');
    // Without accounts there are no per-user limits.
    if (mode === 'none' || !shares || !user) return c.json({ left_today: null, per_day: null, used_today: 0 });
    return c.json(await shares.quota(user.id));
  });
}
