// Small real images made in the test (sharp), to give the form as source and control images.
import sharp from 'sharp';
import { createHash } from 'node:crypto';

/** A PNG of one colour. */
export const plainPng = (width: number, height: number, background = { r: 200, g: 60, b: 40 }) =>
  sharp({ create: { width, height, channels: 3, background } }).png().toBuffer();

/** A PNG whose left half is white and right half black: a composition a control image pulls toward. */
export function splitPng(size: number) {
  const pixels = Buffer.alloc(size * size * 3);
  for (let y = 0; y < size; y++) for (let x = 0; x < size / 2; x++) pixels.fill(255, (y * size + x) * 3, (y * size + x) * 3 + 3);
  return sharp(pixels, { raw: { width: size, height: size, channels: 3 } }).png().toBuffer();
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A file for setInputFiles. */
export const pngFile = (name: string, buffer: Buffer) => ({ name, mimeType: 'image/png', buffer });
