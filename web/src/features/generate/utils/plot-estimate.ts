// How long a plot should take, from this endpoint's recent timings in the queue: the median time of
// its last finished jobs × the images ÷ the jobs run at once. Nothing when there is no timing yet.
import type { Job } from '@/features/generate/stores/queue-store';

const RECENT = 10;

export function estimateMs(jobs: readonly Job[], endpoint: string, images: number, concurrency: number): number | null {
  const times = jobs
    .filter((j) => j.status === 'done' && j.startedAt !== undefined && j.finishedAt !== undefined && j.request.endpoint === endpoint && !j.deliver)
    .sort((a, b) => b.finishedAt! - a.finishedAt!)
    .slice(0, RECENT)
    .map((j) => j.finishedAt! - j.startedAt!)
    .sort((a, b) => a - b);
  if (!times.length || images < 1) return null;
  const mid = times.length >> 1;
  const median = times.length % 2 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2;
  return (median * images) / Math.max(1, concurrency);
}

/** "about 12 s", "about 3 min". */
export function formatEstimate(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  return s < 90 ? `about ${s} s` : `about ${Math.round(s / 60)} min`;
}
