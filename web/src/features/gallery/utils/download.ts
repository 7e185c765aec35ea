// Saves an entry's image as a file named for what it is, carrying its parameters inside.
import type { GalleryEntry } from '@/lib/params';
import { downloadName } from './file-name';
import { embedParameters } from './metadata';

export function saveFile(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function downloadEntry(entry: GalleryEntry, image: Blob) {
  const bytes = new Uint8Array(await image.arrayBuffer());
  const tagged = embedParameters(bytes, entry);
  saveFile(new Blob([tagged as Uint8Array<ArrayBuffer>], { type: entry.mime }), downloadName(entry, bytes));
}
