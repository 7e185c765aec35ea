// The gallery in IndexedDB, through idb-keyval. Three stores, one per kind of data:
//   entries: small JSON records (parameters, engine, sizes), with an index on createdAt so that the
//            newest screenful is read first and the rest after it (see listNewest, listEntries);
//   images:  the full image bytes as Blobs, read only when an entry is opened or downloaded;
//   thumbs:  small WebP thumbnails for the list.
// An entry is written last, so it never points at bytes that are not there.
import { clear, createStore, del, get, promisifyRequest, set, type UseStore } from 'idb-keyval';
import type { GalleryEntry } from '@/lib/params';
import { spaced } from '@/lib/user-space';

// The record schema (zod/mini, ~5 KB) loads beside the first read instead of in the first paint's
// script; zip import imports it directly.
const schema = () => import('@/lib/schema');

const ENTRIES_DB = spaced('friendli-studio-entries');
const ENTRIES = 'entries';
const BY_TIME = 'createdAt';
/** Version 1 (idb-keyval's default) had the store alone; 2 adds the createdAt index. */
const ENTRIES_VERSION = 2;

export class GalleryUpgradeBlockedError extends Error {
  constructor() {
    super('Another tab has this studio open in an older version. Close or reload that tab to show the gallery here.');
    this.name = 'GalleryUpgradeBlockedError';
  }
}

let entriesDb: Promise<IDBDatabase> | undefined;

/**
 * Opens the entries database at version 2. Upgrading a version-1 database only adds the index:
 * IndexedDB builds it from the stored records inside the upgrade, and keeps every record as it
 * is, or, if anything fails, rolls back to version 1 with nothing changed.
 */
function openEntries(): Promise<IDBDatabase> {
  entriesDb ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(ENTRIES_DB, ENTRIES_VERSION);
    let blocked = false;
    request.onupgradeneeded = () => {
      const db = request.result;
      const store = db.objectStoreNames.contains(ENTRIES) ? request.transaction!.objectStore(ENTRIES) : db.createObjectStore(ENTRIES);
      if (!store.indexNames.contains(BY_TIME)) store.createIndex(BY_TIME, 'createdAt');
    };
    // A tab of an older version holds the database open: the upgrade waits until it lets go.
    // Until then every use fails with a message that says so; afterwards the next use succeeds.
    request.onblocked = () => {
      blocked = true;
      reject(new GalleryUpgradeBlockedError());
    };
    request.onsuccess = () => {
      const db = request.result;
      // Let a newer version in another tab upgrade: close, and open again on the next use.
      db.onversionchange = () => {
        db.close();
        entriesDb = undefined;
      };
      if (blocked) entriesDb = Promise.resolve(db);
      else resolve(db);
    };
    request.onerror = () => {
      entriesDb = undefined;
      reject(request.error);
    };
  });
  return entriesDb;
}

/** The entries store for idb-keyval's get/set/del/clear, always through the versioned connection. */
const entries: UseStore = (mode, callback) => openEntries().then((db) => callback(db.transaction(ENTRIES, mode).objectStore(ENTRIES)));
const images = createStore(spaced('friendli-studio-images'), 'images');
const thumbs = createStore(spaced('friendli-studio-thumbs'), 'thumbs');

export class StorageFullError extends Error {
  constructor() {
    super('The browser has no room left to store this image in the gallery.');
    this.name = 'StorageFullError';
  }
}

const isQuotaError = (err: unknown) =>
  err instanceof DOMException && (err.name === 'QuotaExceededError' || /quota/i.test(err.message));

/**
 * The one place where a stored record becomes an entry: valid ones are appended to `into`; the
 * number of records that are not entries (damaged, foreign) is returned.
 */
function keepValid(parseEntry: (raw: unknown) => GalleryEntry | undefined, records: unknown[], into: GalleryEntry[]): number {
  let bad = 0;
  for (const record of records) {
    const entry = parseEntry(record);
    if (entry) into.push(entry);
    else bad++;
  }
  return bad;
}

/** Newest first; equal times in a fixed order, the same as the createdAt index read backwards. */
const newestFirst = (a: GalleryEntry, b: GalleryEntry) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/**
 * The newest `limit` entries, newest first, read backwards along the createdAt index: enough for
 * the first screen without reading the whole gallery. `total` counts every stored record.
 */
export async function listNewest(limit: number): Promise<{ entries: GalleryEntry[]; total: number }> {
  // Loaded before the transaction: awaiting anything else inside it would let it commit early.
  const { parseEntry } = await schema();
  return entries('readonly', async (store) => {
    const total = promisifyRequest(store.count());
    const newest: GalleryEntry[] = [];
    const request = store.index(BY_TIME).openCursor(null, 'prev');
    await new Promise<void>((resolve, reject) => {
      request.onsuccess = () => {
        const cursor = request.result;
        if (!cursor) return resolve();
        keepValid(parseEntry, [cursor.value], newest);
        if (newest.length >= limit) return resolve();
        cursor.continue();
      };
      request.onerror = () => reject(request.error);
    });
    return { entries: newest, total: await total };
  });
}

/** Records per read while listing everything: small enough that the page stays responsive between reads. */
const CHUNK = 5000;

/** Every entry, newest first. Records that fail the entry schema (damaged, foreign) are skipped and counted. */
export async function listEntries(): Promise<{ entries: GalleryEntry[]; damaged: number }> {
  const { parseEntry } = await schema();
  const good: GalleryEntry[] = [];
  let bad = 0;
  // In key order, a chunk per transaction; keys are unique, so each read starts after the last key.
  for (let after: IDBValidKey | undefined; ; ) {
    const range = after === undefined ? null : IDBKeyRange.lowerBound(after, true);
    const [records, keys] = await entries('readonly', (store) => Promise.all([promisifyRequest(store.getAll(range, CHUNK)), promisifyRequest(store.getAllKeys(range, CHUNK))]));
    bad += keepValid(parseEntry, records, good);
    if (keys.length < CHUNK) break;
    after = keys[keys.length - 1];
  }
  return { entries: good.sort(newestFirst), damaged: bad };
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
