// Request guards: who may talk to this server at all (Host allow-list against DNS rebinding,
// access key beyond loopback), and who may spend the token (no cross-site writes, JSON only).
// originGuard is not hono/csrf: that one checks only form-like content types (a JSON POST passes
// it untouched) and lets a request through when either Origin or Sec-Fetch-Site looks right, so
// it would not refuse e.g. a missing Origin with `Sec-Fetch-Site: same-site`, as this one does.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { AppError } from '../errors';

/** The host name of a Host header or an origin's host, without port, lower-cased; IPv6 kept in brackets. */
function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  return h.split(':')[0]!;
}

/** Refuses any request whose Host is not one of this server's own names (DNS rebinding). */
export function hostGuard(allowedHosts: readonly string[]): MiddlewareHandler {
  const allowed = new Set(allowedHosts);
  return async (c, next) => {
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    if (!allowed.has(hostName(host))) {
      throw new AppError(403, 'forbidden_host', `This server does not answer to the host name "${hostName(host)}". Add it to ALLOWED_HOSTS if the studio is served under that name.`);
    }
    await next();
  };
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses writes from other sites: a page elsewhere (or a sandboxed frame, Origin `null`) must not
 * spend the user's credits. Browsers always send Origin on cross-origin POSTs, including `text/plain`
 * "simple" requests that skip the CORS preflight; clients with no Origin (curl, SDKs) are not browsers.
 */
export const originGuard: MiddlewareHandler = async (c, next) => {
  if (WRITE_METHODS.has(c.req.method)) {
    const origin = c.req.header('origin');
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    const fetchSite = c.req.header('sec-fetch-site');
    let sameOrigin = true;
    if (origin !== undefined) {
      try {
        sameOrigin = origin !== 'null' && new URL(origin).host.toLowerCase() === host.toLowerCase();
      } catch {
        sameOrigin = false;
      }
    } else if (fetchSite === 'cross-site' || fetchSite === 'same-site') {
      sameOrigin = false;
    }
    if (!sameOrigin) {
      throw new AppError(403, 'forbidden_origin', 'Requests that generate images must come from the studio itself, not from another site.');
    }
  }
  await next();
};

/** Writes must be JSON: this also turns away HTML forms and `text/plain` simple requests. */
export const requireJson: MiddlewareHandler = async (c, next) => {
  if (WRITE_METHODS.has(c.req.method)) {
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/json\s*(;|$)/i.test(type)) {
      throw new AppError(415, 'unsupported_media_type', 'Send the request body as JSON, with Content-Type: application/json.');
    }
  }
  await next();
};

const KEY_COOKIE = 'studio_key';
const digest = (value: string) => createHash('sha256').update(value).digest();

/** What the cookie holds: derived from the key, so the key itself is never stored in the browser. */
function accessCookieValue(accessKey: string): string {
  return createHmac('sha256', accessKey).update('friendli-image-studio access cookie v1').digest('base64url');
}

/**
 * Requires the access key on every request: as the `X-Access-Key` header (scripts, SDKs), or as a
 * cookie that opening the studio once with `?key=…` sets (browsers). Compared in constant time.
 * The cookie is SameSite=Lax so that a shared link opened from another site still works (writes
 * are guarded by originGuard), holds a value derived from the key, and is Secure over https.
 */
export function accessKeyGuard(accessKey: string): MiddlewareHandler {
  const expected = digest(accessKey);
  const cookieValue = accessCookieValue(accessKey);
  const expectedCookie = digest(cookieValue);
  const matches = (given: string | undefined) => given !== undefined && timingSafeEqual(digest(given), expected);
  const cookieMatches = (given: string | undefined) => given !== undefined && timingSafeEqual(digest(given), expectedCookie);
  return async (c, next) => {
    const fromQuery = c.req.query('key');
    if (c.req.method === 'GET' && fromQuery !== undefined && matches(fromQuery)) {
      const secure = new URL(c.req.url).protocol === 'https:';
      setCookie(c, KEY_COOKIE, cookieValue, { httpOnly: true, sameSite: 'Lax', secure, path: '/', maxAge: 60 * 60 * 24 * 30 });
      const clean = new URL(c.req.url);
      clean.searchParams.delete('key');
      return c.redirect(clean.pathname + clean.search, 303);
    }
    if (!matches(c.req.header('x-access-key')) && !cookieMatches(getCookie(c, KEY_COOKIE))) {
      throw new AppError(401, 'access_key_required', 'This studio needs its access key: open it once with ?key=<APP_ACCESS_KEY>, or send the X-Access-Key header.');
    }
    await next();
  };
}
