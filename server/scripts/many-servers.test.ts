// Many servers (issue 19): two real studio processes (AUTH=users) on one real PostgreSQL
// (server/test/postgres.ts) behind a round-robin proxy on loopback. Both start at once on an empty
// database (each runs the migrations); a user signs in through one and works through the other; one
// user's daily limit is counted across both; an image made through one is fetched through the
// other; PostgreSQL stopped and started again: /readyz and requests say so (503), and both
// recover by themselves; one instance killed mid-batch: the batch completes through the other, no
// image lost or made twice. Every wait is on a condition (vi.waitFor polls), never a sleep.
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { accounts } from '../auth/accounts';
import type { Database } from '../db/schema';
import { startPostgres, type TestPostgres } from '../test/postgres';
import { startRoundRobinProxy, type RoundRobinProxy } from '../test/round-robin-proxy';
import { startServerProcess, type ServerProcess } from '../test/server-process';

const PASSWORD = 'many servers, one database';
const JSON_TYPE = { 'content-type': 'application/json' };
const PNG = [0x89, 0x50, 0x4e, 0x47];

let postgres: TestPostgres;
let db: Kysely<Database>;
let a: ServerProcess;
let b: ServerProcess;
let proxy: RoundRobinProxy;

async function signIn(base: string, name: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ name, password: PASSWORD }) });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

const generate = (base: string, cookie: string, seed: number) =>
  fetch(`${base}/api/generate`, { method: 'POST', headers: { ...JSON_TYPE, cookie }, body: JSON.stringify({ prompt: 'many servers', seed, response_format: 'png' }) });

async function imageOf(res: Response): Promise<{ id: string; url: string }> {
  expect(res.status, await res.clone().text()).toBe(200);
  const body = (await res.json()) as { images: { id: string; url: string }[] };
  expect(body.images).toHaveLength(1);
  return body.images[0]!;
}

async function addUser(name: string, limits: { images_per_day?: number } = {}) {
  const user = await accounts(db).add({ name, role: 'designer', password: PASSWORD });
  if (limits.images_per_day !== undefined) await accounts(db).update(user.id, limits);
  return user;
}

const readyz = async (base: string) => {
  const res = await fetch(`${base}/readyz`);
  return { status: res.status, body: (await res.json()) as { ready: boolean; reasons?: string[] } };
};

beforeAll(async () => {
  postgres = await startPostgres();
  const env = {
    DATABASE_URL: postgres.url,
    AUTH: 'users',
    FRIENDLI_TOKEN: '',
    LOCAL_ENGINE_SIZE: '64',
    LIMIT_IMAGES_PER_DAY: '3',
    LIMIT_IMAGES_PER_MINUTE: '0',
    LIMIT_IN_FLIGHT: '0',
    RATE_LIMIT_PER_MINUTE: '0',
    LOG_LEVEL: 'error',
  };
  // Both at once on an empty database: each runs the migrations, under PostgreSQL's lock.
  [a, b] = await Promise.all([startServerProcess({ env }), startServerProcess({ env })]);
  proxy = await startRoundRobinProxy([a.url, b.url]);
  const pool = new pg.Pool({ connectionString: postgres.url, max: 2 });
  // Its idle connections end when PostgreSQL stops (the outage test): replaced on the next query.
  pool.on('error', () => {});
  db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}, 180_000);

afterAll(async () => {
  await proxy?.close();
  await Promise.all([a?.stop(), b?.stop()]);
  await db?.destroy();
  await postgres?.stop();
}, 60_000);

describe('two studio instances on one PostgreSQL', () => {
  it('both started at once on an empty database, the migrations ran once, and both are ready', async () => {
    const ran = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    expect(ran.rows.length).toBeGreaterThan(0);
    expect(new Set(ran.rows.map((r) => r.name)).size).toBe(ran.rows.length);
    for (const server of [a, b]) expect(await readyz(server.url)).toEqual({ status: 200, body: { ready: true } });
  });

  it('a user signed in through one instance works through the other, and fetches its image through the first', async () => {
    await addUser('ada');
    const cookie = await signIn(a.url, 'ada');
    const session = await (await fetch(`${b.url}/api/auth/session`, { headers: { cookie } })).json();
    expect(session).toMatchObject({ mode: 'users', user: { name: 'ada', role: 'designer' } });

    const image = await imageOf(await generate(b.url, cookie, 1));
    const fetched = await fetch(`${a.url}${image.url}`, { headers: { cookie } });
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get('content-type')).toBe('image/png');
    expect([...new Uint8Array(await fetched.arrayBuffer()).subarray(0, 4)]).toEqual(PNG);
    // Still only its owner's, on every instance.
    await addUser('ben');
    const other = await signIn(b.url, 'ben');
    expect((await fetch(`${a.url}${image.url}`, { headers: { cookie: other } })).status).toBe(404);
    expect((await fetch(`${b.url}${image.url}`, { headers: { cookie: other } })).status).toBe(404);
  }, 60_000);

  it("one user's daily limit is counted across both instances", async () => {
    await addUser('cleo');
    const cookie = await signIn(a.url, 'cleo');
    // LIMIT_IMAGES_PER_DAY=3: two images through one instance, one through the other.
    for (const [i, server] of [a, b, a].entries()) await imageOf(await generate(server.url, cookie, 10 + i));
    for (const server of [b, a]) {
      const refused = await generate(server.url, cookie, 20);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('limit_per_day');
    }
    const quota = await (await fetch(`${b.url}/api/quota`, { headers: { cookie } })).json();
    expect(quota).toMatchObject({ used_today: 3, left_today: 0 });
  }, 60_000);

  it('PostgreSQL stopped: /readyz and requests answer 503 database; started again: both recover without a restart', async () => {
    await addUser('dev');
    const cookie = await signIn(b.url, 'dev');
    const before = await imageOf(await generate(a.url, cookie, 29));
    await postgres.pause();
    try {
      for (const server of [a, b]) {
        await vi.waitFor(
          async () => {
            const ready = await readyz(server.url);
            expect(ready.status).toBe(503);
            expect(ready.body.reasons?.some((r) => r.startsWith('database'))).toBe(true);
          },
          { timeout: 30_000, interval: 100 },
        );
        // Who am I, a sign-in (never taken for a wrong password), an image, an image made before.
        const requests = [
          () => fetch(`${server.url}/api/auth/session`, { headers: { cookie } }),
          () => fetch(`${server.url}/api/auth/sign-in`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ name: 'dev', password: PASSWORD }) }),
          () => generate(server.url, cookie, 30),
          () => fetch(`${server.url}${before.url}`, { headers: { cookie } }),
        ];
        for (const request of requests) {
          const res = await request();
          expect(res.status).toBe(503);
          expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
          const text = await res.text();
          expect(JSON.parse(text)).toMatchObject({ error: { code: 'database_unavailable' } });
          // A clear answer: no stack, no connection details.
          expect(text).not.toMatch(/\bat .*\.(ts|js):\d+|127\.0\.0\.1|postgres:/);
        }
      }
    } finally {
      await postgres.start();
    }
    for (const server of [a, b]) {
      await vi.waitFor(async () => expect(await readyz(server.url)).toEqual({ status: 200, body: { ready: true } }), { timeout: 60_000, interval: 100 });
      // The session and the image made before the outage are still there, and work goes on.
      expect((await fetch(`${server.url}${before.url}`, { headers: { cookie } })).status).toBe(200);
      await imageOf(await generate(server.url, cookie, 31));
    }
    expect(a.child.exitCode).toBeNull();
    expect(b.child.exitCode).toBeNull();
  }, 120_000);

  it('one instance killed mid-batch: the batch completes through the other, no image lost or made twice', async () => {
    const eve = await addUser('eve', { images_per_day: 1000 });
    const cookie = await signIn(proxy.url, 'eve');
    const total = 16;
    const images: { id: string; url: string }[] = [];
    let failedTries = 0;
    let next = 0;
    // The client: three at a time through the proxy; a try that fails (the instance went away) is
    // sent again, and the proxy's next turn is the other instance.
    const batch = Promise.all(
      Array.from({ length: 3 }, async () => {
        while (next < total) {
          const seed = 100 + next++;
          for (let attempt = 0; ; attempt++) {
            expect(attempt).toBeLessThan(10);
            const res = await generate(proxy.url, cookie, seed).catch(() => undefined);
            if (res?.status === 200) {
              images.push(await imageOf(res));
              break;
            }
            expect([undefined, 502, 503]).toContain(res?.status);
            await res?.arrayBuffer();
            failedTries++;
          }
        }
      }),
    );
    // Mid-batch: once a few are made, the next request bound for instance A is held until A has
    // nothing else in flight, then sent, and A is killed as it arrives (so it cannot have made it).
    await vi.waitFor(() => expect(images.length).toBeGreaterThanOrEqual(4), { timeout: 60_000, interval: 20 });
    const held = await proxy.holdNext(0);
    await vi.waitFor(() => expect(proxy.inFlight(0)).toBe(0), { timeout: 30_000, interval: 10 });
    held.release(() => process.kill(a.pid, 'SIGKILL'));
    expect(await a.exited).toBe('SIGKILL');
    await batch;

    expect(images.length).toBe(total);
    expect(new Set(images.map((i) => i.id)).size).toBe(total);
    expect(failedTries).toBeGreaterThanOrEqual(1);
    expect(proxy.failures()).toBeGreaterThanOrEqual(1);
    // Made once each: the usage record and the shared image store hold exactly the images answered.
    const usage = await db.selectFrom('usage').select(sql<string>`coalesce(sum(images), 0)`.as('n')).where('user_id', '=', eve.id).where('outcome', '=', 'ok').executeTakeFirstOrThrow();
    expect(Number(usage.n)).toBe(total);
    const stored = await db.selectFrom('images').select('id').where('user_id', '=', eve.id).execute();
    expect(stored.map((r) => r.id).sort()).toEqual(images.map((i) => i.id).sort());
    // Every one of them, wherever it was made, is served by the instance left.
    for (const image of images) expect((await fetch(`${b.url}${image.url}`, { headers: { cookie } })).status).toBe(200);
  }, 180_000);
});
