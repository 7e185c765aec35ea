// The queue, visible: each job waiting, running (with elapsed time), done, failed or cancelled;
// cancel one or all; retry a failed one, or all of them; resume or discard what a closed tab left.
import { useQueueStore, type Job } from '@/features/generate/stores/queue-store';
import { useInterruptedJobs } from '@/features/generate/hooks/use-interrupted-jobs';
import { Elapsed } from './elapsed';
import { InterruptedNotice } from './interrupted-notice';

const STATUS: Record<Job['status'], string> = { waiting: 'Waiting', running: 'Running', done: 'Done', failed: 'Failed', cancelled: 'Cancelled', interrupted: 'Interrupted' };
const TONE: Record<Job['status'], string> = {
  waiting: 'text-zinc-500',
  running: 'text-violet-700 dark:text-violet-300',
  done: 'text-emerald-700 dark:text-emerald-400',
  failed: 'text-red-700 dark:text-red-400',
  cancelled: 'text-zinc-500',
  interrupted: 'text-amber-700 dark:text-amber-400',
};
const LINK = 'font-medium text-violet-700 hover:underline disabled:opacity-50 dark:text-violet-300';

const describe = (job: Job) => `${job.label ? `${job.label}: ` : ''}${job.group ? `${job.group.label}, ${job.group.index + 1}/${job.group.size}: ` : ''}${job.request.prompt}`;

export function QueuePanel() {
  const jobs = useQueueStore((s) => s.jobs);
  const concurrency = useQueueStore((s) => s.concurrency);
  const cancel = useQueueStore((s) => s.cancel);
  const cancelAll = useQueueStore((s) => s.cancelAll);
  const retry = useQueueStore((s) => s.retry);
  const retryFailed = useQueueStore((s) => s.retryFailed);
  const clearFinished = useQueueStore((s) => s.clearFinished);
  const resume = useQueueStore((s) => s.resume);
  const discard = useQueueStore((s) => s.discard);
  const [damaged, setDamaged] = useInterruptedJobs();
  if (jobs.length === 0 && damaged.length === 0) return null;
  const active = jobs.filter((j) => j.status === 'waiting' || j.status === 'running').length;
  const failed = jobs.filter((j) => j.status === 'failed').length;
  const interrupted = jobs.filter((j) => j.status === 'interrupted').length;
  return (
    <section aria-label="Queue" className="flex flex-col gap-2 border-t border-zinc-200 pt-4 dark:border-zinc-800">
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-sm font-semibold">Queue <span className="font-normal text-zinc-500">· {active} in progress, {concurrency} at a time</span></h2>
        <div className="flex gap-2 text-xs">
          {failed > 1 && <button type="button" onClick={retryFailed} className="whitespace-nowrap font-medium text-violet-700 hover:underline dark:text-violet-300">Retry all failed</button>}
          {active > 0 && <button type="button" onClick={cancelAll} className="font-medium text-red-700 hover:underline dark:text-red-400">Cancel all</button>}
          {jobs.length > active + interrupted && <button type="button" onClick={clearFinished} className="whitespace-nowrap text-zinc-600 hover:underline dark:text-zinc-400">Clear finished</button>}
        </div>
      </div>
      <InterruptedNotice count={interrupted} damaged={damaged} onDiscarded={(id) => setDamaged(damaged.filter((d) => d !== id))} />
      <ol className="flex max-h-64 flex-col gap-1 overflow-y-auto text-xs">
        {[...jobs].reverse().map((job) => (
          <li key={job.id} className="flex items-center gap-2 rounded-md bg-zinc-50 px-2 py-1.5 dark:bg-zinc-950/60">
            <span className={`w-20 shrink-0 font-medium ${TONE[job.status]}`}>
              {STATUS[job.status]}
              {job.status === 'running' && job.startedAt && <> <Elapsed since={job.startedAt} /></>}
            </span>
            <span className="min-w-0 flex-1 truncate" title={job.error ?? describe(job)}>{describe(job)}</span>
            {(job.status === 'waiting' || job.status === 'running') && (
              <button type="button" onClick={() => cancel(job.id)} aria-label={`Cancel job: ${describe(job)}`} className="text-zinc-600 hover:text-red-700 dark:text-zinc-400">✕</button>
            )}
            {(job.status === 'failed' || job.status === 'cancelled') && (
              <button type="button" onClick={() => retry(job.id)} aria-label={`Retry job: ${describe(job)}`} className={LINK}>Retry</button>
            )}
            {job.status === 'interrupted' && (
              <>
                <button type="button" disabled={job.claiming} onClick={() => void resume(job.id)} aria-label={`Resume job: ${describe(job)}`} className={LINK}>Resume</button>
                <button type="button" disabled={job.claiming} onClick={() => void discard(job.id)} aria-label={`Discard job: ${describe(job)}`} className="text-zinc-600 hover:text-red-700 hover:underline disabled:opacity-50 dark:text-zinc-400">Discard</button>
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
