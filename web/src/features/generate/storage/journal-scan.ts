// What the journal holds that nobody is running: jobs whose tab has gone (Interrupted), records that
// cannot be read (damaged), and the other tabs still running jobs (to notice when they go). Loaded
// lazily, with the schema, once the queue is on screen.
import { isInterrupted } from './journal-logic';
import { parseJournalRecord } from './journal-schema';
import { liveOwners, ME, readJournal } from './job-journal';
import type { JournalRecord } from './journal-logic';

export interface JournalScan {
  interrupted: JournalRecord[];
  damaged: string[];
  /** Owners still running jobs in another tab. */
  elsewhere: string[];
  /** Without Web Locks: the earliest lease to run out (when to look again), if any. */
  nextExpiry?: number;
}

export async function scanJournal(): Promise<JournalScan> {
  const [all, live] = await Promise.all([readJournal(), liveOwners()]);
  const now = Date.now();
  const scan: JournalScan = { interrupted: [], damaged: [], elsewhere: [] };
  for (const [key, raw] of all) {
    const record = parseJournalRecord(key, raw);
    if (!record) {
      // A damaged record its owner is still writing is not ours to judge; any other is shown as damaged.
      const owner = (raw as { owner?: unknown } | null)?.owner;
      if (typeof key === 'string' && !(typeof owner === 'string' && (owner === ME || live?.has(owner)))) scan.damaged.push(key);
      continue;
    }
    if (record.owner === ME) continue;
    if (isInterrupted(record, ME, live, now)) scan.interrupted.push(record);
    else {
      if (!scan.elsewhere.includes(record.owner)) scan.elsewhere.push(record.owner);
      if (!live) scan.nextExpiry = Math.min(scan.nextExpiry ?? Infinity, record.lease);
    }
  }
  // In the order they were queued: a batch's jobs share a time, so their place in it decides.
  scan.interrupted.sort((a, b) => a.createdAt - b.createdAt || (a.spec.group?.index ?? 0) - (b.spec.group?.index ?? 0));
  return scan;
}
