// /local over HTTP (the local engine for SDKs) is under the same guards as /api/generate: one
// per-client bucket, one server-wide upstream limit, the same clear `busy`; the studio's own
// in-process calls to the engine are not counted twice.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createApp, loadAppConfig } from './app';
import { EngineBusyError, type LocalEngine } from './local-engine/engine';

const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#345' } }).png().toBuffer();
const instant: LocalEngine = { size: 4, generate: async () => png, close: async () => {} };

/** An engine whose renders wait until the test lets them go. */
function gatedEngine() {
  const waiting: Array<() => void> = [];
  const engine: LocalEngine = { size: 4, generate: () => new Promise((resolve) => waiting.push(() => resolve(png))), close: async () => {} };
  return { engine, waiting, releaseAll: () => waiting.splice(0).forEach((go) => go()) };
}

const headers = { 'content-type': 'application/json' };
type App = ReturnType<typeof createApp>['app'];
const viaApi = (app: App) => app.request('/api/generate', { method: 'POST', headers, body: JSON.stringify({ prompt: 'p', seed: 1 }) });
const viaLocal = (app: App) => app.request('/local/dedicated/v1/images/generations', { method: 'POST', headers, body: JSON.stringify({ prompt: 'p', seed: 1, response_format: 'png' }) });

const viaLocalEdit = (app: App, image = 'data:image/png;base64,iVBORw0KGgo=') =>
  app.request('/local/dedicated/v1/images/edits', { method: 'POST', headers, body: JSON.stringify({ prompt: 'p', image: { image }, response_format: 'png' }) });

const viaApiEdit = (app: App) => app.request('/api/edit', { method: 'POST', headers, body: JSON.stringify({ prompt: 'p', image: { image: `data:image/png;base64,${png.toString('base64')}` } }) });

/** With the one upstream slot held by /api/generate and no room to wait, each of `sends` gets the clear busy; the held call still ends well. */
async function expectBusyWhileHeld(...sends: Array<(app: App) => Response | Promise<Response>>) {
  const gate = gatedEngine();
  const { app } = createApp({ config: loadAppConfig({ RATE_LIMIT_PER_MINUTE: '0', UPSTREAM_CONCURRENCY: '1', UPSTREAM_QUEUE: '0' }), engine: gate.engine });
  const running = viaApi(app);
  await expect.poll(() => gate.waiting.length).toBe(1);
  for (const send of sends) {
    const busy = await send(app);
    expect(busy.status).toBe(503);
    expect((await busy.json()).error.code).toBe('busy');
  }
  gate.releaseAll();
  expect((await running).status).toBe(200);
}

describe('/api/edit', () => {
  it('shares the per-client rate-limit bucket with /api/generate', async () => {
    const { app } = createApp({ config: loadAppConfig({ RATE_LIMIT_PER_MINUTE: '1' }), engine: instant });
    expect((await viaApi(app)).status).toBe(200);
    const refused = await viaApiEdit(app);
    expect(refused.status).toBe(429);
    expect((await refused.json()).error.code).toBe('too_many_requests');
  });

  it('takes its turn under the server-wide upstream limit, with the same clear busy', async () => {
    await expectBusyWhileHeld(viaApiEdit);
  });
});

describe('/local edits over HTTP', () => {
  it('share the per-client rate-limit bucket with /api/generate and /local generations', async () => {
    const { app } = createApp({ config: loadAppConfig({ RATE_LIMIT_PER_MINUTE: '2' }), engine: instant });
    expect([(await viaApi(app)).status, (await viaLocal(app)).status]).toEqual([200, 200]);
    const refused = await viaLocalEdit(app);
    expect(refused.status).toBe(429);
    expect((await refused.json()).error.code).toBe('too_many_requests');
  });

  it('take their turn under the server-wide upstream limit, with the same clear busy', async () => {
    await expectBusyWhileHeld(viaLocalEdit);
  });

  it('may carry images beyond 64 KiB, up to IMAGE_INPUT_MB', async () => {
    const { app } = createApp({ config: loadAppConfig({ RATE_LIMIT_PER_MINUTE: '0', IMAGE_INPUT_MB: '1' }), engine: instant });
    expect((await viaLocalEdit(app, `data:image/png;base64,${'A'.repeat(100 * 1024)}`)).status).not.toBe(413);
    expect((await viaLocalEdit(app, `data:image/png;base64,${'A'.repeat(1024 * 1024)}`)).status).toBe(413);
  });
});

describe('/local over HTTP', () => {
  it('shares the per-client rate-limit bucket with /api/generate, both ways', async () => {
    const first = createApp({ config: loadAppConfig({ RATE_LIMIT_PER_MINUTE: '2' }), engine: instant }).app;
    expect([(await viaApi(first)).status, (await viaApi(first)).status]).toEqual([200, 200]);
    const refused = await viaLocal(first);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await refused.json()).error.code).toBe('too_many_requests');

    const second = createApp({ config: loadAppConfig({ RATE_LIMIT_PER_MINUTE: '2' }), engine: instant }).app;
    expect([(await viaLocal(second)).status, (await viaLocal(second)).status]).toEqual([200, 200]);
    expect((await viaApi(second)).status).toBe(429);
  });

  it('takes its turn under the server-wide upstream limit, with the same clear busy', async () => {
    const gate = gatedEngine();
    const { app } = createApp({ config: loadAppConfig({ RATE_LIMIT_PER_MINUTE: '0', UPSTREAM_CONCURRENCY: '1', UPSTREAM_QUEUE: '0' }), engine: gate.engine });
    const running = viaApi(app);
    await expect.poll(() => gate.waiting.length).toBe(1);
    const busy = await viaLocal(app);
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('2');
    expect((await busy.json()).error.code).toBe('busy');
    gate.releaseAll();
    expect((await running).status).toBe(200);

    const external = viaLocal(app);
    await expect.poll(() => gate.waiting.length).toBe(1);
    const busyApi = await viaApi(app);
    expect(busyApi.status).toBe(503);
    expect((await busyApi.json()).error.code).toBe('busy');
    gate.releaseAll();
    expect((await external).status).toBe(200);
  });

  it('does not count the studio\'s own in-process engine calls a second time', async () => {
    // One slot, no waiting room, one generation a minute: a second count of the same generation
    // (the client calling the engine in-process) would be refused.
    const { app } = createApp({ config: loadAppConfig({ RATE_LIMIT_PER_MINUTE: '1', UPSTREAM_CONCURRENCY: '1', UPSTREAM_QUEUE: '0' }), engine: instant });
    expect((await viaApi(app)).status).toBe(200);
  });

  it('answers a full engine queue with the clear busy, told apart by the error\'s type', async () => {
    const full: LocalEngine = { size: 4, generate: async () => Promise.reject(new EngineBusyError()), close: async () => {} };
    const { app } = createApp({ config: loadAppConfig({ RATE_LIMIT_PER_MINUTE: '0' }), engine: full });
    const res = await viaLocal(app);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('2');
    expect((await res.json()).error).toMatchObject({ code: 'busy', retry_after_seconds: 2 });
  });

  it('stays behind the origin guard and the JSON-only rule', async () => {
    const { app } = createApp({ config: loadAppConfig({ RATE_LIMIT_PER_MINUTE: '0' }), engine: instant });
    const path = '/local/dedicated/v1/images/generations';
    expect((await app.request(path, { method: 'POST', headers: { ...headers, origin: 'https://evil.example' }, body: '{"prompt":"p"}' })).status).toBe(403);
    expect((await app.request(path, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"prompt":"p"}' })).status).toBe(415);
  });
});

describe('/local/v1 (the engine as a Friendli Container) over HTTP', () => {
  const viaContainer = (app: App) => app.request('/local/v1/images/generations', { method: 'POST', headers, body: JSON.stringify({ prompt: 'p', seed: 1, response_format: 'raw' }) });
  const viaContainerEdit = (app: App, image = `data:image/png;base64,${png.toString('base64')}`) =>
    app.request('/local/v1/images/edits', { method: 'POST', headers, body: JSON.stringify({ prompt: 'p', image: { image }, response_format: 'raw' }) });

  it('answers both operations, and shares the per-client bucket with /api/generate and the dedicated routes', async () => {
    const { app } = createApp({ config: loadAppConfig({ RATE_LIMIT_PER_MINUTE: '3' }), engine: instant });
    const answers = [await viaApi(app), await viaContainer(app), await viaContainerEdit(app)];
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(Buffer.from((await answers[1]!.json()).image, 'base64')).toEqual(png);
    for (const refused of [await viaContainer(app), await viaContainerEdit(app), await viaLocal(app)]) {
      expect(refused.status).toBe(429);
      expect((await refused.json()).error.code).toBe('too_many_requests');
    }
  });

  it('takes its turn under the server-wide upstream limit, with the same clear busy', async () => {
    await expectBusyWhileHeld(viaContainer, (app) => viaContainerEdit(app));
  });

  it('takes edits beyond 64 KiB, up to IMAGE_INPUT_MB, and plain bodies only up to 64 KiB', async () => {
    const { app } = createApp({ config: loadAppConfig({ RATE_LIMIT_PER_MINUTE: '0', IMAGE_INPUT_MB: '1' }), engine: instant });
    expect((await viaContainerEdit(app, `data:image/png;base64,${'A'.repeat(100 * 1024)}`)).status).not.toBe(413);
    expect((await viaContainerEdit(app, `data:image/png;base64,${'A'.repeat(1024 * 1024)}`)).status).toBe(413);
    const padded = await app.request('/local/v1/images/generations', { method: 'POST', headers, body: JSON.stringify({ prompt: 'p'.repeat(100 * 1024) }) });
    expect(padded.status).toBe(413);
  });
});
