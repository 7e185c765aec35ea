// One request stays cheap whatever it holds (issue 17, items 1 and 2): every list is refused by its
// length before its elements are checked, an error answer names at most 10 problems and stays
// under 8 KiB, and /local keeps to the same body limits as /api and echoes nothing unbounded.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createApp, loadAppConfig } from './app';
import { AppError } from './errors';
import type { LocalEngine } from './local-engine/engine';
import { MAX_ERROR_BODY_BYTES } from './protocol/limits';
import { validationError } from './protocol/validation-error';

const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#468' } }).png().toBuffer();
const image = `data:image/png;base64,${png.toString('base64')}`;
let renders = 0;
const instant: LocalEngine = {
  size: 8,
  generate: async () => {
    renders++;
    return png;
  },
  close: async () => {},
};
const { app } = createApp({ config: loadAppConfig({ RATE_LIMIT_PER_MINUTE: '0' }), engine: instant });
const post = (path: string, body: unknown) => app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
/** A JSON list of `count` copies of `item`, built as text (faster than JSON.stringify of a huge array). */
const list = (item: string, count: number) => `[${`${item},`.repeat(count - 1)}${item}]`;

/** The answer's status and body, checked to be small whatever was sent. */
async function small(res: Response) {
  const text = await res.text();
  expect(Buffer.byteLength(text), text.slice(0, 300)).toBeLessThan(MAX_ERROR_BODY_BYTES);
  return { status: res.status, body: JSON.parse(text) };
}

describe('lists are capped before their elements are checked', () => {
  it('/api/generate: a million controlnet_weights are one problem, not a million', async () => {
    const body = `{"prompt": "p", "control_images": [{"image": "${image}"}], "controlnet_weights": ${list('5', 1_000_000)}}`;
    const { status, body: answer } = await small(await post('/api/generate', body));
    expect(status).toBe(400);
    expect(answer.error.details).toEqual([expect.stringMatching(/^controlnet_weights must hold one weight per control image, and endpoint local-engine takes at most 2/)]);
  });

  it('/api/generate: control_images past the endpoint\'s limit are refused by their count', async () => {
    const { status, body } = await small(await post('/api/generate', `{"prompt": "p", "control_images": ${list('{"image": ""}', 400_000)}}`));
    expect(status).toBe(400);
    expect(body.error.details).toEqual(['control_images: endpoint local-engine takes at most 2']);
  });

  it('/api/edit: a list of sources past its small limit (4) is refused by its count', async () => {
    const { status, body } = await small(await post('/api/edit', `{"prompt": "p", "image": ${list('{"image": ""}', 400_000)}}`));
    expect(status).toBe(400);
    expect(body.error.details).toEqual(['image: at most 4 images']);
  });

  it('/local: control images, weights and edit sources past the engine\'s own limits, each one problem', async () => {
    const cases = [
      ['/local/dedicated/v1/images/generations', `{"prompt": "p", "control_images": ${list('{"image": ""}', 400_000)}}`, 'control_images'],
      ['/local/dedicated/v1/images/generations', `{"prompt": "p", "control_images": [{"image": "${image}"}], "controlnet_weights": ${list('5', 1_000_000)}}`, 'controlnet_weights'],
      ['/local/dedicated/v1/images/edits', `{"prompt": "p", "image": ${list('{"image": ""}', 400_000)}}`, 'image'],
    ] as const;
    for (const [path, body, field] of cases) {
      const { status, body: answer } = await small(await post(path, body));
      expect(status, field).toBe(422);
      expect(answer.detail, field).toEqual([expect.objectContaining({ loc: ['body', field] })]);
    }
    expect(renders).toBe(0);
  });
});

describe('an error answer names at most 10 problems and stays under 8 KiB', () => {
  const issues = Array.from({ length: 1_000_000 }, (_, i) => ({ path: ['controlnet_weights', i], message: `must be at most 1 ${'é'.repeat(500)}`, code: 'too_big' }));

  it('on /local (the 422 of the protocol)', () => {
    const { detail } = validationError(issues);
    expect(detail).toHaveLength(11);
    expect(detail.at(-1)).toMatchObject({ msg: 'and 999,990 more' });
    expect(Buffer.byteLength(JSON.stringify({ detail }))).toBeLessThan(MAX_ERROR_BODY_BYTES);
  });

  it('on /api (the app\'s own errors)', () => {
    const huge = new AppError(400, 'invalid_request', `x${'\u0001"'.repeat(100_000)}`, { details: issues.map((i) => i.message) }).toBody();
    expect(huge.error.details!.length).toBeLessThanOrEqual(11);
    expect(Buffer.byteLength(JSON.stringify(huge))).toBeLessThan(MAX_ERROR_BODY_BYTES);
  });

  it('through the API: many unknown fields and long ones are told briefly', async () => {
    const fields = Object.fromEntries(Array.from({ length: 2500 }, (_, i) => [`field_${i}`, i]));
    const { status, body } = await small(await post('/api/generate', { prompt: 'p', ...fields }));
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/^Unrecognized keys/);
  });
});

describe('/local keeps to the same body limits as /api, and bounds every echo', () => {
  it('a generation without images keeps to 64 KiB', async () => {
    const { status, body } = await small(await post('/local/dedicated/v1/images/generations', { prompt: 'x'.repeat(70 * 1024) }));
    expect(status).toBe(413);
    expect(body.error.code).toBe('body_too_large');
    // An empty list of control images carries none: still 64 KiB.
    expect((await post('/local/dedicated/v1/images/generations', { prompt: 'x'.repeat(70 * 1024), control_images: [] })).status).toBe(413);
    expect((await post('/api/generate', { prompt: 'p', control_images: [], controlnet_weights: Array(40_000).fill(0) })).status).toBe(413);
  });

  it('a body that carries images may still be large; its other strings are bounded', async () => {
    const model = `ep:${'m'.repeat(1024 * 1024)}`;
    const withImage = await small(await post('/local/dedicated/v1/images/generations', { prompt: 'p', model, control_images: [{ image }] }));
    expect(withImage.status).toBe(422);
    expect(withImage.body.detail[0]).toMatchObject({ loc: ['body', 'model'] });
    const prompt = await small(await post('/local/dedicated/v1/images/edits', { prompt: 'p'.repeat(1024 * 1024), image: { image } }));
    expect(prompt.status).toBe(422);
    expect(prompt.body.detail[0]).toMatchObject({ loc: ['body', 'prompt'] });
  });

  it('an unknown adapter route is echoed cut short', async () => {
    const { status, body } = await small(await post('/local/dedicated/v1/images/generations', { prompt: 'p', model: `ep:${'r'.repeat(200)}` }));
    expect(status).toBe(422);
    expect(body.detail[0].msg.length).toBeLessThan(200);
  });
});

describe('messages that list endpoints', () => {
  it('name at most 10 ids, and count the rest', async () => {
    const endpoints = JSON.stringify(Array.from({ length: 100 }, (_, i) => ({ id: `endpoint-${i}` })));
    const { app: many, engine } = createApp({ config: loadAppConfig({ FRIENDLI_TOKEN: 'a-test-token-123456789', FRIENDLI_BASE_URL: 'http://127.0.0.1:9', FRIENDLI_ENDPOINTS: endpoints }) });
    const { status, body } = await small(await many.request('/api/generate', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"prompt": "p", "endpoint": "nope"}' }));
    expect(status).toBe(400);
    expect(body.error.message).toBe(`endpoint must be one of: ${Array.from({ length: 10 }, (_, i) => `endpoint-${i}`).join(', ')} (and 90 more)`);
    await engine.close();
  });
});
