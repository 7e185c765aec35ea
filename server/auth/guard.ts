// Who is asking: resolves the user of every request (a session cookie, an API key as
// `Authorization: Bearer`, or a trusted sign-in proxy's header) and refuses what needs a user
// without one. AUTH=none has one implicit user, `local`, as the studio always had.
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AuthMode } from '../contract';
import { AppError } from '../errors';
import { inAddressList, peerAddress, type AddressList } from '../http/address-list';
import { API_KEY_PREFIX, type Accounts, type SessionUser } from './accounts';

export interface AuthEnv {
  Variables: { user?: SessionUser };
}

/** AUTH=none's one user: everything the server keeps belongs to it. */
export const LOCAL_USER: SessionUser = { id: 'local', name: 'local', role: 'admin' };

export type { AuthMode };

export const SESSION_COOKIE = 'studio_session';

/**
 * The client's address: the peer's, or, when the peer is a trusted proxy, the last address its
 * X-Forwarded-For names that is not itself a trusted proxy (the proxies append; the client's own
 * claim comes first and is not believed).
 */
export function clientAddress(c: Context, trustedProxies: AddressList): string {
  const peer = peerAddress(c) ?? 'local';
  if (!inAddressList(peer, trustedProxies)) return peer;
  const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) if (!inAddressList(hops[i], trustedProxies)) return hops[i]!.slice(0, 64);
  return peer;
}

export interface AuthGuardOptions {
  mode: AuthMode;
  accounts?: Accounts;
  trustedProxies: AddressList;
  /** The header a sign-in proxy sets to the user's name (lower-case). */
  proxyHeader: string;
}

/** A name a proxy may hand us: printable, no separators that would confuse a log or a path. */
const PROXY_NAME = /^[\p{L}\p{N}._@+-]{1,128}$/u;

function bearer(c: Context): string | undefined {
  const header = c.req.header('authorization');
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

/** Sets `c.var.user` when the request carries a valid identity; refuses a proxy header from anyone but a trusted proxy. */
export function resolveUser({ mode, accounts, trustedProxies, proxyHeader }: AuthGuardOptions): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    if (mode === 'none' || !accounts) {
      c.set('user', LOCAL_USER);
      return next();
    }
    const key = bearer(c);
    if (key?.startsWith(API_KEY_PREFIX)) {
      const user = await accounts.keyUser(key);
      if (!user) throw new AppError(401, 'invalid_api_key', 'This API key is not valid (revoked, or its user is disabled).');
      c.set('user', user);
      return next();
    }
    if (mode === 'proxy') {
      const name = c.req.header(proxyHeader);
      if (name !== undefined) {
        if (!inAddressList(peerAddress(c), trustedProxies)) {
          throw new AppError(403, 'untrusted_proxy', `The ${proxyHeader} header is only believed from the sign-in proxy (TRUSTED_PROXIES); this request did not come through it.`);
        }
        if (!PROXY_NAME.test(name)) throw new AppError(403, 'invalid_proxy_user', `The sign-in proxy sent a user name this studio cannot use.`);
        const user = await accounts.ensure(name);
        if (user.disabled) throw new AppError(403, 'user_disabled', 'This account is disabled; ask an admin of the studio.');
        c.set('user', { id: user.id, name: user.name, role: user.role });
      }
      return next();
    }
    const token = getCookie(c, SESSION_COOKIE);
    if (token && token.length <= 128) {
      const user = await accounts.sessionUser(token);
      if (user) c.set('user', user);
    }
    return next();
  };
}

/** Refuses a request with no user (401), or, for admin routes, one who is not an admin (403). */
export function requireUser(role?: 'admin'): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const user = c.get('user');
    if (!user) throw new AppError(401, 'sign_in_required', 'Sign in to use the studio.');
    if (role === 'admin' && user.role !== 'admin') throw new AppError(403, 'admin_only', 'Only an admin of the studio may do this.');
    await next();
  };
}
