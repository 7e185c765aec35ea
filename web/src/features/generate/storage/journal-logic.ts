// The generate journal's rules, as pure functions: what a record holds, whose job is alive, when one
// is interrupted, and the compare-and-set that lets exactly one tab claim an interrupted job.
// (job-journal.ts applies them inside IndexedDB transactions; journal-schema.ts reads records.)
import type { EntryGroup, RequestParams } from '@/lib/params';

/** What a journal record keeps of a job: enough to send exactly the same request again. */
export interface JournalSpec {
  request: RequestParams & { seed: number };
  basePrompt: string;
  styles: string[];
  group?: EntryGroup;
  cell?: { x: number; y: number; z: number; k: number };
  label?: string;
}

export interface JournalRecord {
  v: 1;
  id: string;
  spec: JournalSpec;
  /** The page load running it (its Web Lock's name says whether it is still open). */
  owner: string;
  /** Without Web Locks: until when the owner is presumed alive (it renews this while open). */
  lease: number;
  createdAt: number;
  /** The last failure the owner saw, if it failed (it stays until stored, retried or discarded). */
  error?: string;
}

/** How long a tab without Web Locks is presumed alive after its last renewal. */
export const LEASE_MS = 20_000;

/**
 * Is this owner's tab still open? `live` is the set of owners holding their lock (null: this browser
 * has no Web Locks, so the lease decides). This tab is always alive to itself.
 */
export function ownerAlive(owner: string, lease: number, me: string, live: ReadonlySet<string> | null, now: number): boolean {
  if (owner === me) return true;
  return live ? live.has(owner) : lease > now;
}

/** A job whose owner is gone and whose image was never stored: shown as Interrupted. */
export const isInterrupted = (r: Pick<JournalRecord, 'owner' | 'lease'>, me: string, live: ReadonlySet<string> | null, now: number) => !ownerAlive(r.owner, r.lease, me, live, now);

/**
 * The claim, read and written in one readwrite transaction: it succeeds only if the record is still
 * the one seen as interrupted (same owner, still gone). Two tabs claiming at once: the second sees
 * the first as owner and gets null.
 */
export function claimRecord(stored: unknown, expected: string, me: string, live: ReadonlySet<string> | null, now: number): JournalRecord | null {
  if (!stored || typeof stored !== 'object') return null;
  const record = stored as JournalRecord;
  if (record.owner !== expected || typeof record.lease !== 'number' || ownerAlive(record.owner, record.lease, me, live, now)) return null;
  const { error: _error, ...rest } = record;
  return { ...rest, owner: me, lease: now + LEASE_MS };
}

/** A new record for a job this tab is about to send. */
export function newRecord(id: string, spec: JournalSpec, me: string, now: number): JournalRecord {
  return { v: 1, id, spec, owner: me, lease: now + LEASE_MS, createdAt: now };
}
