// Fair shares and the usage record, on a real (in-memory) PGlite database; two apps on one
// database stand for two instances.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, loadAppConfig } from '../app';
import { accounts } from '../auth/accounts';
import { openDatabase, type StudioDatabase } from '../db/open';
import { createShares } from './shares';

const PASSWORD = 'correct horse battery';
const json = { 'content-type': 'application/json' };
let database: StudioDatabase;

beforeAll(async () => {
  database = await openDatabase();
});
afterAll(() => database.close());

async function newUser(name: string, limits: { max_in_flight?: number; images_per_minute?: number; images_per_day?: number } = {}) {
  const users = accounts(database.db);
  const user = await users.add({ name, role: 'designer', password: PASSWORD });
  if (Object.keys(limits).length) await users.update(user.id, limits);
  return user;
}

describe('shares', () => {
  const defaults = { inFlight: 2, perMinute: 0, perDay: 0 };

  it('refuses a job past the user’s jobs in flight, and frees the place when one finishes', async () => {
    const shares = createShares(database.db, defaults);
    const ana = await newUser('ana-flight');
    const one = await shares.admit(ana.id, 'ep', 1);
    const two = await shares.admit(ana.id, 'ep', 1);
    await expect(shares.admit(ana.id, 'ep', 1)).rejects.toMatchObject({ status: 429, code: 'limit_in_flight', extra: { retryAfterSeconds: 2 } });
    await one(true);
    const three = await shares.admit(ana.id, 'ep', 1);
    await two(true);
    await three(false);
  });

  it('stops counting a job whose instance died once its heartbeat is old', async () => {
    const shares = createShares(database.db, { inFlight: 1, perMinute: 0, perDay: 0 });
    const bo = await newUser('bo-stale');
    const long = new Date(Date.now() - 5 * 60_000);
    await database.db.insertInto('jobs').values({ id: 'dead-instance-job', user_id: bo.id, endpoint: 'ep', images: 1, started_at: long, heartbeat_at: long, finished_at: null, ok: null }).execute();
    const end = await shares.admit(bo.id, 'ep', 1);
    await end(true);
  });

  it('says which limit and when it frees: images a minute', async () => {
    const shares = createShares(database.db, { inFlight: 0, perMinute: 2, perDay: 0 });
    const cy = await newUser('cy-minute');
    const now = new Date('2026-12-04T12:00:00Z');
    await (await shares.admit(cy.id, 'ep', 1, now))(true);
    await (await shares.admit(cy.id, 'ep', 1, new Date(now.getTime() + 20_000)))(true);
    const refused = shares.admit(cy.id, 'ep', 1, new Date(now.getTime() + 30_000));
    await expect(refused).rejects.toMatchObject({ status: 429, code: 'limit_per_minute', extra: { retryAfterSeconds: 30 } });
    await expect(refused).rejects.toThrow('You reached your limit of 2 images a minute; more are allowed in 30 s.');
    // A minute after the first, one place is free again.
    await (await shares.admit(cy.id, 'ep', 1, new Date(now.getTime() + 61_000)))(true);
  });

  it('does not count a job that failed upstream', async () => {
    const shares = createShares(database.db, { inFlight: 0, perMinute: 0, perDay: 1 });
    const dee = await newUser('dee-failed');
    await (await shares.admit(dee.id, 'ep', 1))(false);
    await (await shares.admit(dee.id, 'ep', 1))(true);
    await expect(shares.admit(dee.id, 'ep', 1)).rejects.toMatchObject({ code: 'limit_per_day' });
  });

  it('uses the user’s own limit over the default', async () => {
    const shares = createShares(database.db, { inFlight: 0, perMinute: 0, perDay: 100 });
    const eve = await newUser('eve-own', { images_per_day: 1 });
    await (await shares.admit(eve.id, 'ep', 1))(true);
    await expect(shares.admit(eve.id, 'ep', 1)).rejects.toMatchObject({ code: 'limit_per_day' });
    expect(await shares.quota(eve.id)).toEqual({ used_today: 1, per_day: 1, left_today: 0 });
  });
});

describe('through the API, on two instances', () => {
  let one: ReturnType<typeof createApp>;
  let two: ReturnType<typeof createApp>;
  beforeAll(async () => {
    const config = loadAppConfig({ AUTH: 'users', LOCAL_ENGINE_SIZE: '64', RATE_LIMIT_PER_MINUTE: '0', LIMIT_IMAGES_PER_DAY: '2' });
    one = createApp({ config, database });
    two = createApp({ config, database, engine: one.engine });
    await newUser('fay-api');
    await newUser('gus-api');
  });
  afterAll(() => one.engine.close());

  const cookieOf = async (app: typeof one, name = 'fay-api') => {
    const res = await app.app.request('/api/auth/sign-in', { method: 'POST', headers: json, body: JSON.stringify({ name, password: PASSWORD }) });
    return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  };
  const generate = (app: typeof one, cookie: string) =>
    app.app.request('/api/generate', { method: 'POST', headers: { ...json, cookie }, body: JSON.stringify({ prompt: 'a quiet harbour', num_inference_steps: 1 }) });

  it('counts a user’s daily limit across instances, refuses past it with a 429 and Retry-After, and shows what is left', async () => {
    const cookie = await cookieOf(one);
    expect(await (await one.app.request('/api/quota', { headers: { cookie } })).json()).toEqual({ used_today: 0, per_day: 2, left_today: 2 });
    expect((await generate(one, cookie)).status).toBe(200);
    expect((await generate(two, cookie)).status).toBe(200);
    const refused = await generate(one, cookie);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await refused.json()).error.message).toMatch(/^You reached your limit of 2 images a day; it starts again at midnight UTC, in /);
    expect(await (await two.app.request('/api/quota', { headers: { cookie } })).json()).toEqual({ used_today: 2, per_day: 2, left_today: 0 });
  });

  it('records every upstream call: who, where, what and how it went', async () => {
    expect((await generate(two, await cookieOf(two, 'gus-api'))).status).toBe(200);
    const gus = (await accounts(database.db).byName('gus-api'))!;
    const rows = await database.db.selectFrom('usage').selectAll().where('user_id', '=', gus.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ endpoint: 'local-engine', adapter: null, kind: 'generate', steps: 1, width: 64, height: 64, response_format: 'url', images: 1, outcome: 'ok' });
    expect(rows[0]!.bytes).toBeGreaterThan(0);
  });
});
