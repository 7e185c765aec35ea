// The local engine's edits, guidance, control images and adapter routes, through its own app: the
// result of an edit follows its source, and every input gives the same bytes each time.
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryImageStore } from '../image-store';
import { EDITS_PATH } from '../protocol/edits';
import { RESPONSE_FORMATS } from '../protocol/fields';
import { GENERATIONS_PATH } from '../protocol/generations';
import { specSchema } from '../test/friendli-spec';
import { createLocalEngineApp } from './app';
import { createLocalEngine } from './engine';
import { foldGuides, luminanceMap, MAP_SIZE } from './guide';
import { render, renderRows } from './render';

const SIDE = 128;
const engine = createLocalEngine({ size: SIDE, threads: 1 });
const app = createLocalEngineApp(engine, createMemoryImageStore({ maxBytes: 1 << 24 }));
afterAll(() => engine.close());

const post = (path: string, body: unknown) =>
  app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** A greyscale PNG data: URL of `side`², each pixel's level from f(x, y) in 0..1. */
async function picture(f: (x: number, y: number) => number, side = 256): Promise<string> {
  const raw = Buffer.alloc(side * side);
  for (let y = 0; y < side; y++) for (let x = 0; x < side; x++) raw[y * side + x] = Math.round(255 * f(x / side, y / side));
  const png = await sharp(raw, { raw: { width: side, height: side, channels: 1 } }).png().toBuffer();
  return `data:image/png;base64,${png.toString('base64')}`;
}

// Two sources with unrelated compositions: a left-to-right ramp and a bright disc in a dark field.
const sourceA = await picture((x) => x);
const sourceB = await picture((x, y) => ((x - 0.5) ** 2 + (y - 0.5) ** 2 < 0.09 ? 1 : 0));

/** 32² luminance of an image (bytes or data: URL), for correlating compositions. */
async function lumaMap(image: Buffer | string): Promise<number[]> {
  const bytes = typeof image === 'string' ? Buffer.from(image.slice(image.indexOf(',') + 1), 'base64') : image;
  return [...(await sharp(bytes).resize(32, 32, { fit: 'fill' }).toColourspace('b-w').extractChannel(0).raw().toBuffer())];
}

function correlation(a: number[], b: number[]): number {
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const ma = mean(a);
  const mb = mean(b);
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += (a[i]! - ma) * (b[i]! - mb);
    aa += (a[i]! - ma) ** 2;
    bb += (b[i]! - mb) ** 2;
  }
  return ab / Math.sqrt(aa * bb);
}

/** The PNG bytes an operation answers with (b64), failing the test on any other status. */
async function png(path: string, body: Record<string, unknown>): Promise<Buffer> {
  const response = await post(path, { seed: 7, num_inference_steps: 6, response_format: 'png', ...body });
  expect(response.status, await response.clone().text()).toBe(200);
  const json = await response.json();
  return Buffer.from(json.data[0].b64_json, 'base64');
}
const edit = (body: Record<string, unknown>) => png(EDITS_PATH, { prompt: 'violet sky over hills', image: { image: sourceA }, ...body });
const generate = (body: Record<string, unknown>) => png(GENERATIONS_PATH, { prompt: 'violet sky over hills', ...body });

async function detail(response: Response): Promise<{ loc: (string | number)[]; msg: string }[]> {
  expect(response.status).toBe(422);
  const body = await response.json();
  expect(specSchema('HTTPValidationError')(body)).toBe(true);
  return body.detail;
}

describe('local engine edits', () => {
  it('follow the source: the composition correlates with its own source, not with another', async () => {
    const fromA = await edit({ image: { image: sourceA } });
    const fromB = await edit({ image: { image: sourceB } });
    expect(Buffer.compare(fromA, fromB)).not.toBe(0);
    const [a, b, resultA, resultB] = await Promise.all([lumaMap(sourceA), lumaMap(sourceB), lumaMap(fromA), lumaMap(fromB)]);
    expect(correlation(resultA, a)).toBeGreaterThan(0.6);
    expect(correlation(resultA, a)).toBeGreaterThan(correlation(resultA, b) + 0.4);
    expect(correlation(resultB, b)).toBeGreaterThan(0.6);
    expect(correlation(resultB, b)).toBeGreaterThan(correlation(resultB, a) + 0.4);
    // And the prompt still chooses the look: another prompt, another picture of the same source.
    expect(Buffer.compare(fromA, await edit({ prompt: 'red fire' }))).not.toBe(0);
  });

  it('are deterministic, and edit the first image of a list', async () => {
    const once = await edit({});
    expect(Buffer.compare(once, await edit({}))).toBe(0);
    expect(Buffer.compare(once, await edit({ image: [{ image: sourceA }, { image: sourceB }] }))).toBe(0);
    const jpeg = async () => Buffer.from((await (await post(EDITS_PATH, { prompt: 'x', image: { image: sourceA }, seed: 1, response_format: 'jpeg' })).json()).data[0].b64_json, 'base64');
    expect(Buffer.compare(await jpeg(), await jpeg())).toBe(0);
  });

  it.each(RESPONSE_FORMATS)('answer as the spec describes for response_format %s, with and without optional fields', async (format) => {
    for (const extra of [{}, { model: 'local', num_inference_steps: 3, guidance_scale: 4, seed: 9 }, { guidance_scale: null, seed: null, response_format: null }]) {
      const response = await post(EDITS_PATH, { prompt: 'a quiet lake', image: { image: sourceA }, response_format: format, ...extra });
      expect(response.status).toBe(200);
      const body = await response.json();
      const success = specSchema('DedicatedImageEditSuccess');
      expect(success(body), JSON.stringify(success.errors)).toBe(true);
      expect(Number.isInteger(body.data[0].seed)).toBe(true);
    }
  });

  it('refuse a source that is not a data: URL, or not an image, with a 422 naming the field', async () => {
    const remote = await detail(await post(EDITS_PATH, { prompt: 'x', image: { image: 'https://example.com/a.png' } }));
    expect(remote.map((d) => d.loc.join('.'))).toEqual(['body.image.image']);
    expect(remote[0]!.msg).toMatch(/data: URL/);
    const garbage = await detail(await post(EDITS_PATH, { prompt: 'x', image: [{ image: `data:image/png;base64,${Buffer.from('not an image').toString('base64')}` }] }));
    expect(garbage.map((d) => d.loc.join('.'))).toEqual(['body.image.0.image']);
    const wide = await sharp({ create: { width: 4097, height: 2, channels: 3, background: '#808080' } }).png().toBuffer();
    const tooWide = await detail(await post(EDITS_PATH, { prompt: 'x', image: { image: `data:image/png;base64,${wide.toString('base64')}` } }));
    expect(tooWide.map((d) => d.loc.join('.'))).toEqual(['body.image.image']);
    expect(tooWide[0]!.msg).toMatch(/4096/);
    const gif = await detail(await post(EDITS_PATH, { prompt: 'x', image: { image: `data:image/gif;base64,${Buffer.from('GIF89a\x01\x00\x01\x00').toString('base64')}` } }));
    expect(gif.map((d) => d.loc.join('.'))).toEqual(['body.image.image']);
    const missing = await detail(await post(EDITS_PATH, { prompt: 'x' }));
    expect(missing.map((d) => d.loc.join('.'))).toEqual(['body.image']);
  });
});

describe('local engine guidance', () => {
  it('changes the result, deterministically; null is the same as absent', async () => {
    for (const run of [generate, edit]) {
      const plain = await run({});
      expect(Buffer.compare(plain, await run({ guidance_scale: null }))).toBe(0);
      const strong = await run({ guidance_scale: 15 });
      expect(Buffer.compare(strong, plain)).not.toBe(0);
      expect(Buffer.compare(strong, await run({ guidance_scale: 15 }))).toBe(0);
      expect(Buffer.compare(strong, await run({ guidance_scale: 2 }))).not.toBe(0);
    }
  });
});

describe('local engine control images', () => {
  it('pull the composition toward their map in proportion to their weight', async () => {
    const plain = await generate({});
    const control = (weights?: number[]) => generate({ control_images: [{ image: sourceB }], ...(weights ? { controlnet_weights: weights } : {}) });
    expect(Buffer.compare(await control([0]), plain)).toBe(0);
    const full = await control([1]);
    expect(Buffer.compare(full, await control())).toBe(0); // weight 1 when weights are absent
    expect(Buffer.compare(full, await control([1]))).toBe(0);
    const b = await lumaMap(sourceB);
    const [r0, rHalf, r1] = await Promise.all([lumaMap(plain), control([0.4]).then(lumaMap), lumaMap(full)]);
    expect(correlation(rHalf, b)).toBeGreaterThan(correlation(r0, b));
    expect(correlation(r1, b)).toBeGreaterThan(correlation(rHalf, b));
    expect(correlation(r1, b)).toBeGreaterThan(0.6);
    // Two control images: a weight-0 one changes nothing.
    const two = await generate({ control_images: [{ image: sourceB }, { image: sourceA }], controlnet_weights: [1, 0] });
    expect(Buffer.compare(two, full)).toBe(0);
  });

  it('refuse weights that do not match the images, non-data URLs, and more than two images, with a 422', async () => {
    for (const body of [{ control_images: [{ image: sourceB }], controlnet_weights: [1, 1] }, { control_images: [{ image: sourceB }, { image: sourceA }], controlnet_weights: [1] }, { controlnet_weights: [0.5] }]) {
      const issues = await detail(await post(GENERATIONS_PATH, { prompt: 'x', ...body }));
      expect(issues.map((d) => d.loc.join('.'))).toEqual(['body.controlnet_weights']);
    }
    const remote = await detail(await post(GENERATIONS_PATH, { prompt: 'x', control_images: [{ image: sourceB }, { image: 'http://127.0.0.1/a.png' }] }));
    expect(remote.map((d) => d.loc.join('.'))).toEqual(['body.control_images.1.image']);
    const three = await detail(await post(GENERATIONS_PATH, { prompt: 'x', control_images: [{ image: sourceA }, { image: sourceA }, { image: sourceA }] }));
    expect(three.map((d) => d.loc.join('.'))).toEqual(['body.control_images']);
  });
});

describe('local engine adapter routes', () => {
  it('watercolor and blueprint each change the style, deterministically; a model without a route is as before', async () => {
    for (const run of [generate, edit]) {
      const plain = await run({ model: 'local' });
      expect(Buffer.compare(plain, await run({}))).toBe(0);
      const watercolor = await run({ model: 'local:watercolor' });
      const blueprint = await run({ model: 'local:blueprint' });
      expect(Buffer.compare(watercolor, plain)).not.toBe(0);
      expect(Buffer.compare(blueprint, plain)).not.toBe(0);
      expect(Buffer.compare(watercolor, blueprint)).not.toBe(0);
      expect(Buffer.compare(watercolor, await run({ model: 'local:watercolor' }))).toBe(0);
      expect(Buffer.compare(blueprint, await run({ model: 'local:blueprint' }))).toBe(0);
    }
  });

  it('blueprint is blue; watercolor is softer than the plain picture', async () => {
    const stats = async (bytes: Buffer) => {
      const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
      const mean = [0, 0, 0];
      let rough = 0;
      for (let i = 0; i < data.length; i++) {
        mean[i % 3]! += data[i]! / (data.length / 3);
        if (i % (info.width * 3) >= 3) rough += Math.abs(data[i]! - data[i - 3]!) / data.length;
      }
      return { mean, rough };
    };
    const plain = await stats(await generate({}));
    const blue = await stats(await generate({ model: 'x:blueprint' }));
    expect(blue.mean[2]).toBeGreaterThan(blue.mean[0]! + 60);
    const wet = await stats(await generate({ model: 'x:watercolor' }));
    expect(wet.rough).toBeLessThan(plain.rough);
  });

  it('refuse an unknown route with a 422 that names it', async () => {
    for (const path of [GENERATIONS_PATH, EDITS_PATH]) {
      const issues = await detail(await post(path, { prompt: 'x', model: 'local:oil-paint', image: { image: sourceA } }));
      expect(issues.map((d) => d.loc.join('.'))).toEqual(['body.model']);
      expect(issues[0]!.msg).toContain('oil-paint');
    }
  });
});

describe('local engine guides', () => {
  it('paint the same pixels however the rows are split into bands', async () => {
    const map = await luminanceMap(Buffer.from(sourceB.slice(sourceB.indexOf(',') + 1), 'base64'));
    expect(map.length).toBe(MAP_SIZE * MAP_SIZE);
    const input = { prompt: 'city at night', seed: 3, num_inference_steps: 4, width: 96, height: 80, guidance_scale: 11, guide: foldGuides([{ map, weight: 0.85 }, { map, weight: 0.3 }]) };
    const whole = render(input);
    const banded = new Uint8Array(whole.length);
    for (const [from, to] of [[0, 7], [7, 41], [41, 80]] as const) renderRows(input, from, to, banded);
    expect(Buffer.compare(Buffer.from(whole), Buffer.from(banded))).toBe(0);
    expect(foldGuides([{ map, weight: 0 }])).toBeUndefined();
  });
});
