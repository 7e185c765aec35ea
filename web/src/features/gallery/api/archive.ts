// Export the gallery (or a selection) as a zip, with the input images its entries were made from;
// import one, skipping entries already here and counting damaged ones, and storing its input images
// (each checked; one that is damaged or missing fails alone, and its entries still come in). Loaded on first use (with fflate), and prefetched once the page is idle so
// that both work with the server gone: every byte they touch is in IndexedDB or the chosen file.
import type { GalleryEntry } from '@/lib/params';
import { getImage, listEntries, saveEntry } from '@/features/gallery/storage/gallery-db';
import { getPlot, savePlot } from '@/features/gallery/storage/plot-db';
import type { PlotRecord } from '@/lib/plot';
import { requestPersistence } from '@/features/gallery/storage/persistence';
import { getInput, readInputImage, storeInput } from '@/lib/input-images';
import { ArchiveError, buildArchive, inputRefs, plotIds, openArchive, type ArchiveInput, type ArchiveLimits, type OpenArchive } from '@/features/gallery/utils/archive';
import { saveFile } from '@/features/gallery/utils/download';
import { stripParameters } from '@/features/gallery/utils/metadata';
import { makeThumbnail } from '@/features/gallery/utils/thumbnail';

/** Called as work proceeds: `done` of `total` items handled so far. */
export type Progress = (done: number, total: number) => void;

export async function exportGallery(ids?: string[], onProgress?: Progress) {
  const entries = (await listEntries()).entries.filter((e) => !ids?.length || ids.includes(e.id));
  const items = [];
  for (const [i, entry] of entries.entries()) {
    onProgress?.(i, entries.length);
    const image = await getImage(entry.id);
    if (image) items.push({ entry, image: new Uint8Array(await image.arrayBuffer()) });
  }
  // Each input image once; one no longer in this browser is left out (the importer counts it as missing).
  const inputs: ArchiveInput[] = [];
  const refs = new Map(items.flatMap(({ entry }) => inputRefs(entry)).map((ref) => [ref.hash, ref]));
  for (const { hash, mime } of refs.values()) {
    const blob = await getInput(hash);
    if (blob) inputs.push({ hash, mime, bytes: new Uint8Array(await blob.arrayBuffer()) });
  }
  // The plots the exported cells belong to, whole; one no longer stored (or damaged) is left out.
  const plots: PlotRecord[] = [];
  for (const id of plotIds(items.map((i) => i.entry))) {
    const plot = await getPlot(id).catch(() => undefined);
    if (plot) plots.push(plot);
  }
  const zip = buildArchive(items, inputs, plots);
  saveFile(new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), `friendli-studio-${new Date().toISOString().slice(0, 10)}-${items.length}-images.zip`);
  return items.length;
}

const MAGIC: Record<GalleryEntry['mime'], (b: Uint8Array) => boolean> = {
  'image/png': (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47,
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8,
  'image/webp': (b) => b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50,
};

/** One entry's image, ready to store; undefined if it is damaged (not what its record says, or undecodable). */
async function prepare(entry: GalleryEntry, bytes: Uint8Array) {
  try {
    const image = stripParameters(bytes);
    if (!MAGIC[entry.mime](image)) return undefined;
    const blob = new Blob([image as Uint8Array<ArrayBuffer>], { type: entry.mime });
    return { blob, thumb: await makeThumbnail(blob) };
  } catch {
    return undefined;
  }
}

/** An input image larger than this is refused on import (the API takes 50 MiB at most). */
const INPUT_MAX_BYTES = 50 * 1024 * 1024;

/**
 * Stores the input images the zip's entries name, each checked in full (hash, magic number, decoded,
 * at most 4096 px a side). One already here is kept as it is. Returns the hashes that could not be
 * stored: missing from the zip, or damaged.
 */
async function importInputs(archive: OpenArchive) {
  let missing = 0;
  let damaged = 0;
  for (const hash of new Set(archive.items.flatMap(({ entry }) => inputRefs(entry).map((r) => r.hash)))) {
    if (await getInput(hash)) continue;
    if (!archive.inputs.has(hash)) {
      missing++;
      continue;
    }
    try {
      const bytes = await archive.readInput(hash);
      const { blob, ref } = await readInputImage(new Blob([bytes as Uint8Array<ArrayBuffer>]), INPUT_MAX_BYTES);
      if (ref.hash !== hash) throw new Error('hash mismatch');
      await storeInput(blob, ref);
    } catch {
      damaged++;
    }
  }
  return { inputsMissing: missing, inputsDamaged: damaged };
}

export async function importGallery(file: Blob, onProgress?: Progress, limits?: ArchiveLimits) {
  const archive = await openArchive(file, limits);
  // Inputs first: an entry shown as imported can be reproduced at once.
  const inputs = await importInputs(archive);
  // Plots next, each alone: one that cannot be stored is counted, and its cells still come in.
  let plots = 0;
  let plotsDamaged = archive.plotsDamaged;
  for (const plot of archive.plots) {
    try {
      await savePlot(plot);
      plots++;
    } catch {
      plotsDamaged++;
    }
  }
  const have = new Set((await listEntries()).entries.map((e) => e.id));
  let added = 0;
  let skipped = 0;
  let damaged = archive.damaged;
  for (const [i, { entry, file: member }] of archive.items.entries()) {
    onProgress?.(i, archive.items.length);
    if (have.has(entry.id)) {
      skipped++;
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = await archive.readImage(member);
    } catch (err) {
      // Past a size cap: the rest of this zip is refused, and the message says how far it got.
      if (err instanceof ArchiveError) throw new ArchiveError(`${err.message} ${added === 1 ? '1 image was' : `${added} images were`} imported before it; the rest were not.`);
      damaged++;
      continue;
    }
    const ready = await prepare(entry, bytes);
    if (!ready) {
      damaged++;
      continue;
    }
    await saveEntry(entry, ready.blob, ready.thumb);
    requestPersistence();
    have.add(entry.id);
    added++;
  }
  return { added, skipped, damaged, ...inputs, ...(plots || plotsDamaged ? { plots, plotsDamaged } : {}) };
}
