// Who is using the studio, through app.request() on a real (in-memory) PGlite database: sign-in and
// its limits, sessions that end everywhere, API keys, the proxy header, admin routes, and images
// that only their owner gets back. Two apps on one database stand for two instances.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, loadAppConfig } from '../app';
import { createLogger } from '../errors';
import { openDatabase, type StudioDatabase } from '../db/open';
import { accounts } from './accounts';

const json = { 'content-type': 'application/json' };
const PASSWORD = 'correct horse battery';
let database: StudioDatabase;
let one: ReturnType<typeof createApp>;
let two: ReturnType<typeof createApp>;
const logLines: string[] = [];

beforeAll(async () => {
  database = await openDatabase();
  const config = loadAppConfig({ AUTH: 'users', LOCAL_ENGINE_SIZE: '64', RATE_LIMIT_PER_MINUTE: '0' });
  // Two instances on one shared database, as with PostgreSQL: neither may remember sessions the
  // other could end (the embedded database's single instance may: see its own test below).
  const shared = { ...database, kind: 'postgres' as const };
  one = createApp({ config, database: shared, logger: createLogger([], (l) => logLines.push(l)) });
  two = createApp({ config, database: shared, engine: one.engine });
  const users = accounts(database.db);
  await users.add({ name: 'Ana', role: 'admin', password: PASSWORD });
  await users.add({ name: 'bo', role: 'designer', password: PASSWORD });
  await users.add({ name: 'cy', role: 'designer', password: PASSWORD });
});
afterAll(async () => {
  await one.engine.close();
  await database.close();
});

type App = typeof one;
const call = (app: App, path: string, { cookie, body, method, headers = {} }: { cookie?: string; body?: unknown; method?: string; headers?: Record<string, string> } = {}) =>
  app.app.request(path, {
    method: method ?? (body === undefined ? 'GET' : 'POST'),
    headers: { ...(body === undefined ? {} : json), ...(cookie ? { cookie } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

/** Signs in and returns the Cookie header to send (session and space). */
async function signIn(app: App, name: string, password = PASSWORD): Promise<string> {
  const res = await call(app, '/api/auth/sign-in', { body: { name, password } });
  expect(res.status).toBe(200);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

describe('AUTH=users', () => {
  it('refuses the API without a user, but answers health and what the sign-in page needs', async () => {
    expect((await call(one, '/api/config')).status).toBe(401);
    expect(await (await call(one, '/api/config')).json()).toMatchObject({ error: { code: 'sign_in_required' } });
    expect((await call(one, '/api/health')).status).toBe(200);
    expect(await (await call(one, '/api/auth/session')).json()).toEqual({ mode: 'users', user: null, space: '' });
    expect((await call(one, '/local/dedicated/v1/images/generations', { body: { prompt: 'x' } })).status).toBe(401);
  });

  it('signs in with an HttpOnly, SameSite=Lax session cookie that works on every instance', async () => {
    const res = await call(one, '/api/auth/sign-in', { body: { name: 'ana', password: PASSWORD } });
    expect(res.status).toBe(200);
    const session = res.headers.getSetCookie().find((c) => c.startsWith('studio_session='))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).not.toMatch(/Secure/);
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    expect((await call(two, '/api/config', { cookie })).status).toBe(200);
    const info = await (await call(two, '/api/auth/session', { cookie })).json();
    expect(info).toMatchObject({ mode: 'users', user: { name: 'Ana', role: 'admin' } });
    expect(info.space).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('marks the cookies Secure behind a trusted https proxy', async () => {
    const app = createApp({ config: loadAppConfig({ AUTH: 'users', LOCAL_ENGINE_SIZE: '64', TRUSTED_PROXIES: '127.0.0.5' }), database, engine: one.engine });
    const res = await app.app.request('/api/auth/sign-in', { method: 'POST', headers: { ...json, 'x-forwarded-proto': 'https' }, body: JSON.stringify({ name: 'bo', password: PASSWORD }) }, { incoming: { socket: { remoteAddress: '127.0.0.5' } } });
    expect(res.headers.getSetCookie().every((c) => /;\s*Secure/i.test(c))).toBe(true);
    // The same header from anyone else is not believed.
    const direct = await app.app.request('/api/auth/sign-in', { method: 'POST', headers: { ...json, 'x-forwarded-proto': 'https' }, body: JSON.stringify({ name: 'bo', password: PASSWORD }) }, { incoming: { socket: { remoteAddress: '127.0.0.9' } } });
    expect(direct.headers.getSetCookie().some((c) => /;\s*Secure/i.test(c))).toBe(false);
  });

  it('answers a wrong password and an unknown name alike, and never logs the password', async () => {
    const wrong = await call(one, '/api/auth/sign-in', { body: { name: 'cy', password: 'not the password' } });
    const unknown = await call(one, '/api/auth/sign-in', { body: { name: 'nobody-here', password: 'not the password' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
    expect(logLines.join('\n')).not.toContain('not the password');
  });

  it('limits failed sign-ins per account, with a clear "try again in N s", whether or not the name exists', async () => {
    for (const name of ['cy', 'ghost']) {
      for (let i = 0; i < 5; i++) await call(one, '/api/auth/sign-in', { body: { name, password: `wrong ${i}` } });
      // Even the right password waits now: the lock is the account's, counted on every instance.
      const res = await call(two, '/api/auth/sign-in', { body: { name, password: PASSWORD } });
      expect(res.status).toBe(429);
      const wait = Number(res.headers.get('retry-after'));
      expect(wait).toBeGreaterThan(0);
      expect((await res.json()).error.message).toBe(`Too many failed sign-ins. Try again in ${wait} s.`);
    }
    // Another account is not locked by them.
    await signIn(one, 'bo');
  });

  it('limits failed sign-ins per address across names', async () => {
    // The same rule at a smaller count than the default 30, so the test hashes a few passwords, not thirty.
    const app = createApp({ config: loadAppConfig({ AUTH: 'users', LOCAL_ENGINE_SIZE: '64' }), database, engine: one.engine, signInPolicy: { perAddress: 3 } });
    const env = { incoming: { socket: { remoteAddress: '127.0.0.7' } } };
    const attempt = (name: string) => app.app.request('/api/auth/sign-in', { method: 'POST', headers: json, body: JSON.stringify({ name, password: 'spray' }) }, env);
    let status = 0;
    for (let i = 0; i < 4 && status !== 429; i++) status = (await attempt(`spray-${i}`)).status;
    expect(status).toBe(429);
    expect((await attempt('another-name')).status).toBe(429);
  });

  it('ends the session on sign-out, on every instance', async () => {
    const cookie = await signIn(one, 'bo');
    expect((await call(two, '/api/config', { cookie })).status).toBe(200);
    expect((await call(one, '/api/auth/sign-out', { cookie, body: {} })).status).toBe(200);
    expect((await call(two, '/api/config', { cookie })).status).toBe(401);
  });

  it('ends every session and key of a user an admin disables', async () => {
    const users = accounts(database.db);
    const dee = await users.add({ name: 'dee', role: 'designer', password: PASSWORD });
    const cookie = await signIn(one, 'dee');
    const { key } = await (await call(one, '/api/auth/keys', { cookie, body: { name: 'script' } })).json();
    const admin = await signIn(two, 'Ana');
    expect((await call(two, `/api/admin/users/${dee.id}`, { cookie: admin, method: 'PATCH', body: { disabled: true } })).status).toBe(200);
    expect((await call(one, '/api/config', { cookie })).status).toBe(401);
    expect((await call(one, '/api/config', { headers: { authorization: `Bearer ${key}` } })).status).toBe(401);
    expect((await call(one, '/api/auth/sign-in', { body: { name: 'dee', password: PASSWORD } })).status).toBe(401);
  });

  it('gives API keys that are shown once, stored hashed, and revocable', async () => {
    const cookie = await signIn(one, 'bo');
    const made = await call(one, '/api/auth/keys', { cookie, body: { name: 'ci' } });
    expect(made.status).toBe(201);
    const { id, key, prefix } = await made.json();
    expect(key).toMatch(/^fis_/);
    expect(key.startsWith(prefix)).toBe(true);
    const listed = await (await call(one, '/api/auth/keys', { cookie })).json();
    expect(JSON.stringify(listed)).not.toContain(key);
    const stored = await database.db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(key);
    const bearer = { authorization: `Bearer ${key}` };
    expect((await call(two, '/api/config', { headers: bearer })).status).toBe(200);
    expect((await call(one, `/api/auth/keys/${id}/revoke`, { cookie, body: {} })).status).toBe(200);
    expect((await call(two, '/api/config', { headers: bearer })).status).toBe(401);
  });

  it('keeps admin routes to admins', async () => {
    const designer = await signIn(one, 'bo');
    expect((await call(one, '/api/admin/users', { cookie: designer })).status).toBe(403);
    const admin = await signIn(one, 'Ana');
    const list = await (await call(one, '/api/admin/users', { cookie: admin })).json();
    expect(list.users.map((u: { name: string }) => u.name)).toContain('bo');
    expect(JSON.stringify(list)).not.toMatch(/scrypt|password/);
    const added = await call(one, '/api/admin/users', { cookie: admin, body: { name: 'eve', role: 'designer', password: 'short' } });
    expect(added.status).toBe(400);
    expect((await call(one, '/api/admin/users', { cookie: admin, body: { name: 'BO', role: 'designer', password: PASSWORD } })).status).toBe(409);
  });

  it('gives an image back only to the user who made it', async () => {
    const ana = await signIn(one, 'Ana');
    const bo = await signIn(one, 'bo');
    const made = await call(one, '/api/generate', { cookie: ana, body: { prompt: 'a red fox', num_inference_steps: 1, seed: 1 } });
    expect(made.status).toBe(200);
    const { images } = await made.json();
    expect((await call(one, images[0].url, { cookie: ana })).status).toBe(200);
    const other = await call(one, images[0].url, { cookie: bo });
    expect(other.status).toBe(404);
    const guessed = await call(one, '/api/images/AAAAAAAAAAAAAAAAAAAAAA', { cookie: bo });
    expect(await other.json()).toEqual(await guessed.json());
  });

  it('still refuses writes from other sites', async () => {
    const res = await call(one, '/api/auth/sign-in', { body: { name: 'bo', password: PASSWORD }, headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
  });
});

describe('AUTH=users on the embedded database (one instance, sessions remembered)', () => {
  it('still ends a session at sign-out, a new password or disabling, at once', async () => {
    const single = createApp({ config: loadAppConfig({ AUTH: 'users', LOCAL_ENGINE_SIZE: '64' }), database, engine: one.engine });
    const users = accounts(database.db);
    const gil = await users.add({ name: 'gil', role: 'designer', password: PASSWORD });
    const admin = await signIn(single, 'Ana');
    for (const change of [{ disabled: true }, { password: 'another long password' }]) {
      const cookie = await signIn(single, 'gil');
      expect((await call(single, '/api/config', { cookie })).status).toBe(200);
      expect((await call(single, '/api/config', { cookie })).status).toBe(200);
      expect((await call(single, `/api/admin/users/${gil.id}`, { cookie: admin, method: 'PATCH', body: change })).status).toBe(200);
      expect((await call(single, '/api/config', { cookie })).status).toBe(401);
      if ('disabled' in change) await call(single, `/api/admin/users/${gil.id}`, { cookie: admin, method: 'PATCH', body: { disabled: false } });
    }
    const cookie = await signIn(single, 'gil', 'another long password');
    expect((await call(single, '/api/config', { cookie })).status).toBe(200);
    await call(single, '/api/auth/sign-out', { cookie, body: {} });
    expect((await call(single, '/api/config', { cookie })).status).toBe(401);
  });
});

describe('AUTH=proxy', () => {
  let proxied: App;
  // Loopback addresses only (tests target nothing else): 127.0.0.0/29 stands for the proxy's network.
  beforeAll(() => {
    proxied = createApp({ config: loadAppConfig({ AUTH: 'proxy', TRUSTED_PROXIES: '127.0.0.0/29', LOCAL_ENGINE_SIZE: '64' }), database, engine: one.engine });
  });
  const from = (remoteAddress: string, headers: Record<string, string> = {}) => proxied.app.request('/api/auth/session', { headers }, { incoming: { socket: { remoteAddress } } });

  it('believes the user header from a trusted proxy, and makes the user on first sight', async () => {
    const res = await from('127.0.0.7', { 'x-forwarded-user': 'fay' });
    expect(await res.json()).toMatchObject({ mode: 'proxy', user: { name: 'fay', role: 'designer' } });
    // Also as an IPv4-mapped IPv6 peer.
    expect(await (await from('::ffff:127.0.0.7', { 'x-forwarded-user': 'fay' })).json()).toMatchObject({ user: { name: 'fay' } });
  });

  it('refuses the header from anyone else, rather than ignoring it', async () => {
    const res = await from('127.0.0.200', { 'x-forwarded-user': 'Ana' });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('untrusted_proxy');
  });

  it('has no user without the header', async () => {
    const res = await proxied.app.request('/api/config', {}, { incoming: { socket: { remoteAddress: '127.0.0.7' } } });
    expect(res.status).toBe(401);
  });
});
