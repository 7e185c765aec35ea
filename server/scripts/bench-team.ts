// Part of `npm run bench` (prints figures, asserts nothing): the studio for a team (issue 19).
// 1. Fair shares: one user holds 100 queued jobs; a second user's single image, request to answer,
//    in image-times (its time alone = 1; goal: at most 2). In process, PGlite, local engine 256².
// 2. Sign-in, and what being signed in costs: GET /api/config p50 over 2,000 requests with AUTH=users
//    (a session cookie; an API key) against AUTH=none (goal: within 1 ms), in process (app.request),
//    on PGlite and on a real PostgreSQL.
// 3. Two server processes on one PostgreSQL behind a round-robin proxy against one, images per
//    second on the local engine (128²), every image answered and recorded once (goal: no loss).
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { createApp, loadAppConfig } from '../app';
import { accounts } from '../auth/accounts';
import { openDatabase, type StudioDatabase } from '../db/open';
import type { Database } from '../db/schema';
import { startPostgres, type TestPostgres } from '../test/postgres';
import { startRoundRobinProxy } from '../test/round-robin-proxy';
import { startServerProcess, stopServersOnSignals, type ServerProcess } from '../test/server-process';

const PASSWORD = 'bench password, long enough';
const JSON_TYPE = { 'content-type': 'application/json' };
const quantile = (samples: number[], q: number) => [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
const ms = (v: number) => `${v.toFixed(v < 10 ? 3 : 0)} ms`;

type App = ReturnType<typeof createApp>['app'];

async function signIn(app: App, name: string): Promise<string> {
  const res = await app.request('/api/auth/sign-in', { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ name, password: PASSWORD }) });
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

const generateIn = async (app: App, cookie: string, seed: number) => {
  const res = await app.request('/api/generate', { method: 'POST', headers: { ...JSON_TYPE, cookie }, body: JSON.stringify({ prompt: 'bench team', seed }) });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`generate answered ${res.status}`);
};

stopServersOnSignals();
let postgres: TestPostgres | undefined;
try {
  // 1. Fair shares: at the default upstream concurrency (1 on the local engine), and at 4 (FriendliAI's default).
  console.log('\nFair shares (in process, PGlite, local engine 512²):');
  for (const concurrency of [undefined, 4]) {
    const database = await openDatabase();
    const config = loadAppConfig({ AUTH: 'users', FRIENDLI_TOKEN: '', LOCAL_ENGINE_SIZE: '512', RATE_LIMIT_PER_MINUTE: '0', ...(concurrency ? { UPSTREAM_CONCURRENCY: String(concurrency) } : {}), UPSTREAM_QUEUE: '200', LIMIT_IN_FLIGHT: '0', LIMIT_IMAGES_PER_MINUTE: '0' });
    const { app, engine } = createApp({ config, database });
    const users = accounts(database.db);
    const plotter = await users.add({ name: 'plotter', role: 'designer', password: PASSWORD });
    await users.add({ name: 'single', role: 'designer', password: PASSWORD });
    const [plot, single] = [await signIn(app, 'plotter'), await signIn(app, 'single')];
    for (let i = 0; i < 3; i++) await generateIn(app, single, i);
    const alone: number[] = [];
    for (let i = 0; i < 7; i++) {
      const start = performance.now();
      await generateIn(app, single, 10 + i);
      alone.push(performance.now() - start);
    }
    const imageTime = quantile(alone, 0.5);
    const batch = Promise.all(Array.from({ length: 100 }, (_, i) => generateIn(app, plot, 1000 + i)));
    // Until all 100 have their place (each admitted, then waiting for a turn).
    for (;;) {
      const row = await database.db.selectFrom('jobs').select(sql<string>`count(*)`.as('n')).where('user_id', '=', plotter.id).executeTakeFirstOrThrow();
      if (Number(row.n) >= 100) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    // Five in a row while the plot still has most of its jobs waiting (the median is printed).
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      await generateIn(app, single, 99 + i);
      waits.push(performance.now() - start);
    }
    const waited = quantile(waits, 0.5);
    const plotStart = performance.now();
    await batch;
    console.log(`  UPSTREAM_CONCURRENCY ${concurrency ?? 'default (1 on the local engine)'}: one image alone ${ms(imageTime)} (median of ${alone.length}); while another user holds 100 queued jobs ${ms(waited)} (median of ${waits.length})`);
    console.log(`    = ${(waited / imageTime).toFixed(2)} image-times (goal <= 2); the 100-job plot finished ${((performance.now() - plotStart) / 1000).toFixed(1)} s later`);
    await engine.close();
    await database.close();
  }

  // 2. Sign-in and the authorised request's overhead.
  postgres = await startPostgres({ database: 'bench' });
  console.log('\nSign-in and GET /api/config (in process, app.request, 2,000 requests after 200 to warm up):');
  const configP50 = async (app: App, headers: Record<string, string>) => {
    for (let i = 0; i < 200; i++) await (await app.request('/api/config', { headers })).arrayBuffer();
    const samples: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const start = performance.now();
      const res = await app.request('/api/config', { headers });
      await res.arrayBuffer();
      samples.push(performance.now() - start);
      if (res.status !== 200) throw new Error(`/api/config answered ${res.status}`);
    }
    return { p50: quantile(samples, 0.5), p95: quantile(samples, 0.95) };
  };
  const none = createApp({ config: loadAppConfig({ FRIENDLI_TOKEN: '' }) });
  const base = await configP50(none.app, {});
  console.log(`  AUTH=none                        p50 ${ms(base.p50)}   p95 ${ms(base.p95)}`);
  await none.engine.close();
  for (const [label, database] of [
    ['PGlite', await openDatabase()],
    ['PostgreSQL', await openDatabase({ url: postgres.url })],
  ] as [string, StudioDatabase][]) {
    const { app, engine } = createApp({ config: loadAppConfig({ AUTH: 'users', FRIENDLI_TOKEN: '', DATABASE_URL: label === 'PostgreSQL' ? postgres.url : undefined }), database });
    const users = accounts(database.db);
    const user = await users.add({ name: 'bench', role: 'designer', password: PASSWORD });
    const signIns: number[] = [];
    let cookie = '';
    for (let i = 0; i < 10; i++) {
      const start = performance.now();
      cookie = await signIn(app, 'bench');
      signIns.push(performance.now() - start);
    }
    const { key } = await users.createKey(user.id, 'bench');
    const byCookie = await configP50(app, { cookie });
    const byKey = await configP50(app, { authorization: `Bearer ${key}` });
    console.log(`  sign-in, ${label.padEnd(10)} (scrypt)  p50 ${ms(quantile(signIns, 0.5))}   (n=${signIns.length})`);
    console.log(`  AUTH=users, ${label.padEnd(10)} cookie  p50 ${ms(byCookie.p50)}   p95 ${ms(byCookie.p95)}   overhead p50 ${ms(byCookie.p50 - base.p50)} (goal <= 1 ms)`);
    console.log(`  AUTH=users, ${label.padEnd(10)} key     p50 ${ms(byKey.p50)}   p95 ${ms(byKey.p95)}   overhead p50 ${ms(byKey.p50 - base.p50)}`);
    await engine.close();
    await database.close();
  }

  // 3. Two instances on PostgreSQL against one.
  {
    const count = 120;
    const env = { DATABASE_URL: postgres.url, AUTH: 'users', FRIENDLI_TOKEN: '', LOCAL_ENGINE_SIZE: '128', RATE_LIMIT_PER_MINUTE: '0', LIMIT_IN_FLIGHT: '0', LIMIT_IMAGES_PER_MINUTE: '0', LIMIT_IMAGES_PER_DAY: '0', LOG_LEVEL: 'error' };
    const servers: ServerProcess[] = await Promise.all([startServerProcess({ env }), startServerProcess({ env })]);
    const pool = new pg.Pool({ connectionString: postgres.url, max: 2 });
    pool.on('error', () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    try {
      const user = await accounts(db).add({ name: 'throughput', role: 'designer', password: PASSWORD });
      console.log(`\nImages per second, local engine 128² PNG, ${count} images 8 at a time through a round-robin proxy (one PostgreSQL):`);
      const rates: number[] = [];
      for (const targets of [[servers[0]!.url], servers.map((s) => s.url)]) {
        const proxy = await startRoundRobinProxy(targets);
        const cookieRes = await fetch(`${proxy.url}/api/auth/sign-in`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ name: 'throughput', password: PASSWORD }) });
        const cookie = cookieRes.headers
          .getSetCookie()
          .map((c) => c.split(';')[0])
          .join('; ');
        const post = (seed: number) => fetch(`${proxy.url}/api/generate`, { method: 'POST', headers: { ...JSON_TYPE, cookie }, body: JSON.stringify({ prompt: 'throughput', seed }) });
        for (let i = 0; i < 8; i++) await (await post(i)).arrayBuffer();
        const before = await db.selectFrom('usage').select(sql<string>`coalesce(sum(images), 0)`.as('n')).where('user_id', '=', user.id).where('outcome', '=', 'ok').executeTakeFirstOrThrow();
        const ids = new Set<string>();
        let failed = 0;
        let next = 0;
        const start = performance.now();
        await Promise.all(
          Array.from({ length: 8 }, async () => {
            while (next < count) {
              const res = await post(10_000 + next++);
              if (res.status === 200) for (const image of ((await res.json()) as { images: { id: string }[] }).images) ids.add(image.id);
              else {
                failed++;
                await res.arrayBuffer();
              }
            }
          }),
        );
        const seconds = (performance.now() - start) / 1000;
        const after = await db.selectFrom('usage').select(sql<string>`coalesce(sum(images), 0)`.as('n')).where('user_id', '=', user.id).where('outcome', '=', 'ok').executeTakeFirstOrThrow();
        const recorded = Number(after.n) - Number(before.n);
        rates.push(count / seconds);
        console.log(
          `  ${targets.length} instance${targets.length > 1 ? 's' : ''}: ${(count / seconds).toFixed(1)} images/s (${seconds.toFixed(1)} s); answered ${ids.size}/${count}, failed ${failed}, recorded ${recorded}${ids.size === count && recorded === count ? ' (no loss)' : ' (LOSS)'}`,
        );
        await proxy.close();
      }
      console.log(`  two against one: ${(rates[1]! / rates[0]!).toFixed(2)}× (on this machine's ${(await import('node:os')).availableParallelism()} cores, shared with the PostgreSQL and the client)`);
    } finally {
      await db.destroy();
      await Promise.all(servers.map((s) => s.stop()));
    }
  }
} finally {
  await postgres?.stop();
}
