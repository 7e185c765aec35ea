// /healthz and /readyz as a load balancer and Docker's HEALTHCHECK use them: no access key needed,
// still behind the Host guard; /readyz 503 with reasons that name the failed check and nothing of
// its error; /api/health as before.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createApp, loadAppConfig } from '../app';
import { createLogger } from '../errors';
import type { LocalEngine } from '../local-engine/engine';
import { healthRoutes, type ReadinessCheck } from './health';

const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#345' } }).png().toBuffer();
const engine: LocalEngine = { size: 4, generate: async () => png, close: async () => {} };
const KEY = 'an-access-key-of-some-length';
const guarded = (readiness?: ReadinessCheck[], logLines?: string[]) =>
  createApp({
    config: loadAppConfig({ HOST: '0.0.0.0', APP_ACCESS_KEY: KEY, ALLOWED_HOSTS: 'studio.lan' }),
    engine,
    readiness,
    ...(logLines ? { logger: createLogger([], (l) => logLines.push(l)) } : {}),
  }).app;

describe('/healthz', () => {
  it('answers 200 {ok: true} without the access key that every other path needs', async () => {
    const app = guarded();
    const res = await app.request('http://studio.lan/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect((await app.request('http://studio.lan/api/config')).status).toBe(401);
  });

  it('stays behind the Host guard (DNS rebinding)', async () => {
    const res = await guarded().request('http://attacker.example/healthz');
    expect(res.status).toBe(403);
  });

  it('leaves /api/health as it was', async () => {
    const { app } = createApp({ config: loadAppConfig({}), engine });
    expect(await (await app.request('/api/health')).json()).toEqual({ ok: true });
  });
});

describe('/readyz', () => {
  it('is ready on the local engine, and with a token and an endpoint, without the access key', async () => {
    const local = await guarded().request('http://studio.lan/readyz');
    expect(local.status).toBe(200);
    expect(await local.json()).toEqual({ ready: true });
    const { app } = createApp({ config: loadAppConfig({ FRIENDLI_TOKEN: 'flp_secret-token-value', FRIENDLI_ENDPOINT_ID: 'ep-1' }), engine });
    expect((await app.request('/readyz')).status).toBe(200);
  });

  it('answers 503 naming a failed check, and nothing of its error, which goes to the log', async () => {
    const secretish = 'postgres://studio:hunter2-password@db.internal:5432/studio';
    const lines: string[] = [];
    const app = guarded(
      [
        { name: 'database', check: async () => Promise.reject(new Error(`connect ECONNREFUSED ${secretish}`)) },
        { name: 'cache', check: async () => {} },
      ],
      lines,
    );
    const res = await app.request('http://studio.lan/readyz');
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body).toEqual({ ready: false, reasons: ['database: not ready'] });
    expect(JSON.stringify(body)).not.toMatch(/hunter2|db\.internal|ECONNREFUSED/);
    expect(lines.some((l) => l.includes('readiness check failed') && l.includes('"check":"database"'))).toBe(true);
  });

  it('counts a check that does not answer in time as failed, and is ready again once it answers', async () => {
    let hang = true;
    const app = healthRoutes({ config: loadAppConfig({}), timeoutMs: 50, checks: [{ name: 'database', check: () => (hang ? new Promise<void>(() => {}) : Promise.resolve()) }] });
    const res = await app.request('/readyz');
    expect(res.status).toBe(503);
    expect((await res.json()).reasons).toEqual(['database: no answer within 0.05 s']);
    hang = false;
    expect((await app.request('/readyz')).status).toBe(200);
  });
});
