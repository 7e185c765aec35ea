// The Usage pages' server side: a user's own usage per day, every user's for an admin (and as CSV),
// the period's rules; on a real (in-memory) PGlite database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, loadAppConfig } from '../app';
import { accounts } from '../auth/accounts';
import { openDatabase, type StudioDatabase } from '../db/open';
import type { UsageRecord } from '../db/schema';
import { csvCell, usageCsv } from './usage';

const PASSWORD = 'correct horse battery';
const json = { 'content-type': 'application/json' };
let database: StudioDatabase;
let studio: ReturnType<typeof createApp>;
const ids: Record<string, string> = {};

const call = (over: Partial<UsageRecord> & { user_id: string; created_at: string }): UsageRecord => ({
  endpoint: 'ep',
  adapter: null,
  kind: 'generate',
  steps: 4,
  width: 64,
  height: 64,
  response_format: 'url',
  images: 1,
  duration_ms: 1500,
  outcome: 'ok',
  bytes: 1000,
  ...over,
});

beforeAll(async () => {
  database = await openDatabase();
  const users = accounts(database.db);
  for (const [name, role] of [['ada', 'admin'], ['bea', 'designer'], ['+cal', 'designer']] as const) ids[name] = (await users.add({ name, role, password: PASSWORD })).id;
  studio = createApp({ config: loadAppConfig({ AUTH: 'users', LOCAL_ENGINE_SIZE: '64', RATE_LIMIT_PER_MINUTE: '0' }), database });
  await database.db
    .insertInto('usage')
    .values([
      // bea: two days, a failed call and an edit on the first; one call just outside the period on each side.
      call({ user_id: ids.bea!, created_at: '2026-11-01T00:00:00Z' }),
      call({ user_id: ids.bea!, created_at: '2026-11-01T23:59:59Z', kind: 'edit', duration_ms: 2000, bytes: 500 }),
      call({ user_id: ids.bea!, created_at: '2026-11-01T12:00:00Z', outcome: 'upstream_timeout', images: 0, bytes: 0, duration_ms: 30000 }),
      call({ user_id: ids.bea!, created_at: '2026-11-03T08:00:00Z', images: 1 }),
      call({ user_id: ids.bea!, created_at: '2026-10-31T23:59:59Z' }),
      call({ user_id: ids.bea!, created_at: '2026-11-04T00:00:00Z' }),
      // +cal, whose name a spreadsheet would run as a formula.
      call({ user_id: ids['+cal']!, created_at: '2026-11-03T09:00:00Z', images: 1, bytes: 700 }),
    ])
    .execute();
});
afterAll(async () => {
  await studio.engine.close();
  await database.close();
});

const cookies = new Map<string, string>();
const cookieOf = async (name: string) => {
  if (cookies.has(name)) return cookies.get(name)!;
  const res = await studio.app.request('/api/auth/sign-in', { method: 'POST', headers: json, body: JSON.stringify({ name, password: PASSWORD }) });
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  cookies.set(name, cookie);
  return cookie;
};
const get = async (path: string, name: string) => studio.app.request(path, { headers: { cookie: await cookieOf(name) } });

describe('GET /api/usage', () => {
  it('gives the signed-in user’s own usage per UTC day of the period, both ends included', async () => {
    const res = await get('/api/usage?from=2026-11-01&to=2026-11-03', 'bea');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      from: '2026-11-01',
      to: '2026-11-03',
      days: [
        { day: '2026-11-01', images: 2, calls: 3, failed: 1, generate: 2, edit: 1, seconds: 33.5, bytes: 1500 },
        { day: '2026-11-03', images: 1, calls: 1, failed: 0, generate: 1, edit: 0, seconds: 1.5, bytes: 1000 },
      ],
    });
  });

  it('shows a user only their own', async () => {
    const res = await get('/api/usage?from=2026-11-01&to=2026-11-03', '+cal');
    expect((await res.json()).days).toEqual([{ day: '2026-11-03', images: 1, calls: 1, failed: 0, generate: 1, edit: 0, seconds: 1.5, bytes: 700 }]);
  });

  it('defaults to the last 30 days up to today', async () => {
    const body = await (await get('/api/usage', 'bea')).json();
    const today = new Date().toISOString().slice(0, 10);
    expect(body.to).toBe(today);
    expect((Date.parse(body.to) - Date.parse(body.from)) / 86_400_000).toBe(29);
  });

  it.each([
    ['from=2026-11-1&to=2026-11-03', 'from: must be a day as YYYY-MM-DD'],
    ['from=2026-02-30&to=2026-03-03', 'from: is not a day of the calendar'],
    ['from=2026-11-03&to=2026-11-01', 'to: must be on or after from'],
    ['from=2025-01-01&to=2026-01-02', 'to: the period is at most 366 days'],
    ['from=2026-11-01&user=x', 'Unrecognized key'],
  ])('refuses %s with a 400 that says why', async (query, message) => {
    const res = await get(`/api/usage?${query}`, 'bea');
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toContain(message);
  });

  it('takes a period of 366 days', async () => {
    expect((await get('/api/usage?from=2025-01-01&to=2026-01-01', 'bea')).status).toBe(200);
  });

  it('needs a signed-in user', async () => {
    expect((await studio.app.request('/api/usage')).status).toBe(401);
  });
});

describe('GET /api/admin/usage', () => {
  it('is for admins only', async () => {
    const res = await get('/api/admin/usage', 'bea');
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('admin_only');
  });

  it('gives every user’s usage per user and day, with their names', async () => {
    const body = await (await get('/api/admin/usage?from=2026-11-01&to=2026-11-03', 'ada')).json();
    expect(body.rows.map((r: { day: string; name: string; images: number }) => [r.day, r.name, r.images])).toEqual([
      ['2026-11-01', 'bea', 2],
      ['2026-11-03', '+cal', 1],
      ['2026-11-03', 'bea', 1],
    ]);
    expect(body.rows[0]).toMatchObject({ user_id: ids.bea, calls: 3, failed: 1, edit: 1 });
  });

  it('narrows to one user', async () => {
    const body = await (await get(`/api/admin/usage?from=2026-11-01&to=2026-11-03&user=${ids['+cal']}`, 'ada')).json();
    expect(body.rows.map((r: { name: string }) => r.name)).toEqual(['+cal']);
  });

  it('answers CSV, one row per user and day, as a file named for the period, safe in a spreadsheet', async () => {
    const res = await get('/api/admin/usage?from=2026-11-01&to=2026-11-03&format=csv', 'ada');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="studio-usage-2026-11-01-to-2026-11-03.csv"');
    expect((await res.text()).split('\r\n')).toEqual([
      'day,user,images,calls,failed_calls,generate_calls,edit_calls,seconds,bytes',
      '2026-11-01,bea,2,3,1,2,1,33.5,1500',
      "2026-11-03,'+cal,1,1,0,1,0,1.5,700",
      '2026-11-03,bea,1,1,0,1,0,1.5,1000',
      '',
    ]);
  });

  it('refuses a period past its limit', async () => {
    expect((await get('/api/admin/usage?from=2020-01-01&to=2026-01-01&format=csv', 'ada')).status).toBe(400);
  });
});

describe('CSV cells', () => {
  it.each([
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['a,b', '"a,b"'],
    ['line\nbreak', '"line\nbreak"'],
    ['plain', 'plain'],
  ])('writes %j as %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('leaves numbers as numbers', () => {
    expect(usageCsv([{ day: '2026-11-01', user_id: 'u', name: 'n', images: 3, calls: 4, failed: 1, generate: 4, edit: 0, seconds: 2.5, bytes: 9 }])).toBe(
      'day,user,images,calls,failed_calls,generate_calls,edit_calls,seconds,bytes\r\n2026-11-01,n,3,4,1,4,0,2.5,9\r\n',
    );
  });
});

describe('with AUTH=none', () => {
  it('records the local user’s usage, which the Usage page shows as theirs', async () => {
    const local = createApp({ config: loadAppConfig({ LOCAL_ENGINE_SIZE: '64', RATE_LIMIT_PER_MINUTE: '0' }), database });
    try {
      const made = await local.app.request('/api/generate', { method: 'POST', headers: json, body: JSON.stringify({ prompt: 'a quiet harbour', num_inference_steps: 1 }) });
      expect(made.status).toBe(200);
      const body = await (await local.app.request('/api/usage')).json();
      expect(body.days).toEqual([expect.objectContaining({ day: new Date().toISOString().slice(0, 10), images: 1, calls: 1, failed: 0, generate: 1 })]);
    } finally {
      await local.engine.close();
    }
  });
});
