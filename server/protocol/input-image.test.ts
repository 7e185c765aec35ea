// Input images are data: URLs of whole PNG, JPEG or WebP images (decoded, not only by magic
// number), at most 4096 px a side, measured before they are decoded, and sent on labelled with
// the type their bytes are.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { pngDataUrl, pngHeader } from '../test/png-header';
import { checkInputImage, NOT_AN_IMAGE, NOT_WHOLE } from './input-image';

const MiB = 1024 * 1024;
const image = sharp({ create: { width: 8, height: 8, channels: 3, background: '#345' } });
const pngBytes = await image.clone().png().toBuffer();
const png = `data:image/png;base64,${pngBytes.toString('base64')}`;
const jpeg = `data:image/jpeg;base64,${(await image.clone().jpeg().toBuffer()).toString('base64')}`;
const webp = `data:image/webp;base64,${(await image.clone().webp().toBuffer()).toString('base64')}`;
const gif = `data:image/gif;base64,${(await image.clone().gif().toBuffer()).toString('base64')}`;
const problem = async (url: string) => {
  const checked = await checkInputImage(url, MiB);
  return 'problem' in checked ? checked.problem : undefined;
};

describe('checkInputImage', () => {
  it('accepts PNG, JPEG and WebP data: URLs, whatever their label says, and labels them by their bytes', async () => {
    for (const url of [png, jpeg, webp]) expect(await checkInputImage(url, MiB)).toEqual({ dataUrl: url });
    expect(await checkInputImage(jpeg.replace('image/jpeg', 'application/octet-stream'), MiB)).toEqual({ dataUrl: jpeg });
    // A page's type on an image's bytes goes on as the image it is, never as text/html.
    expect(await checkInputImage(png.replace('image/png', 'text/html'), MiB)).toEqual({ dataUrl: png });
  });

  it.each([
    ['an https URL', 'https://example.com/a.png'],
    ['a loopback URL', 'http://127.0.0.1:8787/api/images/x'],
    ['a file URL', 'file:///etc/passwd'],
    ['a data: URL that is not base64', 'data:image/png,hello'],
    ['a GIF', gif],
    ['text labelled PNG', `data:image/png;base64,${Buffer.from('hello').toString('base64')}`],
    ['empty', 'data:image/png;base64,'],
  ])('refuses %s', async (_, url) => {
    expect(await problem(url)).toBe(NOT_AN_IMAGE);
  });

  it.each([
    ['a PNG cut at 40 bytes', `data:image/png;base64,${pngBytes.subarray(0, 40).toString('base64')}`],
    ['a PNG cut short of its last pixels', `data:image/png;base64,${pngBytes.subarray(0, pngBytes.length - 20).toString('base64')}`],
    ['a header claiming 4096×4096 with no data behind it', pngDataUrl(4096, 4096)],
    ['a header claiming 4096×4096 with a little data', `data:image/png;base64,${Buffer.concat([pngHeader(4096, 4096), Buffer.alloc(64)]).toString('base64')}`],
  ])('refuses %s: the image is decoded, not only its header read', async (_, url) => {
    expect(await problem(url)).toBe(NOT_WHOLE);
  });

  it('refuses base64 that is not valid, and sizes over 4096 px a side', async () => {
    expect(await problem('data:image/png;base64,iVBO*Rw0')).toMatch(/base64 is not valid/);
    expect(await problem(pngDataUrl(4097, 10))).toBe('is 4097×10 px: at most 4096 px a side');
    expect(await problem(pngDataUrl(10, 9000))).toBe('is 10×9000 px: at most 4096 px a side');
  });

  it('measures the payload before decoding it', async () => {
    // Not even valid base64: refused by its length alone, before anything is decoded.
    expect(await problem(`data:image/png;base64,${'*'.repeat(2 * MiB)}`)).toBe('is larger than 1 MiB');
  });
});
