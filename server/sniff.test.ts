import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { sniffImage } from './sniff';

const pixels = { create: { width: 3, height: 2, channels: 3 as const, background: '#f80' } };

describe('sniffImage', () => {
  it('reads type and size from the magic numbers of PNG, JPEG and WebP', async () => {
    expect(sniffImage(await sharp(pixels).png().toBuffer())).toEqual({ mime: 'image/png', width: 3, height: 2 });
    expect(sniffImage(await sharp(pixels).jpeg().toBuffer())).toEqual({ mime: 'image/jpeg', width: 3, height: 2 });
    expect(sniffImage(await sharp(pixels).webp().toBuffer())).toEqual({ mime: 'image/webp', width: 3, height: 2 });
  });

  it('refuses what is not one of those images, whatever it claims', async () => {
    expect(sniffImage(new TextEncoder().encode('<html>not an image</html>'))).toBeUndefined();
    expect(sniffImage(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeUndefined(); // a PNG signature cut short
    expect(sniffImage(await sharp(pixels).gif().toBuffer())).toBeUndefined();
    expect(sniffImage(new Uint8Array())).toBeUndefined();
  });
});
