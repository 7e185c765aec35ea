// An image's size from its header alone, for each format the studio takes; anything else: undefined.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { imageSize } from './image-size';

const encode = async (width: number, height: number, format: 'png' | 'jpeg' | 'webp', options: object = {}) =>
  new Uint8Array(await sharp({ create: { width, height, channels: 3, background: '#357' } })[format](options).toBuffer());

describe('imageSize', () => {
  it('reads PNG, JPEG (baseline and progressive) and WebP (lossy, lossless, extended) sizes', async () => {
    expect(imageSize(await encode(300, 200, 'png'))).toEqual({ width: 300, height: 200 });
    expect(imageSize(await encode(301, 199, 'jpeg'))).toEqual({ width: 301, height: 199 });
    expect(imageSize(await encode(64, 48, 'jpeg', { progressive: true }))).toEqual({ width: 64, height: 48 });
    expect(imageSize(await encode(123, 45, 'webp'))).toEqual({ width: 123, height: 45 });
    expect(imageSize(await encode(123, 45, 'webp', { lossless: true }))).toEqual({ width: 123, height: 45 });
    const extended = new Uint8Array(await sharp({ create: { width: 77, height: 33, channels: 4, background: { r: 1, g: 2, b: 3, alpha: 0.5 } } }).webp().toBuffer());
    expect(imageSize(extended)).toEqual({ width: 77, height: 33 });
  });

  it('reads the size a header declares without decoding: a PNG claiming 16384 × 16384', async () => {
    const png = await encode(8, 8, 'png');
    new DataView(png.buffer).setUint32(16, 16384);
    new DataView(png.buffer).setUint32(20, 16384);
    expect(imageSize(png)).toEqual({ width: 16384, height: 16384 });
  });

  it('a header cut short, or not an image: undefined', async () => {
    expect(imageSize((await encode(8, 8, 'png')).slice(0, 20))).toBeUndefined();
    expect(imageSize((await encode(8, 8, 'jpeg')).slice(0, 30))).toBeUndefined();
    expect(imageSize(new TextEncoder().encode('GIF89a, not for us'))).toBeUndefined();
    expect(imageSize(new Uint8Array(0))).toBeUndefined();
  });
});
