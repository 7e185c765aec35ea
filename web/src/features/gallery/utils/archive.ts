// Export and import of the gallery as one zip (fflate): every image, with its parameters embedded
// so each file stands alone, plus manifest.json with every entry's exact record. Import strips the
// embedded parameters again, so the bytes that come back are the bytes that were generated.
import { strToU8, strFromU8, unzipSync, zipSync } from 'fflate';
import type { GalleryEntry } from '../../../lib/params';
import { downloadName } from './file-name';
import { embedParameters, stripParameters } from './metadata';

const MANIFEST = 'manifest.json';

interface Manifest {
  app: 'friendli-image-studio';
  version: 1;
  exported_at: string;
  entries: (GalleryEntry & { file: string })[];
}

export function buildArchive(items: { entry: GalleryEntry; image: Uint8Array }[]): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const manifest: Manifest = { app: 'friendli-image-studio', version: 1, exported_at: new Date().toISOString(), entries: [] };
  for (const { entry, image } of items) {
    let name = `images/${downloadName(entry, image)}`;
    // Two entries can share prompt, seed and steps (another format, another engine).
    for (let n = 2; files[name]; n++) name = `images/${downloadName(entry, image).replace(/(\.\w+)$/, `-${n}$1`)}`;
    files[name] = embedParameters(image, entry);
    manifest.entries.push({ ...entry, file: name });
  }
  files[MANIFEST] = strToU8(JSON.stringify(manifest, null, 2));
  // Images are compressed already: storing them is as small and far faster.
  return zipSync(files, { level: 0 });
}

export class ArchiveError extends Error {}

export function readArchive(zip: Uint8Array): { entry: GalleryEntry; image: Uint8Array }[] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip);
  } catch {
    throw new ArchiveError('This file is not a zip archive.');
  }
  const raw = files[MANIFEST];
  if (!raw) throw new ArchiveError('This zip has no manifest.json: it was not exported from Friendli Image Studio.');
  let manifest: Manifest;
  try {
    manifest = JSON.parse(strFromU8(raw)) as Manifest;
  } catch {
    throw new ArchiveError('The manifest.json in this zip is damaged.');
  }
  if (manifest.app !== 'friendli-image-studio' || !Array.isArray(manifest.entries)) throw new ArchiveError('This zip was not exported from Friendli Image Studio.');
  return manifest.entries.flatMap(({ file, ...entry }) => {
    const bytes = files[file];
    return bytes && typeof entry.id === 'string' ? [{ entry: entry as GalleryEntry, image: stripParameters(bytes) }] : [];
  });
}
