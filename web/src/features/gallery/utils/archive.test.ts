import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import type { GalleryEntry } from '../../../lib/params';
import { buildArchive, readArchive } from './archive';
import { readParameters } from './metadata';

const entry = (id: string, over: Partial<GalleryEntry> = {}): GalleryEntry => ({
  id, prompt: 'a red barn, 🌾', steps: 4, seed: 9, format: 'png', engine: 'local', endpoint: 'local-engine', createdAt: 1700000000000, elapsedMs: 120, mime: 'image/png', width: 8, height: 8, bytes: 1, starred: true,
  group: { id: 'g', kind: 'seeds', label: 'Seed sweep ×2', index: 0, size: 2 }, ...over,
});

describe('gallery archive', () => {
  it('round-trips bytes and every field, with standalone files that carry their parameters', async () => {
    const png = new Uint8Array(await sharp({ create: { width: 8, height: 8, channels: 3, background: '#a33' } }).png().toBuffer());
    const jpg = new Uint8Array(await sharp({ create: { width: 8, height: 8, channels: 3, background: '#3a3' } }).jpeg().toBuffer());
    const items = [
      { entry: entry('one'), image: png },
      { entry: entry('two', { format: 'jpeg', mime: 'image/jpeg' }), image: jpg },
      { entry: entry('three', { format: 'raw' }), image: png }, // same prompt, seed and steps: a second name
    ];
    const zip = buildArchive(items);
    const names = Object.keys(unzipSync(zip)).sort();
    expect(names).toEqual(['images/a-red-barn-seed9-steps4-2.png', 'images/a-red-barn-seed9-steps4.jpg', 'images/a-red-barn-seed9-steps4.png', 'manifest.json']);
    expect(readParameters(unzipSync(zip)['images/a-red-barn-seed9-steps4.jpg']!)).toMatchObject({ prompt: 'a red barn, 🌾', seed: 9 });
    const back = readArchive(zip);
    expect(back.map((b) => b.entry)).toEqual(items.map((i) => i.entry));
    back.forEach((b, i) => expect(Buffer.compare(b.image, items[i]!.image)).toBe(0));
  });

  it('refuses what is not an export, clearly', () => {
    expect(() => readArchive(new Uint8Array([1, 2, 3]))).toThrow('not a zip archive');
    expect(() => readArchive(buildArchive([]).slice(0, 0))).toThrow();
  });
});
