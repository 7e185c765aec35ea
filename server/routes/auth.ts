// Sign-in, sign-out, who am I, my API keys, and the admin's user management. Every answer about a
// failed sign-in is the same whether or not the name exists; passwords and keys are never echoed
// (a new API key is shown once, in the answer that made it).
import { zValidator } from '@hono/zod-validator';
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { SESSION_DAYS, sha256, type Accounts } from '../auth/accounts';
import { clientAddress, requireUser, SESSION_COOKIE, type AuthEnv, type AuthMode } from '../auth/guard';
import { PASSWORD_MAX_LENGTH, passwordProblem } from '../auth/passwords';
import type { signInThrottle } from '../auth/throttle';
import type { SessionInfo } from '../contract';
import { AppError } from '../errors';
import { inAddressList, peerAddress, type AddressList } from '../http/address-list';
import { refuseInvalid } from '../http/invalid';

/** Not HttpOnly: the browser's page reads it to name its stores (see /auth/session). Not a secret. */
export const SPACE_COOKIE = 'studio_space';
const userSpace = (id: string) => sha256(`space:${id}`).slice(0, 22);

export const USER_NAME = /^[\p{L}\p{N}._@+-]{1,64}$/u;
const userName = z.string().trim().regex(USER_NAME, 'must be 1 to 64 letters, digits, ".", "_", "@", "+" or "-"');
const password = z.string().max(PASSWORD_MAX_LENGTH).refine((p) => !passwordProblem(p), { error: (i) => passwordProblem(String(i.input)) ?? 'is not a valid password' });
const limit = z.int().min(0).max(1_000_000).nullable();

const signInBody = z.object({ name: z.string().trim().min(1).max(128), password: z.string().min(1).max(PASSWORD_MAX_LENGTH) });
/** Writes are JSON (the Origin and content-type guards): those with nothing to say send `{}`. */
const emptyBody = z.object({});
const keyBody = z.object({ name: z.string().trim().min(1).max(64) });
const newUserBody = z.object({ name: userName, role: z.enum(['admin', 'designer']), password });
const userChangeBody = z
  .object({
    role: z.enum(['admin', 'designer']).optional(),
    disabled: z.boolean().optional(),
    password: password.optional(),
    max_in_flight: limit.optional(),
    images_per_minute: limit.optional(),
    images_per_day: limit.optional(),
  })
  .strict();

export interface AuthRouteDeps {
  mode: AuthMode;
  accounts?: Accounts;
  throttle?: ReturnType<typeof signInThrottle>;
  trustedProxies: AddressList;
  /** Counted for /metrics: a refused sign-in. */
  onSignInRefused?: () => void;
}

/** Secure when the studio is reached over https: directly, or through a trusted proxy that says so. */
function overHttps(c: Context, trustedProxies: AddressList): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return inAddressList(peerAddress(c), trustedProxies) && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

export function authRoutes({ mode, accounts, throttle, trustedProxies, onSignInRefused }: AuthRouteDeps) {
  const need = () => {
    if (!accounts) throw new AppError(404, 'not_found', 'This studio has no accounts (AUTH=none).');
    return accounts;
  };
  const limitsOf = (u: { max_in_flight: number | null; images_per_minute: number | null; images_per_day: number | null }) => ({
    max_in_flight: u.max_in_flight,
    images_per_minute: u.images_per_minute,
    images_per_day: u.images_per_day,
  });

  return new Hono<AuthEnv>()
    .get('/auth/session', (c) => {
      const user = c.get('user');
      // The browser keeps each user's gallery, history and drafts in stores named by this space (a
      // hash, not the id); it reads the cookie when its page loads, before any store opens.
      const space = mode !== 'none' && user ? userSpace(user.id) : '';
      if (space) setCookie(c, SPACE_COOKIE, space, { sameSite: 'Lax', secure: overHttps(c, trustedProxies), path: '/', maxAge: SESSION_DAYS * 24 * 3600 });
      else deleteCookie(c, SPACE_COOKIE, { path: '/' });
      const body: SessionInfo = { mode, user: user ? { name: user.name, role: user.role } : null, space };
      return c.json(body);
    })
    .post('/auth/sign-in', zValidator('json', signInBody, refuseInvalid), async (c) => {
      if (mode !== 'users' || !throttle) throw new AppError(404, 'not_found', mode === 'proxy' ? 'Sign in through the sign-in proxy in front of the studio.' : 'This studio has no accounts (AUTH=none).');
      const { name, password } = c.req.valid('json');
      const address = clientAddress(c, trustedProxies);
      const wait = await throttle.waitSeconds(name, address);
      if (wait > 0) {
        onSignInRefused?.();
        throw new AppError(429, 'too_many_sign_ins', `Too many failed sign-ins. Try again in ${wait} s.`, { retryAfterSeconds: wait });
      }
      const user = await need().checkPassword(name, password);
      if (!user) {
        onSignInRefused?.();
        await throttle.failed(name, address);
        throw new AppError(401, 'invalid_credentials', 'That name and password do not match an account that may sign in.');
      }
      await throttle.succeeded(name);
      const { token } = await need().createSession(user.id);
      const secure = overHttps(c, trustedProxies);
      setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure, path: '/', maxAge: SESSION_DAYS * 24 * 3600 });
      setCookie(c, SPACE_COOKIE, userSpace(user.id), { sameSite: 'Lax', secure, path: '/', maxAge: SESSION_DAYS * 24 * 3600 });
      return c.json({ user: { name: user.name, role: user.role } });
    })
    .post('/auth/sign-out', zValidator('json', emptyBody, refuseInvalid), async (c) => {
      const token = getCookie(c, SESSION_COOKIE);
      if (token && accounts) await accounts.endSession(token);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      deleteCookie(c, SPACE_COOKIE, { path: '/' });
      return c.json({ ok: true as const });
    })
    .get('/auth/keys', requireUser(), async (c) => {
      const keys = await need().listKeys(c.get('user')!.id);
      return c.json({ keys: keys.map((k) => ({ id: k.id, name: k.name, prefix: k.prefix, created_at: k.created_at.toISOString(), last_used_at: k.last_used_at?.toISOString() ?? null })) });
    })
    .post('/auth/keys', requireUser(), zValidator('json', keyBody, refuseInvalid), async (c) => {
      const made = await need().createKey(c.get('user')!.id, c.req.valid('json').name);
      return c.json(made, 201);
    })
    .post('/auth/keys/:id/revoke', requireUser(), zValidator('json', emptyBody, refuseInvalid), async (c) => {
      if (!(await need().revokeKey(c.get('user')!.id, c.req.param('id')))) throw new AppError(404, 'not_found', 'No such key.');
      return c.json({ ok: true as const });
    })
    .get('/admin/users', requireUser('admin'), async (c) => {
      const users = await need().list();
      return c.json({ users: users.map((u) => ({ id: u.id, name: u.name, role: u.role, disabled: u.disabled, created_at: u.created_at.toISOString(), ...limitsOf(u) })) });
    })
    .post('/admin/users', requireUser('admin'), zValidator('json', newUserBody, refuseInvalid), async (c) => {
      const body = c.req.valid('json');
      if (await need().byName(body.name)) throw new AppError(409, 'name_taken', `There is already a user named ${body.name}.`);
      const user = await need().add(body);
      return c.json({ user }, 201);
    })
    .patch('/admin/users/:id', requireUser('admin'), zValidator('json', userChangeBody, refuseInvalid), async (c) => {
      const id = c.req.param('id');
      const { password, ...change } = c.req.valid('json');
      if (id === c.get('user')!.id && (change.disabled || change.role === 'designer')) {
        throw new AppError(400, 'invalid_request', 'You cannot disable your own account or take away your own admin role.');
      }
      if (!(await need().get(id))) throw new AppError(404, 'not_found', 'No such user.');
      if (Object.keys(change).length) await need().update(id, change);
      if (password) await need().setPassword(id, password);
      return c.json({ ok: true as const });
    });
}
