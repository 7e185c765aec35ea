// Says what happened to the jobs a closed, reloaded or crashed tab left unfinished, with Resume all;
// and lists journal records that cannot be read, each discardable on its own.
import { plural } from '@/lib/plural';
import { useQueueStore } from '@/features/generate/stores/queue-store';
import { discardDamaged } from '@/features/generate/storage/job-journal';

export function InterruptedNotice({ count, damaged, onDiscarded }: { count: number; damaged: string[]; onDiscarded(id: string): void }) {
  const resumeAll = useQueueStore((s) => s.resumeAll);
  const notice = useQueueStore((s) => s.notice);
  if (count === 0 && damaged.length === 0 && !notice) return null;
  return (
    <div role="status" className="flex flex-col gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-xs text-amber-900 dark:border-amber-700/60 dark:bg-amber-950/40 dark:text-amber-200">
      {count > 0 && (
        <p>
          {plural(count, 'job')} did not finish: the page was reloaded or closed, or the browser or the server stopped, before {count === 1 ? 'its image was' : 'their images were'} stored.
          Resume sends exactly the same request{count === 1 ? '' : 's'} again (same seeds, so the same images); Discard drops one.
        </p>
      )}
      {count > 1 && (
        <button type="button" onClick={resumeAll} className="self-start rounded-md bg-violet-600 px-2.5 py-1 font-semibold text-white hover:bg-violet-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-500">
          Resume all
        </button>
      )}
      {damaged.length > 0 && (
        <ul className="flex flex-col gap-1">
          {damaged.map((id) => (
            <li key={id} className="flex items-center gap-2">
              <span className="min-w-0 flex-1">A job record in this browser’s storage is damaged and cannot be resumed.</span>
              <button type="button" onClick={() => void discardDamaged(id).finally(() => onDiscarded(id))} aria-label={`Discard damaged job record ${id.slice(0, 40)}`} className="font-medium hover:underline">
                Discard
              </button>
            </li>
          ))}
        </ul>
      )}
      {notice && <p>{notice}</p>}
    </div>
  );
}
