// Fills the queue with the jobs a closed, reloaded or crashed tab left in the journal (Interrupted),
// and keeps that list true while the page is open: again when another tab changes the journal, when
// a tab running jobs goes (its Web Lock frees), or, without Web Locks, when its lease runs out.
import { useEffect, useState } from 'react';
import { useQueueStore } from '@/features/generate/stores/queue-store';
import { onJournalChange, whenGone } from '@/features/generate/storage/job-journal';

/** The records that cannot be read (damaged), by key. */
export function useInterruptedJobs(): [string[], (ids: string[]) => void] {
  const [damaged, setDamaged] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const watched = new Set<string>();
    const scan = async () => {
      const { scanJournal } = await import('@/features/generate/storage/journal-scan');
      const found = await scanJournal();
      if (!live) return;
      useQueueStore.getState().setInterrupted(found.interrupted);
      setDamaged(found.damaged);
      for (const owner of found.elsewhere) {
        if (watched.has(owner)) continue;
        watched.add(owner);
        void whenGone(owner).then(() => {
          watched.delete(owner);
          if (live) rescan();
        });
      }
      clearTimeout(timer);
      if (found.nextExpiry !== undefined) timer = setTimeout(rescan, Math.max(0, found.nextExpiry - Date.now()) + 100);
    };
    const rescan = () => void scan().catch(() => undefined);
    rescan();
    const off = onJournalChange(rescan);
    return () => {
      live = false;
      clearTimeout(timer);
      off();
    };
  }, []);
  return [damaged, setDamaged];
}
