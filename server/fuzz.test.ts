// Property-based fuzzing of POST /api/generate: whatever the body and headers, never a 5xx, and
// every refusal is a JSON error with a code.
import fc from 'fast-check';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createApp, loadAppConfig } from './app';
import type { LocalEngine } from './local-engine/engine';

const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#123' } }).png().toBuffer();
// An engine that answers at once: the fuzz exercises validation, guards, client and store.
const instant: LocalEngine = { size: 4, generate: async () => png, close: async () => {} };
const { app } = createApp({ config: loadAppConfig({ RATE_LIMIT_PER_MINUTE: '0' }), engine: instant });

const field = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }), fc.object({ maxDepth: 1 }));
const plausible = fc.record(
  {
    prompt: fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 50 }), field),
    num_inference_steps: fc.oneof(fc.integer({ min: -5, max: 60 }), field),
    seed: fc.oneof(fc.integer({ min: -10, max: 2 ** 33 }), fc.constant(4294967295), field),
    response_format: fc.oneof(fc.constantFrom('url', 'raw', 'png', 'jpeg', 'jpg', 'gif', 'URL', ''), field),
    extra: field,
  },
  { requiredKeys: [] },
);
// Well-formed requests are weighted in, so that many cases reach the handler, not only the guards.
const valid = fc
  .record({
    prompt: fc.constantFrom('a red fox', 'שלום עולם 🌅', 'x', 'line one\nline two'),
    num_inference_steps: fc.integer({ min: 1, max: 10 }),
    seed: fc.integer({ min: 0, max: 4294967295 }),
    response_format: fc.constantFrom('url', 'raw', 'png', 'jpeg', 'jpg'),
  })
  .map((b) => JSON.stringify(b));
const body = fc.oneof(
  { arbitrary: valid, weight: 3 },
  plausible.map((b) => JSON.stringify(b)),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  fc.constantFrom('', '{', '{"prompt":', 'null', '[]', '"prompt"', '{"prompt":"x"}'.repeat(3)),
);
const likely = <T,>(good: T, ...bad: T[]) => fc.oneof({ arbitrary: fc.constant(good), weight: 4 }, fc.constantFrom(...bad));
const headers = fc.record({
  'content-type': likely('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', ''),
  origin: likely<string | undefined>(undefined, 'http://localhost', 'null', 'https://evil.example', 'not a url'),
  host: likely('localhost', '127.0.0.1', 'evil.example', 'localhost:8787', '[::1]:8787'),
});

describe('fuzzing POST /api/generate', () => {
  it('never answers 5xx, and every refusal is a JSON error with a code (1,000 cases)', async () => {
    const codes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(body, headers, async (text, h) => {
        const sent = Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)) as Record<string, string>;
        const res = await app.request('/api/generate', { method: 'POST', headers: sent, body: text });
        expect(res.status).toBeLessThan(500);
        const json = await res.json();
        if (res.status !== 200) {
          expect(typeof json.error.code).toBe('string');
          expect(typeof json.error.message).toBe('string');
          codes.set(json.error.code, (codes.get(json.error.code) ?? 0) + 1);
        } else {
          codes.set('ok', (codes.get('ok') ?? 0) + 1);
          expect(json.images[0].mime).toBe('image/png');
        }
      }),
      { numRuns: 1000 },
    );
    // The cases reached the handler too, not only the guards in front of it.
    expect(codes.get('ok') ?? 0).toBeGreaterThan(0);
    expect(codes.get('invalid_request') ?? 0).toBeGreaterThan(0);
    console.log('fuzz: 1000 cases;', Object.fromEntries([...codes].sort((a, b) => b[1] - a[1])));
  }, 120_000);
});
