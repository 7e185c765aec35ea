import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { strToU8, unzipSync, zipSync } from 'fflate';
import type { GalleryEntry } from '@/lib/params';
import { createHash } from 'node:crypto';
import { ArchiveError, InputMemberError, buildArchive, openArchive, type ArchiveLimits } from './archive';
import { readParameters, stripParameters } from './metadata';
import { plotRecord } from '@/lib/plot-fixture.test-util';

const entry = (id: string, over: Partial<GalleryEntry> = {}): GalleryEntry => ({
  id, prompt: 'a red barn, 🌾', num_inference_steps: 4, seed: 9, response_format: 'png', engine: 'local', endpoint: 'local-engine', createdAt: 1700000000000, elapsedMs: 120, mime: 'image/png', width: 8, height: 8, bytes: 1, starred: true,
  group: { id: 'g', kind: 'seeds', label: 'Seed sweep ×2', index: 0, size: 2 }, ...over,
});
const blob = (bytes: Uint8Array) => new Blob([bytes as Uint8Array<ArrayBuffer>]);

/** Every valid item with its image as stored (parameters stripped), and the damaged count. */
async function readAll(zip: Uint8Array, limits?: ArchiveLimits) {
  const archive = await openArchive(blob(zip), limits);
  const items = [];
  for (const { entry, file } of archive.items) items.push({ entry, image: stripParameters(await archive.readImage(file)) });
  return { items, damaged: archive.damaged };
}

/** A zip with this manifest and these members, deflated (level 9) unless told otherwise. */
const zipOf = (manifest: unknown, files: Record<string, Uint8Array> = {}, level: 0 | 9 = 9) =>
  zipSync({ ...files, 'manifest.json': strToU8(JSON.stringify(manifest)) }, { level });
const manifestOf = (entries: unknown[]) => ({ app: 'friendli-image-studio', version: 1, exported_at: '2026-01-01T00:00:00Z', entries });

describe('gallery archive', () => {
  it('round-trips bytes and every field, with standalone files that carry their parameters', async () => {
    const png = new Uint8Array(await sharp({ create: { width: 8, height: 8, channels: 3, background: '#a33' } }).png().toBuffer());
    const jpg = new Uint8Array(await sharp({ create: { width: 8, height: 8, channels: 3, background: '#3a3' } }).jpeg().toBuffer());
    const items = [
      { entry: entry('one'), image: png },
      { entry: entry('two', { response_format: 'jpeg', mime: 'image/jpeg' }), image: jpg },
      { entry: entry('three', { response_format: 'raw' }), image: png }, // same prompt, seed and steps: a second name
    ];
    const zip = buildArchive(items);
    const names = Object.keys(unzipSync(zip)).sort();
    expect(names).toEqual(['images/a-red-barn-seed9-steps4-2.png', 'images/a-red-barn-seed9-steps4.jpg', 'images/a-red-barn-seed9-steps4.png', 'manifest.json']);
    expect(readParameters(unzipSync(zip)['images/a-red-barn-seed9-steps4.jpg']!)).toMatchObject({ prompt: 'a red barn, 🌾', seed: 9 });
    const back = await readAll(zip);
    expect(back.damaged).toBe(0);
    expect(back.items.map((b) => b.entry)).toEqual(items.map((i) => i.entry));
    back.items.forEach((b, i) => expect(Buffer.compare(b.image, items[i]!.image)).toBe(0));
  });

  it('refuses what is not an export, clearly', async () => {
    await expect(openArchive(blob(new Uint8Array([1, 2, 3])))).rejects.toThrow('not a zip archive');
    await expect(openArchive(blob(zipSync({ 'a.txt': strToU8('hi') })))).rejects.toThrow('no manifest.json');
    await expect(openArchive(blob(zipOf({ app: 'other', entries: [] })))).rejects.toThrow('not exported from Friendli Image Studio');
    await expect(openArchive(blob(zipSync({ 'manifest.json': strToU8('{not json') })))).rejects.toThrow('manifest.json in this zip is damaged');
  });

  it('validates every manifest record with the entry schema: wrong-typed fields are counted as damaged, the rest kept', async () => {
    const image = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const good = { ...entry('good'), file: 'images/good.png' };
    const zip = zipOf(
      manifestOf([
        good,
        { ...entry('label'), group: { ...entry('x').group, label: { evil: true } }, file: 'images/good.png' },
        { ...entry('format'), response_format: { evil: true }, file: 'images/good.png' },
        { ...entry('endpoint'), endpoint: { evil: true }, file: 'images/good.png' },
        { ...entry('no-member'), file: 'images/missing.png' },
        'not even an object',
      ]),
      { 'images/good.png': image },
    );
    const archive = await openArchive(blob(zip));
    expect(archive.items.map((i) => i.entry.id)).toEqual(['good']);
    expect(archive.damaged).toBe(5);
  });

  it('imports a zip exported by an earlier version, whose entries say `steps` and `format`', async () => {
    const image = new Uint8Array(await sharp({ create: { width: 8, height: 8, channels: 3, background: '#33a' } }).png().toBuffer());
    const { num_inference_steps, response_format, ...rest } = entry('old');
    const zip = zipOf(manifestOf([{ ...rest, steps: num_inference_steps, format: response_format, file: 'images/old.png' }]), { 'images/old.png': image });
    const archive = await openArchive(blob(zip));
    expect(archive.items.map((i) => i.entry)).toEqual([entry('old')]);
    expect(archive.damaged).toBe(0);
  });

  it('refuses a bomb by its declared size, and by its actual size when the declared one lies, without inflating it all', async () => {
    const limits = { imageMax: 64 * 1024, manifestMax: 16 * 1024 };
    const bomb = new Uint8Array(8 * 1024 * 1024); // 8 MB of zeros: ~8 KB deflated
    const zip = zipOf(manifestOf([{ ...entry('bomb'), file: 'images/bomb.png' }]), { 'images/bomb.png': bomb });
    const archive = await openArchive(blob(zip), limits);
    await expect(archive.readImage('images/bomb.png')).rejects.toThrow(ArchiveError);
    await expect(archive.readImage('images/bomb.png')).rejects.toThrow('expands to more than 64 KiB');

    // The same member claiming (in the local header and the directory) to be 1 KB.
    const lying = zip.slice();
    const view = new DataView(lying.buffer);
    for (let at = 0; at < lying.length - 4; at++) {
      const sig = view.getUint32(at, true);
      if (sig === 0x04034b50 && new TextDecoder().decode(lying.subarray(at + 30, at + 30 + 15)) === 'images/bomb.png') view.setUint32(at + 22, 1024, true);
      if (sig === 0x02014b50 && new TextDecoder().decode(lying.subarray(at + 46, at + 46 + 15)) === 'images/bomb.png') view.setUint32(at + 24, 1024, true);
    }
    const liar = await openArchive(blob(lying), limits);
    await expect(liar.readImage('images/bomb.png')).rejects.toThrow(ArchiveError);

    // A manifest past its own cap is refused before anything else is read.
    const big = zipOf(manifestOf(Array.from({ length: 200 }, (_, i) => ({ ...entry(`e${i}`), file: 'x' }))));
    await expect(openArchive(blob(big), limits)).rejects.toThrow('“manifest.json” in this zip expands to more than');
  });

  it('a damaged member fails alone: reading it rejects (not an ArchiveError), the others read fine', async () => {
    const image = new Uint8Array(await sharp({ create: { width: 8, height: 8, channels: 3, background: '#33a' } }).png().toBuffer());
    const zip = zipOf(manifestOf([{ ...entry('a'), file: 'images/a.png' }, { ...entry('b'), file: 'images/b.png' }]), { 'images/a.png': image, 'images/b.png': image });
    // Scramble the middle of a's deflated data.
    const at = Buffer.from(zip).indexOf('images/a.png') + 'images/a.png'.length + 10;
    const damaged = zip.slice();
    damaged.fill(0xff, at, at + 40);
    const archive = await openArchive(blob(damaged));
    const a = archive.readImage('images/a.png');
    await expect(a).rejects.toThrow('damaged');
    await expect(a).rejects.not.toBeInstanceOf(ArchiveError);
    expect(Buffer.compare(await archive.readImage('images/b.png'), image)).toBe(0);
  });

  it('reads a member for one record only: others naming the same member are counted as damaged', async () => {
    const png = new Uint8Array(await sharp({ create: { width: 8, height: 8, channels: 3, background: '#33a' } }).png().toBuffer());
    const records = ['a', 'b', 'c'].map((id) => ({ ...entry(id), file: 'images/shared.png' }));
    const zip = zipOf(manifestOf(records), { 'images/shared.png': png, 'images/spare.png': png });
    const archive = await openArchive(blob(zip));
    expect(archive.items.map((i) => i.entry.id)).toEqual(['a']);
    expect(archive.damaged).toBe(2);
  });

  describe('input images (an edit\'s source, control images)', () => {
    const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    const ref = (bytes: Uint8Array, over = {}) => ({ hash: sha(bytes), mime: 'image/png' as const, width: 8, height: 8, ...over });
    const pngOf = async (background: string) => new Uint8Array(await sharp({ create: { width: 8, height: 8, channels: 3, background } }).png().toBuffer());

    it('writes each input once, under its hash, and reads it back byte for byte', async () => {
      const [image, source, control] = await Promise.all([pngOf('#a33'), pngOf('#3a3'), pngOf('#33a')]);
      const parent = entry('parent');
      const edit = entry('edit', { prompt: 'make the sky violet', source: { ...ref(source), entryId: 'parent' }, endpoint: 'local-engine', adapter: 'watercolor', guidance_scale: 7.5 });
      const edit2 = entry('edit2', { prompt: 'add a red car', source: ref(source), controls: [{ image: ref(control), weight: 0.5 }] });
      const zip = buildArchive([{ entry: parent, image }, { entry: edit, image }, { entry: edit2, image }], [
        { hash: sha(source), mime: 'image/png', bytes: source },
        { hash: sha(control), mime: 'image/png', bytes: control },
        { hash: sha(source), mime: 'image/png', bytes: source },
      ]);
      const names = Object.keys(unzipSync(zip));
      expect(names.filter((n) => n.startsWith('inputs/')).sort()).toEqual([`inputs/${sha(control)}.png`, `inputs/${sha(source)}.png`].sort());
      const archive = await openArchive(blob(zip));
      expect(archive.items.map((i) => i.entry)).toEqual([parent, edit, edit2]);
      expect(archive.inputs).toEqual(new Set([sha(source), sha(control)]));
      expect(Buffer.compare(await archive.readInput(sha(source)), source)).toBe(0);
      expect(Buffer.compare(await archive.readInput(sha(control)), control)).toBe(0);
    });

    it('refuses an input whose bytes are not the hash it is filed under, and one that is not an image; the entries still import', async () => {
      const [image, source] = await Promise.all([pngOf('#a33'), pngOf('#3a3')]);
      const wrongHash = 'ab'.repeat(32);
      const notImage = strToU8('GIF89a, or anything else');
      const zip = zipOf(
        { ...manifestOf([{ ...entry('edit', { source: ref(source, { hash: wrongHash }) }), file: 'images/edit.png' }]), inputs: [{ hash: wrongHash, mime: 'image/png', file: `inputs/${wrongHash}.png` }, { hash: sha(notImage), mime: 'image/png', file: 'inputs/x.png' }] },
        { 'images/edit.png': image, [`inputs/${wrongHash}.png`]: source, 'inputs/x.png': notImage },
      );
      const archive = await openArchive(blob(zip));
      expect(archive.items.map((i) => i.entry.id)).toEqual(['edit']);
      expect(archive.damaged).toBe(0);
      await expect(archive.readInput(wrongHash)).rejects.toThrow(InputMemberError);
      await expect(archive.readInput(wrongHash)).rejects.toThrow('is not the image its name says');
      await expect(archive.readInput(sha(notImage))).rejects.toThrow('not a PNG, JPEG or WebP');
    });

    it('a damaged input member fails alone: the other input and the entries read fine', async () => {
      const [image, a, b] = await Promise.all([pngOf('#a33'), pngOf('#3a3'), pngOf('#33a')]);
      const zip = buildArchive([{ entry: entry('e', { source: ref(a), controls: [{ image: ref(b), weight: 1 }] }), image }], [
        { hash: sha(a), mime: 'image/png', bytes: a },
        { hash: sha(b), mime: 'image/png', bytes: b },
      ]);
      const damaged = zip.slice();
      const at = Buffer.from(zip).indexOf(`inputs/${sha(a)}.png`) + 80 + 30;
      damaged.fill(0x00, at, at + 20);
      const archive = await openArchive(blob(damaged));
      await expect(archive.readInput(sha(a))).rejects.toThrow(InputMemberError);
      expect(Buffer.compare(await archive.readInput(sha(b)), b)).toBe(0);
      expect(Buffer.compare(stripParameters(await archive.readImage(archive.items[0]!.file)), image)).toBe(0);
    });

    it('a missing input is not listed (its entries still come in), and an old zip without inputs reads as before', async () => {
      const [image, source] = await Promise.all([pngOf('#a33'), pngOf('#3a3')]);
      const missing = await openArchive(blob(buildArchive([{ entry: entry('edit', { source: ref(source) }), image }])));
      expect(missing.items.map((i) => i.entry.id)).toEqual(['edit']);
      expect(missing.inputs.size).toBe(0);
      await expect(missing.readInput(sha(source))).rejects.toThrow('not in this zip');
      // A record naming a member that is not there is ignored too.
      const ghost = await openArchive(blob(zipOf({ ...manifestOf([{ ...entry('edit', { source: ref(source) }), file: 'images/e.png' }]), inputs: [{ hash: sha(source), mime: 'image/png', file: 'inputs/gone.png' }] }, { 'images/e.png': image })));
      expect(ghost.inputs.size).toBe(0);
      const old = await openArchive(blob(zipOf(manifestOf([{ ...entry('old'), file: 'images/old.png' }]), { 'images/old.png': image })));
      expect(old.items.map((i) => i.entry.id)).toEqual(['old']);
      expect(old.inputs.size).toBe(0);
    });

    it('refuses a bomb-sized input member without inflating it all, and alone', async () => {
      const image = await pngOf('#a33');
      const bomb = new Uint8Array(8 * 1024 * 1024);
      bomb.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      const hash = sha(bomb);
      const zip = zipOf({ ...manifestOf([{ ...entry('e', { source: ref(bomb, { hash }) }), file: 'images/e.png' }]), inputs: [{ hash, mime: 'image/png', file: `inputs/${hash}.png` }] }, { 'images/e.png': image, [`inputs/${hash}.png`]: bomb });
      const archive = await openArchive(blob(zip), { imageMax: 64 * 1024, manifestMax: 16 * 1024, inputMax: 64 * 1024 });
      await expect(archive.readInput(hash)).rejects.toThrow(InputMemberError);
      await expect(archive.readInput(hash)).rejects.toThrow('expands to more than 64 KiB');
      expect(Buffer.compare(stripParameters(await archive.readImage('images/e.png')), image)).toBe(0);
    });
  });

  describe('plots', () => {
    const cellEntry = (id: string, x: number, y: number) => entry(id, { group: { id: 'plot-1', kind: 'plot', label: 'Steps × Seed', index: y * 2 + x, size: 4 }, cell: { x, y, z: 0, k: 0 } });

    it('keeps the plots of the exported cells whole, beside the entries', async () => {
      const png = new Uint8Array(await sharp({ create: { width: 8, height: 8, channels: 3, background: '#a33' } }).png().toBuffer());
      const plot = plotRecord();
      const zip = buildArchive([{ entry: cellEntry('c1', 0, 0), image: png }, { entry: cellEntry('c2', 1, 0), image: png }], [], [plot]);
      const archive = await openArchive(blob(zip));
      expect(archive.plots).toEqual([plot]);
      expect(archive.plotsDamaged).toBe(0);
      expect(archive.items.map((i) => i.entry.cell)).toEqual([{ x: 0, y: 0, z: 0, k: 0 }, { x: 1, y: 0, z: 0, k: 0 }]);
    });

    it('a damaged plot record fails alone: counted, the other plot and the entries still read; an old zip has no plots', async () => {
      const image = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
      const good = plotRecord({ id: 'plot-2' });
      const manifest = { ...manifestOf([{ ...cellEntry('c1', 0, 0), file: 'images/c1.png' }]), plots: [{ ...plotRecord(), axes: 'broken' }, good, 'not a plot'] };
      const archive = await openArchive(blob(zipOf(manifest, { 'images/c1.png': image })));
      expect(archive.plots).toEqual([good]);
      expect(archive.plotsDamaged).toBe(2);
      expect(archive.items).toHaveLength(1);
      const old = await openArchive(blob(zipOf(manifestOf([{ ...entry('e'), file: 'images/e.png' }]), { 'images/e.png': image })));
      expect(old.plots).toEqual([]);
      expect(old.plotsDamaged).toBe(0);
    });

    it('a zip without plots is written as before (no plots field)', async () => {
      const png = new Uint8Array(await sharp({ create: { width: 8, height: 8, channels: 3, background: '#a33' } }).png().toBuffer());
      const zip = buildArchive([{ entry: entry('one'), image: png }]);
      expect(JSON.parse(new TextDecoder().decode(unzipSync(zip)['manifest.json']))).not.toHaveProperty('plots');
    });
  });
});
