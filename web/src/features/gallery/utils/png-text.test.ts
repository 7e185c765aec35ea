// Writing chunks: the bytes rewritePng writes are exactly what png-chunks-encode (kept for tests as
// the reference encoder) writes for the same chunks, and png-chunks-extract reads them back with
// their checksums intact.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import extract from 'png-chunks-extract';
import encode from 'png-chunks-encode';
import { iTxt, pngTexts, rewritePng } from './png-text';

describe('rewritePng', () => {
  it('writes the same bytes as the reference encoder, with valid checksums', async () => {
    const png = new Uint8Array(await sharp({ create: { width: 16, height: 9, channels: 4, background: '#3a6' } }).png().toBuffer());
    const chunk = iTxt('parameters', 'a red barn, 🌾\nSteps: 4');
    const ours = rewritePng(png, [], [chunk]);
    const chunks = extract(png);
    chunks.splice(chunks.findIndex((c) => c.name === 'IDAT'), 0, chunk);
    expect(ours).toEqual(encode(chunks));
    expect(extract(ours).map((c) => c.name)).toEqual(chunks.map((c) => c.name));
    expect(pngTexts(ours).get('parameters')).toBe('a red barn, 🌾\nSteps: 4');
  });
});
