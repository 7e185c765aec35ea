// The gallery in IndexedDB, through idb-keyval. Three stores, one per kind of data:
//   entries: small JSON records (parameters, engine, sizes), read all at once to draw the list;
//   images:  the full image bytes as Blobs, read only when an entry is opened or downloaded;
//   thumbs:  small WebP thumbnails for the list.
// An entry is written last, so it never points at bytes that are not there.
import { clear, createStore, del, get, set, values } from 'idb-keyval';
import type { GalleryEntry } from '../../../lib/params';

// The record schema (zod/mini, ~5 KB) loads beside the first read instead of in the first paint's
// script; zip import imports it directly.
const schema = () => import('./entry-schema');

const entries = createStore('friendli-studio-entries', 'entries');
const images = createStore('friendli-studio-images', 'images');
const thumbs = createStore('friendli-studio-thumbs', 'thumbs');

export class StorageFullError extends Error {
  constructor() {
    super('The browser has no room left to store this image in the gallery.');
    this.name = 'StorageFullError';
  }
}

const isQuotaError = (err: unknown) =>
  err instanceof DOMException && (err.name === 'QuotaExceededError' || /quota/i.test(err.message));

let damaged = 0;
/** How many stored records the last listing skipped as damaged. */
export const damagedCount = () => damaged;

/** Every entry, newest first. Records that fail the entry schema (damaged, foreign) are skipped and counted. */
export async function listEntries(): Promise<GalleryEntry[]> {
  const [all, { parseEntry }] = await Promise.all([values<unknown>(entries), schema()]);
  const good = all.map(parseEntry).filter((e) => e !== undefined);
  damaged = all.length - good.length;
  return good.sort((a, b) => b.createdAt - a.createdAt);
}

export async function saveEntry(entry: GalleryEntry, image: Blob, thumb: Blob): Promise<void> {
  try {
    await set(entry.id, image, images);
    await set(entry.id, thumb, thumbs);
    await set(entry.id, entry, entries);
  } catch (err) {
    // Leave nothing half-written behind; earlier entries are untouched either way.
    await Promise.allSettled([del(entry.id, images), del(entry.id, thumbs)]);
    throw isQuotaError(err) ? new StorageFullError() : err;
  }
}

// Bytes are checked too: anything but a Blob (damaged, foreign) reads as missing.
const asBlob = (value: unknown) => (value instanceof Blob ? value : undefined);
export const getImage = async (id: string) => asBlob(await get<unknown>(id, images));
export const getThumb = async (id: string) => asBlob(await get<unknown>(id, thumbs));

export async function deleteEntry(id: string): Promise<void> {
  await del(id, entries);
  await Promise.all([del(id, images), del(id, thumbs)]);
}

/** Rewrites an entry's record (a star, say); its bytes stay as they are. */
export const updateEntry = (entry: GalleryEntry) => set(entry.id, entry, entries);

/** Everything stored for one entry, to put back on Undo. */
export async function readWhole(id: string) {
  const [raw, image, thumb, { parseEntry }] = await Promise.all([get<unknown>(id, entries), getImage(id), getThumb(id), schema()]);
  const entry = parseEntry(raw);
  return entry && image && thumb ? { entry, image, thumb } : undefined;
}

export async function clearAll(): Promise<void> {
  await clear(entries);
  await Promise.all([clear(images), clear(thumbs)]);
}
