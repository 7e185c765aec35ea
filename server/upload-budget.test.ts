// Concurrent uploads are admitted through one byte budget before they are read (issue 17, item 3):
// a body whose Content-Length does not fit, or a chunked one that outgrows it as it streams, is an
// immediate 503 busy with Retry-After, and the bytes of those admitted are given back when they end.
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createApp, loadAppConfig } from './app';
import type { LocalEngine } from './local-engine/engine';

const MiB = 1024 * 1024;
// Random pixels: a PNG that barely compresses, so the body is as large as its pixels.
const noise = await sharp(randomBytes(480 * 480 * 3), { raw: { width: 480, height: 480, channels: 3 } }).png().toBuffer();
const editBody = JSON.stringify({ prompt: 'p', image: { image: `data:image/png;base64,${noise.toString('base64')}` } });
const small = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#345' } }).png().toBuffer();

/** An engine whose renders wait until the test lets them go. */
function gatedEngine() {
  const waiting: Array<() => void> = [];
  const engine: LocalEngine = { size: 4, generate: () => new Promise((resolve) => waiting.push(() => resolve(small))), close: async () => {} };
  return { engine, waiting, releaseAll: () => waiting.splice(0).forEach((go) => go()) };
}

/** A body that sends `first` and then nothing more until `end()`; records whether it was cancelled. */
function slowBody(first: Uint8Array) {
  let finish!: () => void;
  const ended = new Promise<void>((resolve) => (finish = resolve));
  const state = { pulls: 0, cancelled: false, end: () => finish() };
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      state.pulls++;
      if (state.pulls === 1) return controller.enqueue(first);
      await ended;
      controller.close();
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

const setup = () => {
  const gate = gatedEngine();
  // Room for two of these edits at once (each about 0.8 MiB), not three; and two renders at once.
  const { app } = createApp({ config: loadAppConfig({ RATE_LIMIT_PER_MINUTE: '0', IMAGE_INPUT_MB: '1', IMAGE_INPUT_BUDGET_MB: '2', UPSTREAM_CONCURRENCY: '2' }), engine: gate.engine });
  const edit = (path = '/api/edit', init: RequestInit = {}) =>
    app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(editBody)) }, body: editBody, ...init });
  return { app, gate, edit };
};

describe('the upload budget', () => {
  it('refuses a body whose Content-Length does not fit with a 503 busy and Retry-After, before reading it', async () => {
    expect(Buffer.byteLength(editBody)).toBeGreaterThan(0.7 * MiB);
    const { gate, edit } = setup();
    const held = [edit(), edit('/local/dedicated/v1/images/edits')];
    await expect.poll(() => gate.waiting.length).toBe(2);
    // Its first bytes only, and never the rest: a server that read it first would wait forever.
    const body = slowBody(new TextEncoder().encode(editBody.slice(0, 1000)));
    const refused = await edit('/api/edit', { body: body.stream, duplex: 'half' } as RequestInit);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('2');
    expect((await refused.json()).error.code).toBe('busy');
    body.state.end();
    gate.releaseAll();
    expect((await Promise.all(held)).map((r) => r.status)).toEqual([200, 200]);
    // The bytes were given back: the next one fits again.
    const again = edit();
    await expect.poll(() => gate.waiting.length).toBe(1);
    gate.releaseAll();
    expect((await again).status).toBe(200);
  });

  it('counts a chunked body as it streams, refusing it once it outgrows what is left', async () => {
    const { gate, edit } = setup();
    const held = [edit(), edit()];
    await expect.poll(() => gate.waiting.length).toBe(2);
    const body = slowBody(new TextEncoder().encode(editBody.slice(0, 600 * 1024)));
    const refused = await edit('/local/dedicated/v1/images/edits', { body: body.stream, duplex: 'half', headers: { 'content-type': 'application/json' } } as RequestInit);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('2');
    await expect.poll(() => body.state.cancelled).toBe(true);
    body.state.end();
    gate.releaseAll();
    expect((await Promise.all(held)).map((r) => r.status)).toEqual([200, 200]);
  });

  it('gives back what a refused or failed body held', async () => {
    const { app, gate, edit } = setup();
    for (let i = 0; i < 5; i++) {
      expect((await app.request('/api/edit', { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"prompt": "p", "image": {"image": "${'A'.repeat(900 * 1024)}"}}` })).status).toBe(400);
    }
    const held = [edit(), edit()];
    await expect.poll(() => gate.waiting.length).toBe(2);
    gate.releaseAll();
    expect((await Promise.all(held)).map((r) => r.status)).toEqual([200, 200]);
  });
});
