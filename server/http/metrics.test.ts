// /metrics as Prometheus and an operator rely on it: served to loopback, METRICS_ALLOW and
// METRICS_TOKEN only; requests counted by route pattern, upstream calls and errors by endpoint,
// jobs running and waiting, sign-ins refused; no label holding a prompt or an image id; one
// registry per app.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createApp, loadAppConfig } from '../app';
import { ConfigError } from '../config';
import type { LocalEngine } from '../local-engine/engine';
import { parseAddressList } from './address-list';
import { createMetrics, metricsAllowed } from './metrics';

const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#345' } }).png().toBuffer();
const instant: LocalEngine = { size: 4, generate: async () => png, close: async () => {} };
const json = { 'content-type': 'application/json' };
type App = ReturnType<typeof createApp>['app'];

/** A request as if from `address` (the Node adapter's socket, which getConnInfo reads). */
const from = (app: App, address: string | undefined, path = '/metrics', init: RequestInit = {}) =>
  app.request(path, init, address === undefined ? {} : { incoming: { socket: { remoteAddress: address, remotePort: 40000, remoteFamily: address.includes(':') ? 'IPv6' : 'IPv4' } } });

const scrape = async (app: App) => {
  const res = await from(app, '127.0.0.1');
  expect(res.status).toBe(200);
  return res.text();
};

/** The value of one series, e.g. `studio_jobs_running` or `studio_http_requests_total{method="GET",…}`. */
const value = (text: string, series: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe('who may read /metrics', () => {
  const TOKEN = 'a-metrics-token-of-some-length';
  // Peers in requests are loopback only; the allow-list's other addresses are the pure policy's below.
  const { app } = createApp({ config: loadAppConfig({ METRICS_TOKEN: TOKEN }), engine: instant });

  it('serves loopback (IPv4, IPv6, IPv4-mapped) in Prometheus text format', async () => {
    for (const address of ['127.0.0.1', '127.5.6.7', '::1', '::ffff:127.0.0.1']) {
      const res = await from(app, address);
      expect(res.status, address).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(await res.text()).toMatch(/^# HELP studio_http_requests_total /m);
    }
  });

  it('serves the addresses and ranges in METRICS_ALLOW, and nobody else (the policy, as a pure function)', () => {
    const policy = { allow: parseAddressList('10.1.0.0/16, 203.0.113.7, fd00::/8').list, token: TOKEN };
    for (const peer of ['10.1.200.3', '203.0.113.7', '::ffff:10.1.0.9', 'fd12::5', '127.0.0.1', '::1']) expect(metricsAllowed({ peer }, policy), peer).toBe(true);
    for (const peer of ['10.2.0.1', '203.0.113.8', '192.0.2.1', '2001:db8::1', undefined]) expect(metricsAllowed({ peer }, policy), String(peer)).toBe(false);
    expect(metricsAllowed({ peer: '192.0.2.1', authorization: `Bearer ${TOKEN}` }, policy)).toBe(true);
    expect(metricsAllowed({ peer: '192.0.2.1', authorization: `Bearer ${TOKEN}x` }, policy)).toBe(false);
  });

  it('serves anyone holding METRICS_TOKEN as a bearer, and nobody with a wrong one', async () => {
    expect((await from(app, undefined, '/metrics', { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    expect((await from(app, undefined, '/metrics', { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(403);
    expect((await from(app, undefined, '/metrics', { headers: { authorization: `Bearer ${TOKEN.slice(0, -1)}` } })).status).toBe(403);
  });

  it('refuses a request with no peer address at all (fails closed), with nothing of the metrics', async () => {
    const res = await from(app, undefined);
    expect(res.status).toBe(403);
    expect(await res.text()).not.toMatch(/studio_/);
  });

  it('needs no access key (it has its own guard) but stays behind the Host guard', async () => {
    const key = 'an-access-key-of-some-length';
    const guarded = createApp({ config: loadAppConfig({ HOST: '0.0.0.0', APP_ACCESS_KEY: key, ALLOWED_HOSTS: 'studio.lan' }), engine: instant }).app;
    expect((await from(guarded, '127.0.0.1', 'http://studio.lan/metrics')).status).toBe(200);
    expect((await from(guarded, '127.0.0.1', 'http://attacker.example/metrics')).status).toBe(403);
  });

  it('takes METRICS_ALLOW and METRICS_TOKEN from the environment, refusing bad values by name', () => {
    expect(() => loadAppConfig({ METRICS_ALLOW: '127.0.0.0/8, not-an-address' })).toThrow(/METRICS_ALLOW must be IP addresses or CIDR ranges/);
    expect(() => loadAppConfig({ METRICS_ALLOW: '127.0.0.0/33' })).toThrow(ConfigError);
    expect(() => loadAppConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN must be at least 16 characters/);
    expect(loadAppConfig({ METRICS_ALLOW: ' 127.0.0.5 , ::1/128 ' }).metricsAllow).toEqual(parseAddressList('127.0.0.5, ::1/128').list);
  });
});

describe('what /metrics counts', () => {
  it('counts requests by method, route pattern and status, never by the raw URL', async () => {
    const { app } = createApp({ config: loadAppConfig({ RATE_LIMIT_PER_MINUTE: '0' }), engine: instant });
    const made = await app.request('/api/generate', { method: 'POST', headers: json, body: JSON.stringify({ prompt: 'a secret castle plan', seed: 1 }) });
    expect(made.status).toBe(200);
    const { images } = (await made.json()) as { images: Array<{ id: string }> };
    expect((await app.request(`/api/images/${images[0]!.id}`)).status).toBe(200);
    expect((await app.request('/api/images/some-guessed-id')).status).toBe(404);
    const text = await scrape(app);
    expect(value(text, 'studio_http_requests_total{method="POST",route="/api/generate",status="200"}')).toBe(1);
    expect(value(text, 'studio_http_requests_total{method="GET",route="/api/images/:id",status="200"}')).toBe(1);
    expect(value(text, 'studio_http_requests_total{method="GET",route="/api/images/:id",status="404"}')).toBe(1);
    expect(value(text, 'studio_http_request_duration_seconds_count{method="POST",route="/api/generate",status="200"}')).toBe(1);
    expect(value(text, 'studio_upstream_requests_total{endpoint="local-engine",operation="generate",outcome="ok"}')).toBe(1);
    // No prompt, no image id, no guessed path in any label.
    expect(text).not.toMatch(/castle|some-guessed-id/);
    expect(text).not.toContain(images[0]!.id);
  });

  it('counts upstream calls and errors by endpoint id and error code', async () => {
    let answer = 500;
    const upstream = async () =>
      answer === 200
        ? new Response(JSON.stringify({ data: [{ seed: 1, response_format: 'png', b64_json: png.toString('base64') }] }), { status: 200, headers: json })
        : new Response(JSON.stringify({ message: 'boom' }), { status: answer, headers: json });
    const endpoints = JSON.stringify([{ id: 'ep-a' }, { id: 'ep-b' }]);
    const { app } = createApp({
      config: loadAppConfig({ FRIENDLI_TOKEN: 'flp_secret-token-value', FRIENDLI_ENDPOINTS: endpoints, RATE_LIMIT_PER_MINUTE: '0' }),
      clientOptions: { fetch: upstream, maxRetries: 0 },
    });
    const generate = (endpoint: string) => app.request('/api/generate', { method: 'POST', headers: json, body: JSON.stringify({ prompt: 'p', endpoint }) });
    expect((await generate('ep-b')).status).toBe(503);
    answer = 200;
    expect((await generate('ep-b')).status).toBe(200);
    expect((await generate('ep-a')).status).toBe(200);
    const text = await scrape(app);
    expect(value(text, 'studio_upstream_requests_total{endpoint="ep-b",operation="generate",outcome="error"}')).toBe(1);
    expect(value(text, 'studio_upstream_errors_total{endpoint="ep-b",operation="generate",code="upstream_unavailable"}')).toBe(1);
    expect(value(text, 'studio_upstream_requests_total{endpoint="ep-b",operation="generate",outcome="ok"}')).toBe(1);
    expect(value(text, 'studio_upstream_requests_total{endpoint="ep-a",operation="generate",outcome="ok"}')).toBe(1);
    expect(text).not.toMatch(/flp_/);
  });

  it('shows jobs running and waiting as they are now', async () => {
    const release: Array<() => void> = [];
    const gated: LocalEngine = { size: 4, generate: () => new Promise((resolve) => release.push(() => resolve(png))), close: async () => {} };
    const { app } = createApp({ config: loadAppConfig({ RATE_LIMIT_PER_MINUTE: '0', UPSTREAM_CONCURRENCY: '1', UPSTREAM_QUEUE: '4' }), engine: gated });
    const generate = () => app.request('/api/generate', { method: 'POST', headers: json, body: JSON.stringify({ prompt: 'p' }) });
    const first = generate();
    const second = generate();
    await expect.poll(() => release.length).toBe(1);
    await expect.poll(async () => value(await scrape(app), 'studio_jobs_waiting')).toBe(1);
    expect(value(await scrape(app), 'studio_jobs_running')).toBe(1);
    release.shift()!();
    await expect.poll(() => release.length).toBe(1);
    release.shift()!();
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    const text = await scrape(app);
    expect(value(text, 'studio_jobs_running')).toBe(0);
    expect(value(text, 'studio_jobs_waiting')).toBe(0);
  });

  it('exports the sign-ins-refused counter, and keeps each app in a registry of its own', async () => {
    const one = createApp({ config: loadAppConfig({}), engine: instant });
    const two = createApp({ config: loadAppConfig({}), engine: instant });
    one.metrics.signInsRefused.inc();
    one.metrics.signInsRefused.inc();
    expect(value(await scrape(one.app), 'studio_sign_ins_refused_total')).toBe(2);
    expect(value(await scrape(two.app), 'studio_sign_ins_refused_total')).toBe(0);
  });

  it('adds Node process metrics when asked (the real server asks)', async () => {
    expect(await createMetrics().registry.metrics()).not.toMatch(/process_cpu_seconds_total/);
    expect(await createMetrics({ processMetrics: true }).registry.metrics()).toMatch(/^process_cpu_seconds_total \d/m);
  });
});
