// The log as an operator reads it: one JSON object a line, an access line per request (method,
// route pattern, status, ms) carrying the request id that the answer returns, every line of the
// request carrying that id and the user, LOG_LEVEL obeyed, and no key or token in any line.
import { Hono } from 'hono';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createApp, loadAppConfig } from '../app';
import { configSecrets } from '../config';
import { createLogger } from '../errors';
import type { LocalEngine } from '../local-engine/engine';
import { requestLog } from './request-log';

const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#345' } }).png().toBuffer();
const instant: LocalEngine = { size: 4, generate: async () => png, close: async () => {} };
const json = { 'content-type': 'application/json' };
type Line = Record<string, unknown> & { level: string; message: string };

function logged(env: Record<string, string> = {}, deps: Partial<Parameters<typeof createApp>[0]> = {}) {
  const lines: string[] = [];
  const config = loadAppConfig({ RATE_LIMIT_PER_MINUTE: '0', ...env });
  const { app } = createApp({ config, engine: instant, logger: createLogger(configSecrets(config), (l) => lines.push(l), { level: config.logLevel }), ...deps });
  return { app, lines, parsed: () => lines.map((l) => JSON.parse(l) as Line) };
}

describe('the access log', () => {
  it('writes one line per request at info, by route pattern, with the id the answer returns', async () => {
    const { app, parsed } = logged();
    const made = await app.request('/api/generate', { method: 'POST', headers: json, body: JSON.stringify({ prompt: 'p' }) });
    const { images } = (await made.json()) as { images: Array<{ id: string }> };
    const fetched = await app.request(`/api/images/${images[0]!.id}`);
    const access = parsed().filter((l) => l.message === 'request');
    expect(access).toEqual([
      expect.objectContaining({ level: 'info', method: 'POST', route: '/api/generate', status: 200, ms: expect.any(Number), request_id: made.headers.get('x-request-id') }),
      expect.objectContaining({ level: 'info', method: 'GET', route: '/api/images/:id', status: 200, request_id: fetched.headers.get('x-request-id') }),
    ]);
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(made.headers.get('x-request-id')).not.toBe(fetched.headers.get('x-request-id'));
    expect(JSON.stringify(access)).not.toContain(images[0]!.id);
  });

  it('keeps a sane incoming X-Request-Id and replaces any other with its own', async () => {
    const { app, parsed } = logged();
    const kept = await app.request('/api/config', { headers: { 'x-request-id': 'edge-7f3a_b=' } });
    expect(kept.headers.get('x-request-id')).toBe('edge-7f3a_b=');
    for (const bad of ['has space', 'quote"and{json}', 'x'.repeat(129)]) {
      const res = await app.request('/api/config', { headers: { 'x-request-id': bad } });
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(parsed()[0]).toMatchObject({ request_id: 'edge-7f3a_b=' });
    expect(parsed().map((l) => l.request_id)).not.toContain('has space');
  });

  it('marks every line logged while a request is handled with its id, and its user once known', async () => {
    const lines: string[] = [];
    const logger = createLogger([], (l) => lines.push(l));
    const app = new Hono<{ Variables: { user: { name: string } } }>()
      .use(requestLog({ logger }))
      .use(async (c, next) => {
        logger.info('before sign-in');
        c.set('user', { name: 'ada' });
        await next();
      })
      .get('/work', (c) => {
        logger.warn('inside the route');
        return c.text('ok');
      });
    const res = await app.request('/work', { headers: { 'x-request-id': 'req-1' } });
    expect(res.headers.get('x-request-id')).toBe('req-1');
    const all = lines.map((l) => JSON.parse(l) as Line);
    expect(all).toEqual([
      expect.objectContaining({ message: 'before sign-in', request_id: 'req-1' }),
      expect.objectContaining({ message: 'inside the route', request_id: 'req-1', user: 'ada' }),
      expect.objectContaining({ message: 'request', request_id: 'req-1', user: 'ada', route: '/work', status: 200 }),
    ]);
    expect(all[0]).not.toHaveProperty('user');
    logger.info('outside any request');
    expect(JSON.parse(lines.at(-1)!)).not.toHaveProperty('request_id');
  });

  it('logs a failed upstream call with the id of the request it served, as its access line', async () => {
    const upstream = async () => new Response('{}', { status: 500, headers: json });
    const { app, parsed } = logged({ FRIENDLI_TOKEN: 'flp_secret-token-value', FRIENDLI_ENDPOINT_ID: 'ep-1' }, { clientOptions: { fetch: upstream, maxRetries: 0 } });
    const res = await app.request('/api/generate', { method: 'POST', headers: json, body: JSON.stringify({ prompt: 'p' }) });
    expect(res.status).toBe(503);
    const id = res.headers.get('x-request-id');
    expect(parsed()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ level: 'warn', message: 'upstream request failed', status: 500, request_id: id }),
        expect.objectContaining({ level: 'info', message: 'request', status: 503, request_id: id }),
      ]),
    );
  });
});

describe('levels and secrets', () => {
  it('logs probes at debug, and LOG_LEVEL (any case) drops the levels below it', async () => {
    const verbose = logged({ LOG_LEVEL: 'debug' });
    await verbose.app.request('/healthz');
    await verbose.app.request('/readyz');
    expect(verbose.parsed().map((l) => [l.level, l.route])).toEqual([
      ['debug', '/healthz'],
      ['debug', '/readyz'],
    ]);
    const quiet = logged({ LOG_LEVEL: 'WARN' });
    await quiet.app.request('/healthz');
    await quiet.app.request('/api/config');
    expect(quiet.lines).toEqual([]);
    expect(logged().app).toBeDefined();
    expect(loadAppConfig({}).logLevel).toBe('info');
    expect(() => loadAppConfig({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL must be one of debug, info, warn, error/);
  });

  it('never writes APP_ACCESS_KEY, METRICS_TOKEN or the API token, not even from a URL that holds one', async () => {
    const key = 'access-key-0123456789abcdef';
    const metricsToken = 'metrics-token-0123456789abcdef';
    const token = 'flp_api-token-0123456789abcdef';
    const env = { HOST: '0.0.0.0', APP_ACCESS_KEY: key, METRICS_TOKEN: metricsToken, ALLOWED_HOSTS: 'studio.lan' };
    const { app, lines } = logged(env);
    await app.request(`http://studio.lan/?key=${key}`);
    await app.request(`http://studio.lan/api/config?token=${metricsToken}`, { headers: { 'x-access-key': key } });
    const config = loadAppConfig({ ...env, FRIENDLI_TOKEN: token, FRIENDLI_ENDPOINT_ID: 'ep-1' });
    const logger = createLogger(configSecrets(config), (l) => lines.push(l));
    logger.error('a careless line', { key, metrics: metricsToken, token, url: `/x?key=${encodeURIComponent(key)}` });
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const secret of [key, metricsToken, token]) expect(lines.join('\n')).not.toContain(secret);
  });
});
