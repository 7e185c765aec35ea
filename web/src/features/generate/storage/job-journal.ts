// The generate journal in IndexedDB (`friendli-studio-jobs`): every job is written here before it
// is sent and removed once its image is stored (or it is cancelled or discarded), so a reload or a
// crash leaves it here to resume. Each page load holds a Web Lock while open, which tells other tabs
// whose jobs are alive; claiming one is a compare-and-set in one readwrite transaction.
import { createStore, del, entries, promisifyRequest } from 'idb-keyval';
import { claimRecord, LEASE_MS, newRecord, type JournalRecord, type JournalSpec } from './journal-logic';
import { spaced } from '@/lib/user-space';

const store = createStore(spaced('friendli-studio-jobs'), 'jobs');
const PREFIX = `${spaced('friendli-studio-tab')}:`;
/** This page load: the owner of every job it runs. */
export const ME = crypto.randomUUID();
const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
/** Held until the page goes: a job is never written under this owner before the lock is held. */
const held: Promise<void> = locks ? new Promise((resolve) => void locks.request(PREFIX + ME, () => (resolve(), new Promise<never>(() => {})))) : Promise.resolve();

const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(spaced('friendli-studio-jobs'));
const changed = () => channel?.postMessage('changed');
/** Called when another tab changes the journal (claims, stores or discards a job). */
export function onJournalChange(listener: () => void) {
  const handle = () => listener();
  channel?.addEventListener('message', handle);
  return () => channel?.removeEventListener('message', handle);
}

/**
 * The owners whose tab is open now (null: this browser has no Web Locks; leases decide). Only an
 * owner holds its lock exclusively: tabs waiting for it to go (whenGone) hold it shared, briefly.
 */
export async function liveOwners(): Promise<Set<string> | null> {
  if (!locks) return null;
  await held;
  const { held: all = [] } = await locks.query();
  return new Set(all.flatMap((l) => (l.mode === 'exclusive' && l.name?.startsWith(PREFIX) ? [l.name.slice(PREFIX.length)] : [])));
}

/** Resolves once the owner's tab has gone (its lock is free), or never when there are no locks. */
export function whenGone(owner: string): Promise<void> {
  return locks ? locks.request(PREFIX + owner, { mode: 'shared' }, async () => undefined) : new Promise(() => {});
}

/** Writes these jobs under this tab, in one transaction; resolves once they are on disk. */
export async function recordJobs(jobs: { id: string; spec: JournalSpec }[]): Promise<void> {
  await held;
  const now = Date.now();
  await store('readwrite', (s) => {
    for (const { id, spec } of jobs) s.put(newRecord(id, spec, ME, now), id);
    return promisifyRequest(s.transaction);
  });
  changed();
}

/** Reads a record and, in the same transaction, writes what `change` makes of it (undefined: delete; null: leave). */
function update(id: string, change: (stored: unknown) => JournalRecord | undefined | null): Promise<boolean> {
  return store('readwrite', async (s) => {
    const next = change(await promisifyRequest(s.get(id)));
    if (next === null) return false;
    if (next === undefined) s.delete(id);
    else s.put(next, id);
    await promisifyRequest(s.transaction);
    changed();
    return true;
  });
}

const mine = (stored: unknown): stored is JournalRecord => !!stored && typeof stored === 'object' && (stored as JournalRecord).owner === ME;

/** The job's image is stored, or the user cancelled it: it leaves the journal. */
export const forgetJob = (id: string) => update(id, (r) => (mine(r) ? undefined : null));

/** The job failed: it stays (Retry, or Resume after a reload), with the reason. */
export const noteFailure = (id: string, error: string) => update(id, (r) => (mine(r) ? { ...r, error } : null));

/** Takes an interrupted job for this tab, if it is still the one seen (same owner, still gone). */
export async function claimJob(id: string, expected: string): Promise<boolean> {
  const live = await liveOwners();
  return update(id, (r) => claimRecord(r, expected, ME, live, Date.now()));
}

/** Drops an interrupted job, unless another tab has claimed it meanwhile. */
export async function discardJob(id: string, expected: string): Promise<boolean> {
  const live = await liveOwners();
  return update(id, (r) => (claimRecord(r, expected, ME, live, Date.now()) ? undefined : null));
}

/** Drops a record that cannot be read at all. */
export const discardDamaged = (id: string) => del(id, store).then(changed);

/** Every record, unread (journal-schema.ts checks each one). */
export const readJournal = () => entries<IDBValidKey, unknown>(store);

// Without Web Locks, a tab keeps its jobs' leases fresh while it is open.
if (!locks && typeof indexedDB !== 'undefined') {
  setInterval(() => {
    void store('readwrite', async (s) => {
      const all = (await promisifyRequest(s.getAll())) as unknown[];
      for (const r of all) if (mine(r)) s.put({ ...r, lease: Date.now() + LEASE_MS }, r.id);
      return promisifyRequest(s.transaction);
    }).catch(() => undefined);
  }, LEASE_MS / 4);
}
