// The local engine: deterministic, shaped by the prompt, varied by the seed, denoised by steps.
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { sniffImage } from '../sniff';
import { createLocalEngine, EngineBusyError } from './engine';
import { render } from './render';

const engine = createLocalEngine({ threads: 1 });
afterAll(() => engine.close());

const base = { prompt: 'mountain landscape at sunset', seed: 1234, num_inference_steps: 4 };

/** Mean absolute difference between horizontal neighbours: how much fine noise a picture has. */
function roughness(rgb: Uint8Array, width: number): number {
  let sum = 0;
  for (let i = 3; i < rgb.length; i++) if (i % (width * 3) >= 3) sum += Math.abs(rgb[i]! - rgb[i - 3]!);
  return sum / rgb.length;
}

function meanChannels(rgb: Uint8Array): [number, number, number] {
  const sums = [0, 0, 0];
  for (let i = 0; i < rgb.length; i++) sums[i % 3]! += rgb[i]!;
  return sums.map((s) => s / (rgb.length / 3)) as [number, number, number];
}

describe('local engine', () => {
  it('gives byte-identical PNG and JPEG files for the same prompt, seed and steps, at 1024×1024', async () => {
    const a = await engine.generate({ ...base, encoding: 'png' });
    const b = await engine.generate({ ...base, encoding: 'png' });
    expect(Buffer.compare(a, b)).toBe(0);
    expect(sniffImage(a)).toEqual({ mime: 'image/png', width: 1024, height: 1024 });
    const j1 = await engine.generate({ ...base, encoding: 'jpeg' });
    const j2 = await engine.generate({ ...base, encoding: 'jpeg' });
    expect(Buffer.compare(j1, j2)).toBe(0);
    expect(sniffImage(j1)?.mime).toBe('image/jpeg');
  });

  it('gives different images for a different seed, steps or prompt', async () => {
    const png = (over: Partial<typeof base>) => engine.generate({ ...base, ...over, encoding: 'png' });
    const reference = await png({});
    for (const other of [await png({ seed: 1235 }), await png({ num_inference_steps: 5 }), await png({ prompt: 'mountain landscape at sunset, misty' })]) {
      expect(Buffer.compare(reference, other)).not.toBe(0);
    }
  });

  it('acts like denoising: 1 step is visibly noisy, the maximum is crisp', () => {
    const at = (steps: number) => roughness(render({ ...base, num_inference_steps: steps, width: 256, height: 256 }), 256);
    const [one, four, ten] = [at(1), at(4), at(10)];
    expect(one).toBeGreaterThan(four * 2);
    expect(four).toBeGreaterThan(ten);
    expect(ten).toBeLessThan(6);
  });

  it('keeps the composition across steps: more steps refine the same picture', () => {
    const small = (steps: number) => render({ ...base, num_inference_steps: steps, width: 128, height: 128 });
    const [a, b] = [small(8), small(10)];
    let diff = 0;
    for (let i = 0; i < a.length; i++) diff += Math.abs(a[i]! - b[i]!);
    expect(diff / a.length).toBeLessThan(12);
  });

  it('lets colour words choose the palette', () => {
    const mean = (prompt: string) => meanChannels(render({ prompt, seed: 7, num_inference_steps: 10, width: 96, height: 96 }));
    const [fireR, , fireB] = mean('red fire abstract');
    const [oceanR, , oceanB] = mean('blue ocean abstract');
    expect(fireR).toBeGreaterThan(fireB);
    expect(oceanB).toBeGreaterThan(oceanR);
  });

  it('paints exactly the pixels it painted before the speed work, for every composition', () => {
    // SHA-256 prefixes of render() output recorded from the engine before it was made faster
    // (row-at-a-time scenes, plain fill loops): any change to a single pixel changes a hash.
    const cases = [
      ['mountain landscape at sunset', 1234, 4, '9acae02f1acd089c9ca2a9f2deaf4c7a'],
      ['neon city skyline', 7, 1, '6297a8c0d49fa631853ce1eb44f540ba'],
      ['ocean waves at dawn', 99, 10, 'f0e895fe6d409d34a03ac3586910a51a'],
      ['a cat portrait, vivid', 5, 4, '20a23012c336aeada1b89d579bb2e6c0'],
      ['galaxy nebula', 42, 7, '12d2930e5929441dd669b14bb8475eaf'],
      ['abstract dreamy shapes', 3, 2, '849a8c1a293c18fa615bceee74d4bd7a'],
    ] as const;
    for (const [prompt, seed, steps, expected] of cases) {
      const pixels = render({ prompt, seed, num_inference_steps: steps, width: 320, height: 240 });
      expect(createHash('sha256').update(pixels).digest('hex').slice(0, 32), prompt).toBe(expected);
    }
  });

  it('paints the same pixels whether one thread or several share a picture, in bands of any height', async () => {
    // 3 threads on 97 rows: bands of 32, 32 and 33 rows, each painted by its own worker.
    const shared = createLocalEngine({ size: 97, threads: 3 });
    try {
      for (const prompt of ['a cat portrait, vivid', 'neon city skyline', 'galaxy nebula']) {
        const request = { prompt, seed: 11, num_inference_steps: 3 };
        const png = await shared.generate({ ...request, encoding: 'png' });
        const decoded = await sharp(png).raw().toBuffer();
        expect(Buffer.compare(decoded, Buffer.from(render({ ...request, width: 97, height: 97 }))), prompt).toBe(0);
      }
    } finally {
      await shared.close();
    }
  });

  it('encodes a real image that an image library decodes', async () => {
    const { width, height, channels } = await sharp(await engine.generate({ ...base, encoding: 'jpeg' })).metadata();
    expect({ width, height, channels }).toEqual({ width: 1024, height: 1024, channels: 3 });
  });

  it('bounds its worker queue: a burst past it is refused at once with EngineBusyError', async () => {
    const small = createLocalEngine({ size: 64, threads: 1, maxQueue: 1 });
    try {
      const results = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => small.generate({ ...base, seed: i, encoding: 'png' })));
      const refused = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason);
      expect(results.filter((r) => r.status === 'fulfilled').length).toBeGreaterThanOrEqual(1);
      expect(refused.length).toBeGreaterThanOrEqual(1);
      for (const reason of refused) expect(reason).toBeInstanceOf(EngineBusyError);
      expect(refused[0].code).toBe('ENGINE_BUSY');
    } finally {
      await small.close();
    }
  });
});

