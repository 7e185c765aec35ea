// The metadata round trip on real PNG and JPEG files (made by sharp, as the local engine does).
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { DamagedImageError, embedParameters, parametersText, readParameters, stripParameters } from './metadata';
import { downloadName } from './file-name';
import { isPng, pngTexts } from './png-text';
import { jpegComments } from './jpeg-comments';

const pixels = sharp({ create: { width: 8, height: 8, channels: 3, background: '#3a7' } });
const params = { prompt: 'a "quiet" lake at dawn, 日本の庭, 🌅\nsecond line', num_inference_steps: 6, seed: 4294967295, response_format: 'png' as const };
const meta = { ...params, engine: 'friendli' as const, endpoint: 'ep-123', width: 8, height: 8 };

describe.each([
  ['PNG', () => pixels.clone().png().toBuffer()],
  ['JPEG', () => pixels.clone().jpeg().toBuffer()],
])('%s metadata', (_, make) => {
  it('round-trips the exact parameters, unicode and newlines included', async () => {
    const original = new Uint8Array(await make());
    const tagged = embedParameters(original, meta);
    expect(readParameters(tagged)).toEqual({ ...params, endpoint: 'ep-123' });
    expect(readParameters(original)).toBeUndefined();
  });

  it('leaves the pixels untouched and the file valid', async () => {
    const original = await make();
    const tagged = embedParameters(new Uint8Array(original), meta);
    const [a, b] = await Promise.all([sharp(original).raw().toBuffer(), sharp(Buffer.from(tagged)).raw().toBuffer()]);
    expect(Buffer.compare(a, b)).toBe(0);
  });

  it('strips them again to the very bytes that were generated', async () => {
    const original = new Uint8Array(await make());
    expect(Buffer.compare(stripParameters(embedParameters(original, meta)), original)).toBe(0);
  });

  it('replaces its own earlier parameters instead of stacking them', async () => {
    const once = embedParameters(new Uint8Array(await make()), meta);
    const twice = embedParameters(once, { ...meta, seed: 7 });
    expect(readParameters(twice)?.seed).toBe(7);
    expect(twice.length).toBeLessThan(once.length + 50);
  });
});

describe('an edit\'s metadata', () => {
  const hash = 'ab'.repeat(32);
  const control = 'cd'.repeat(32);
  const edit = {
    ...meta, prompt: 'make the sky violet', endpoint: 'local-engine', engine: 'local' as const, adapter: 'watercolor', guidance_scale: 7.5,
    source: { hash, mime: 'image/png' as const, width: 8, height: 8, entryId: 'parent-1' },
    controls: [{ image: { hash: control, mime: 'image/png' as const, width: 8, height: 8 }, weight: 0.25 }],
  };

  it.each([['PNG', () => pixels.clone().png().toBuffer()], ['JPEG', () => pixels.clone().jpeg().toBuffer()]])('%s: the JSON names the endpoint, adapter, guidance, source hash, parent and control hashes and weights', async (_, make) => {
    const tagged = embedParameters(new Uint8Array(await make()), edit);
    const found = isPng(tagged) ? pngTexts(tagged).get('friendli-studio') : jpegComments(tagged).find((c) => c.startsWith('friendli-studio:'))?.slice('friendli-studio:'.length);
    const json = JSON.parse(found!) as unknown;
    expect(json).toMatchObject({ endpoint: 'local-engine', adapter: 'watercolor', guidance_scale: 7.5, parent: 'parent-1', source: { hash, entryId: 'parent-1' }, controls: [{ image: { hash: control }, weight: 0.25 }] });
    // Dropping the file back restores endpoint, adapter and guidance (never the images: they are not in the file).
    expect(readParameters(tagged)).toEqual({ prompt: 'make the sky violet', num_inference_steps: 6, seed: 4294967295, response_format: 'png', endpoint: 'local-engine', adapter: 'watercolor', guidance_scale: 7.5 });
  });

  it('the text form says them too, and reads adapter and guidance back', async () => {
    const text = parametersText(edit);
    const { iTxt, rewritePng } = await import('./png-text');
    const textOnly = rewritePng(new Uint8Array(await pixels.clone().png().toBuffer()), [], [iTxt('parameters', text)]);
    expect(readParameters(textOnly)).toMatchObject({ adapter: 'watercolor', guidance_scale: 7.5 });
    expect(text).toBe(`make the sky violet\nSteps: 6, Seed: 4294967295, Size: 8x8, Model: local-engine, Adapter: watercolor, Guidance: 7.5, Engine: local preview engine, Format: png, Edited from source sha256:${hash} (gallery entry parent-1), Control image 1 sha256:${control} weight 0.25`);
  });
});

describe('parameters text', () => {
  it('follows the convention other studios write', () => {
    expect(parametersText(meta)).toBe(`${params.prompt}\nSteps: 6, Seed: 4294967295, Size: 8x8, Model: ep-123, Engine: FriendliAI, Format: png`);
  });

  it("reads another studio's PNG that carries only that text", async () => {
    const foreign = await pixels.clone().png().withMetadata().toBuffer();
    // A file as another studio writes it: a tEXt `parameters` chunk with a negative prompt line.
    const extract = (await import('png-chunks-extract')).default;
    const encode = (await import('png-chunks-encode')).default;
    const chunks = extract(new Uint8Array(foreign));
    const text = new TextEncoder().encode('parameters\0a red barn\nNegative prompt: blurry\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: 42, Size: 8x8');
    chunks.splice(1, 0, { name: 'tEXt', data: text });
    expect(readParameters(encode(chunks))).toEqual({ prompt: 'a red barn', num_inference_steps: 20, seed: 42 });
  });
});

describe('files from earlier versions', () => {
  it('still restore: their JSON says `steps` and `format`', async () => {
    const png = new Uint8Array(await pixels.clone().png().toBuffer());
    const old = { app: 'friendli-image-studio', version: 1, prompt: 'a red barn', steps: 4, seed: 9, format: 'jpeg' };
    const extract = (await import('png-chunks-extract')).default;
    const encode = (await import('png-chunks-encode')).default;
    const chunks = extract(png);
    chunks.splice(1, 0, { name: 'tEXt', data: new TextEncoder().encode(`friendli-studio\0${JSON.stringify(old)}`) });
    expect(readParameters(encode(chunks))).toEqual({ prompt: 'a red barn', num_inference_steps: 4, seed: 9, response_format: 'jpeg' });
  });
});

describe('download names', () => {
  it('say what the file is, with the extension of the real bytes', async () => {
    const png = new Uint8Array(await pixels.clone().png().toBuffer());
    const jpg = new Uint8Array(await pixels.clone().jpeg().toBuffer());
    expect(downloadName({ prompt: 'A Café at Night, *neon*!', seed: 12, num_inference_steps: 4 }, png)).toBe('a-cafe-at-night-neon-seed12-steps4.png');
    expect(downloadName({ prompt: '🌅🌅', seed: 1, num_inference_steps: 10 }, jpg)).toBe('image-seed1-steps10.jpg');
    expect(downloadName({ prompt: 'x'.repeat(100), seed: 1, num_inference_steps: 1 }, png)).toBe(`${'x'.repeat(48)}-seed1-steps1.png`);
  });
});

describe('a damaged PNG', () => {
  it('bad checksum or cut short: a DamagedImageError with a clear message, never a raw parser error', async () => {
    const tagged = embedParameters(new Uint8Array(await pixels.clone().png().toBuffer()), meta);
    const badCrc = tagged.slice();
    badCrc[40] = badCrc[40]! ^ 0xff; // inside the first chunk after the signature (IHDR), whose CRC now fails
    const cutShort = tagged.slice(0, tagged.length - 30);
    for (const damaged of [badCrc, cutShort]) {
      expect(() => readParameters(damaged)).toThrow(DamagedImageError);
      expect(() => readParameters(damaged)).toThrow('The image file is damaged');
    }
  });
});
