// Export the gallery (or a selection) as a zip; import one, skipping entries already here.
// Loaded on first use (with fflate): neither is needed to show the studio.
import { getImage, listEntries, saveEntry } from '../storage/gallery-db';
import { buildArchive, readArchive } from '../utils/archive';
import { saveFile } from '../utils/download';
import { makeThumbnail } from '../utils/thumbnail';

export async function exportGallery(ids?: string[]) {
  const entries = (await listEntries()).filter((e) => !ids?.length || ids.includes(e.id));
  const items = [];
  for (const entry of entries) {
    const image = await getImage(entry.id);
    if (image) items.push({ entry, image: new Uint8Array(await image.arrayBuffer()) });
  }
  const zip = buildArchive(items);
  saveFile(new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), `friendli-studio-${new Date().toISOString().slice(0, 10)}-${items.length}-images.zip`);
  return items.length;
}

export async function importGallery(file: File) {
  const items = readArchive(new Uint8Array(await file.arrayBuffer()));
  const have = new Set((await listEntries()).map((e) => e.id));
  let added = 0;
  for (const { entry, image } of items) {
    if (have.has(entry.id)) continue;
    const blob = new Blob([image as Uint8Array<ArrayBuffer>], { type: entry.mime });
    await saveEntry(entry, blob, await makeThumbnail(blob));
    have.add(entry.id);
    added++;
  }
  return { added, skipped: items.length - added };
}

