// One text chunk read under a cap: refused by its declared length before reading, by a running
// count while inflating, by its checksum; a compressed iTXt of ours within the cap reads back.
import sharp from 'sharp';
import { zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { PngChunk } from 'png-chunks-extract';
import { iTxt, rewritePng } from './png-text';
import { readTextChunk } from './png-text-chunk';

const png = async () => new Uint8Array(await sharp({ create: { width: 8, height: 8, channels: 3, background: '#eee' } }).png().toBuffer());

/** A compressed iTXt: keyword, NUL, flag 1, method 0, empty language tag and translated keyword, zlib data. */
function compressed(keyword: string, data: Uint8Array): PngChunk {
  const head = new TextEncoder().encode(keyword);
  const out = new Uint8Array(head.length + 5 + data.length);
  out.set(head, 0);
  out[head.length + 1] = 1;
  out.set(data, head.length + 5);
  return { name: 'iTXt', data: out };
}

describe('readTextChunk', () => {
  it('reads an uncompressed or compressed iTXt by keyword; none: undefined', async () => {
    const text = 'a plot ✓ '.repeat(100);
    expect(readTextChunk(rewritePng(await png(), [], [iTxt('k', text)]), 'k', 1 << 20)).toEqual({ text });
    expect(readTextChunk(rewritePng(await png(), [], [compressed('k', zlibSync(new TextEncoder().encode(text)))]), 'k', 1 << 20)).toEqual({ text });
    expect(readTextChunk(rewritePng(await png(), [], [iTxt('other', text)]), 'k', 1 << 20)).toBeUndefined();
  });

  it('a chunk declaring more than the cap is refused before it is read', async () => {
    const sheet = rewritePng(await png(), [], [iTxt('k', 'x'.repeat(5000))]);
    expect(readTextChunk(sheet, 'k', 1000)).toEqual({ refused: 'too-large' });
    // Cut right after the chunk's header: the length alone refuses it.
    const at = sheet.findIndex((_, i) => sheet[i] === 0x69 && sheet[i + 1] === 0x54 && sheet[i + 2] === 0x58 && sheet[i + 3] === 0x74) - 4;
    expect(readTextChunk(sheet.slice(0, at + 12), 'k', 1000)).toEqual({ refused: 'too-large' });
  });

  it('a small compressed chunk that inflates past the cap is stopped while inflating', async () => {
    const bomb = zlibSync(new Uint8Array(12 * 1024 * 1024).fill(0x20), { level: 6 });
    expect(bomb.length).toBeLessThan(100_000);
    expect(readTextChunk(rewritePng(await png(), [], [compressed('k', bomb)]), 'k', 8 * 1024 * 1024)).toEqual({ refused: 'too-large' });
  });

  it('a bad checksum, a cut chunk, bad zlib or bad UTF-8: damaged', async () => {
    const sheet = rewritePng(await png(), [], [iTxt('k', 'hello')]);
    const flipped = sheet.slice();
    flipped[flipped.indexOf(0x68)] = 0x48; // h → H in "hello", the checksum no longer matches
    expect(readTextChunk(flipped, 'k', 1000)).toEqual({ refused: 'damaged' });
    expect(readTextChunk(sheet.slice(0, sheet.indexOf(0x68) + 2), 'k', 1000)).toEqual({ refused: 'damaged' });
    expect(readTextChunk(rewritePng(await png(), [], [compressed('k', new Uint8Array([1, 2, 3, 4]))]), 'k', 1000)).toEqual({ refused: 'damaged' });
    const badUtf8 = { name: 'iTXt', data: new Uint8Array([0x6b, 0, 0, 0, 0, 0, 0xff, 0xfe]) };
    expect(readTextChunk(rewritePng(await png(), [], [badUtf8]), 'k', 1000)).toEqual({ refused: 'damaged' });
  });
});
