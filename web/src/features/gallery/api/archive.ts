// Export the gallery (or a selection) as a zip, with the input images its entries were made from;
// import one, never changing what is stored: entries and plots already here are skipped, a plot
// whose id is taken by another comes in under a new id; damaged images, and images past 4096 px a
// side by their header, are counted; input images are each checked (one that is damaged or missing
// fails alone, and its entries still come in). Loaded on first use (with fflate), and prefetched
// once the page is idle so that both work with the server gone: every byte they touch is in
// IndexedDB or the chosen file.
import type { GalleryEntry } from '@/lib/params';
import { getImage, listEntries, saveEntry } from '@/features/gallery/storage/gallery-db';
import { addPlot, getPlot } from '@/features/gallery/storage/plot-db';
import type { PlotRecord } from '@/lib/plot';
import { requestPersistence } from '@/features/gallery/storage/persistence';
import { INPUT_IMAGE_MAX_BYTES } from '@server/contract';
import { sniffMime } from '@/lib/image-type';
import { getInput, INPUT_MAX_SIDE, readInputImage, storeInput } from '@/lib/input-images';
import { imageSize } from '@/lib/image-size';
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

/**
 * One entry's image, ready to store (its size as the header says, whatever the record said), 'large'
 * past 4096 px a side (refused before decoding), or undefined if it is damaged (not what its record
 * says, or undecodable).
 */
async function prepare(entry: GalleryEntry, bytes: Uint8Array) {
  try {
    const image = stripParameters(bytes);
    if (sniffMime(image) !== entry.mime) return undefined;
    const size = imageSize(image);
    if (!size) return undefined;
    if (size.width > INPUT_MAX_SIDE || size.height > INPUT_MAX_SIDE) return 'large' as const;
    const blob = new Blob([image as Uint8Array<ArrayBuffer>], { type: entry.mime });
    return { blob, thumb: await makeThumbnail(blob), ...size };
  } catch {
    return undefined;
  }
}

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
      const { blob, ref } = await readInputImage(new Blob([bytes as Uint8Array<ArrayBuffer>]), INPUT_IMAGE_MAX_BYTES);
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
  const plots = await importPlots(archive.plots, archive.plotsDamaged);
  const have = new Set((await listEntries()).entries.map((e) => e.id));
  let added = 0;
  let skipped = 0;
  let damaged = archive.damaged;
  let tooLarge = 0;
  for (const [i, item] of archive.items.entries()) {
    const { file: member } = item;
    // A plot kept under a new id takes its cells with it.
    const moved = item.entry.group?.kind === 'plot' ? plots.renamed.get(item.entry.group.id) : undefined;
    const entry = moved && item.entry.group ? { ...item.entry, group: { ...item.entry.group, id: moved } } : item.entry;
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
    if (ready === 'large') {
      tooLarge++;
      continue;
    }
    if (!ready) {
      damaged++;
      continue;
    }
    await saveEntry({ ...entry, width: ready.width, height: ready.height }, ready.blob, ready.thumb);
    requestPersistence();
    have.add(entry.id);
    added++;
  }
  const { renamed: _, ...plotCounts } = plots;
  return { added, skipped, damaged, ...(tooLarge ? { tooLarge } : {}), ...inputs, ...plotCounts };
}

/**
 * Stores the zip's plots without changing any already here: the same record is skipped; another
 * record under its id is left as it is, and the zip's comes in under a new id (counted in `plots` and
 * `plotsRenamed`; `renamed`: old id to
 * new, for its cells). `damaged`: records the zip's check refused. Counts are given only when there were plots.
 */
async function importPlots(records: PlotRecord[], damaged: number) {
  const renamed = new Map<string, string>();
  let plots = 0;
  let plotsSame = 0;
  let plotsRenamed = 0;
  let plotsDamaged = damaged;
  for (const plot of records) {
    try {
      const outcome = await addPlot(plot);
      if (outcome === 'same') plotsSame++;
      else if (outcome === 'added') plots++;
      else {
        const id = crypto.randomUUID();
        if ((await addPlot({ ...plot, id })) !== 'added') throw new Error('the new id is taken');
        renamed.set(plot.id, id);
        plots++;
        plotsRenamed++;
      }
    } catch {
      plotsDamaged++;
    }
  }
  const any = plots || plotsSame || plotsRenamed || plotsDamaged;
  return { renamed, ...(any ? { plots, plotsDamaged } : {}), ...(plotsSame ? { plotsSame } : {}), ...(plotsRenamed ? { plotsRenamed } : {}) };
}
