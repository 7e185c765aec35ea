// What is left of the user's daily limit, beside Generate: asked again each time a job ends (made,
// failed or cancelled), so it follows what the server counted. Nothing is shown without a limit.
import { useEffect } from 'react';
import { useQuota } from '@/features/generate/api/get-quota';
import { useQueueStore } from '@/features/generate/stores/queue-store';
import { plural } from '@/lib/plural';

export function QuotaLine() {
  const quota = useQuota();
  // The latest end of a job: it changes whenever one ends.
  const lastEnd = useQueueStore((s) => s.jobs.reduce((latest, j) => Math.max(latest, j.finishedAt ?? 0), 0));
  const { refetch } = quota;
  useEffect(() => {
    if (lastEnd) void refetch();
  }, [lastEnd, refetch]);
  const data = quota.data;
  if (!data || data.left_today === null || data.per_day === null) return null;
  const out = data.left_today === 0;
  return (
    <p aria-live="polite" className={`text-sm ${out ? 'font-medium text-amber-800 dark:text-amber-300' : 'text-zinc-600 dark:text-zinc-400'}`}>
      {plural(data.left_today, 'image')} left today
      <span className="text-zinc-500 dark:text-zinc-400"> · your limit is {plural(data.per_day, 'image')} a day</span>
    </p>
  );
}
