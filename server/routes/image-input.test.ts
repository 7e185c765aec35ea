// Input images are data: URLs of PNG, JPEG or WebP bytes (by magic number), at most 4096 px a
// side, measured before they are decoded.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { pngDataUrl } from '../test/png-header';
import { inputImageProblem, NOT_AN_IMAGE } from './image-input';

const MiB = 1024 * 1024;
const image = sharp({ create: { width: 8, height: 8, channels: 3, background: '#345' } });
const jpeg = `data:image/jpeg;base64,${(await image.clone().jpeg().toBuffer()).toString('base64')}`;
const webp = `data:image/webp;base64,${(await image.clone().webp().toBuffer()).toString('base64')}`;
const gif = `data:image/gif;base64,${(await image.clone().gif().toBuffer()).toString('base64')}`;

describe('inputImageProblem', () => {
  it('accepts PNG, JPEG and WebP data: URLs, whatever their label says', () => {
    for (const url of [pngDataUrl(), jpeg, webp, jpeg.replace('image/jpeg', 'application/octet-stream'), pngDataUrl(4096, 4096)]) expect(inputImageProblem(url, MiB)).toBeUndefined();
  });

  it.each([
    ['an https URL', 'https://example.com/a.png'],
    ['a loopback URL', 'http://127.0.0.1:8787/api/images/x'],
    ['a file URL', 'file:///etc/passwd'],
    ['a data: URL that is not base64', 'data:image/png,hello'],
    ['a GIF', gif],
    ['text labelled PNG', `data:image/png;base64,${Buffer.from('hello').toString('base64')}`],
    ['empty', 'data:image/png;base64,'],
  ])('refuses %s', (_, url) => {
    expect(inputImageProblem(url, MiB)).toBe(NOT_AN_IMAGE);
  });

  it('refuses base64 that is not valid, and sizes over 4096 px a side', () => {
    expect(inputImageProblem('data:image/png;base64,iVBO*Rw0', MiB)).toMatch(/base64 is not valid/);
    expect(inputImageProblem(pngDataUrl(4097, 10), MiB)).toBe('is 4097×10 px: at most 4096 px a side');
    expect(inputImageProblem(pngDataUrl(10, 9000), MiB)).toBe('is 10×9000 px: at most 4096 px a side');
  });

  it('measures the payload before decoding it', () => {
    // Not even valid base64: refused by its length alone, before anything is decoded.
    expect(inputImageProblem(`data:image/png;base64,${'*'.repeat(2 * MiB)}`, MiB)).toBe('is larger than 1 MiB');
  });
});
