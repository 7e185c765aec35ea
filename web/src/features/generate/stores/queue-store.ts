// The client-side generation queue (zustand): jobs wait, run at most `concurrency` at a time (the
// server's number from /api/config), and end done, failed or cancelled. A job is done only once its
// images' bytes are fetched and stored (the app's delivery handler); otherwise it fails, with Retry.
// Cancelling aborts the request all the way upstream; a failed or cancelled job runs again.
import { create } from 'zustand';
import type { GenerateResponse } from '@server/contract';
import type { EntryGroup, RequestParams } from '@/lib/params';
import { ApiError } from '@/lib/api-client';
import { fetchImage } from '@/features/generate/api/fetch-image';
import { generateImage } from '@/features/generate/api/generate-image';
import { CANCELLED_MESSAGE } from '@/features/generate/utils/cancelled-message';

export type JobRequest = RequestParams;
export type JobStatus = 'waiting' | 'running' | 'done' | 'failed' | 'cancelled';

export interface JobSpec {
  request: JobRequest;
  /** What the user typed, before styles were added (the request carries the final prompt). */
  basePrompt: string;
  styles: string[];
  group?: EntryGroup;
  /** A plot's cell: where its image sits in the grid. */
  cell?: { x: number; y: number; z: number; k: number };
  /** Says what the job is for in the queue ("Reproduce check"), when it is not an ordinary image. */
  label?: string;
  /** Takes the images in the gallery's stead (the reproduce check): nothing is stored. */
  deliver?: DoneListener;
  /** Told when the job fails or is cancelled, with the reason. */
  onFail?(error: unknown): void;
}

export interface Job extends JobSpec {
  id: string;
  status: JobStatus;
  submittedAt: number;
  startedAt?: number;
  finishedAt?: number;
  error?: string;
}

/** Stores a job's images (their bytes in the order of `response.images`); the job waits for it. */
export type DoneListener = (job: Job, response: GenerateResponse, images: Blob[]) => Promise<void>;
const listeners = new Set<DoneListener>();
const controllers = new Map<string, AbortController>();
/** Answers whose images were made but not stored yet: Retry stores them without generating again. */
const made = new Map<string, GenerateResponse>();

/** Generates (or reuses an answer already made), fetches every image's bytes and hands them on. */
async function produce(job: Job, signal: AbortSignal): Promise<[GenerateResponse, Blob[]]> {
  const earlier = made.get(job.id);
  if (earlier) {
    try {
      return [earlier, await Promise.all(earlier.images.map((i) => fetchImage(i.url, signal)))];
    } catch (err) {
      // The server no longer holds them (restarted, or evicted): make them again.
      if (!(err instanceof ApiError && err.status === 404)) throw err;
      made.delete(job.id);
    }
  }
  const response = await generateImage(job.request, signal);
  made.set(job.id, response);
  return [response, await Promise.all(response.images.map((i) => fetchImage(i.url, signal)))];
}

/**
 * What a failure says and what to do about it. The advice loads with the first failure (it is
 * fetched once the page is idle, so it is there when the server is gone); should it not load, the
 * failure still says what happened.
 */
async function describe(err: unknown): Promise<string> {
  try {
    return (await import('@/features/generate/utils/error-advice')).describeError(err);
  } catch {
    return `${err instanceof Error ? err.message : String(err)} Your prompt, settings and gallery are unchanged.`;
  }
}

/** Called with every generated job's images; the job is done when every listener has stored them. */
export function onJobDone(listener: DoneListener) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/**
 * One request as a job of the queue (the reproduce check): it waits its turn, shows in the queue and
 * can be cancelled there; its first image's bytes are the answer, and nothing is stored.
 */
export function generateThroughQueue(spec: Omit<JobSpec, 'deliver' | 'onFail'>): Promise<Blob> {
  return new Promise((resolve, reject) => {
    useQueueStore.getState().enqueue([{ ...spec, deliver: async (_job, _response, images) => resolve(images[0]!), onFail: reject }]);
  });
}

interface QueueState {
  jobs: Job[];
  concurrency: number;
  setConcurrency(concurrency: number): void;
  enqueue(specs: JobSpec[]): void;
  cancel(id: string): void;
  cancelAll(): void;
  retry(id: string): void;
  retryFailed(): void;
  clearFinished(): void;
}

const KEEP_FINISHED = 40;
const isActive = (j: Job) => j.status === 'waiting' || j.status === 'running';

export const useQueueStore = create<QueueState>()((set, get) => {
  const patch = (id: string, changes: Partial<Job>) => set((s) => ({ jobs: s.jobs.map((j) => (j.id === id ? { ...j, ...changes } : j)) }));

  async function run(job: Job) {
    const controller = new AbortController();
    controllers.set(job.id, controller);
    patch(job.id, { status: 'running', startedAt: Date.now(), error: undefined });
    try {
      const [response, images] = await produce(job, controller.signal);
      try {
        const takers = job.deliver ? [job.deliver] : [...listeners];
        // Nobody to store it (the form that delivers it is gone): not done, so Retry can store it later.
        if (takers.length === 0) throw new Error('the gallery is not listening.');
        await Promise.all(takers.map((take) => take(job, response, images)));
      } catch (err) {
        throw new ApiError('not_stored', `The image was made but could not be stored in the gallery: ${err instanceof Error ? err.message : String(err)}`);
      }
      made.delete(job.id);
      patch(job.id, { status: 'done', finishedAt: Date.now() });
    } catch (err) {
      const cancelled = !(err instanceof ApiError && err.code === 'not_stored') && (controller.signal.aborted || (err instanceof ApiError && err.code === 'cancelled'));
      patch(job.id, { status: cancelled ? 'cancelled' : 'failed', finishedAt: Date.now(), error: cancelled ? CANCELLED_MESSAGE : await describe(err) });
      job.onFail?.(cancelled ? new ApiError('cancelled', 'Cancelled.') : err);
    } finally {
      controllers.delete(job.id);
      pump();
    }
  }

  /** Starts waiting jobs, oldest first, while fewer than `concurrency` run. */
  function pump() {
    const { jobs, concurrency } = get();
    let running = jobs.filter((j) => j.status === 'running').length;
    for (const job of jobs) {
      if (running >= concurrency) break;
      if (job.status === 'waiting') {
        running++;
        void run(job);
      }
    }
  }

  return {
    jobs: [],
    concurrency: 2,
    setConcurrency: (concurrency) => {
      set({ concurrency: Math.max(1, concurrency) });
      pump();
    },
    enqueue: (specs) => {
      const now = Date.now();
      const added = specs.map((spec): Job => ({ ...spec, id: crypto.randomUUID(), status: 'waiting', submittedAt: now }));
      set((s) => {
        // Failed jobs stay until retried or cleared (their Retry may still store an image made);
        // of the others that ended, the newest KEEP_FINISHED are kept.
        const ended = s.jobs.filter((j) => !isActive(j) && j.status !== 'failed').slice(-KEEP_FINISHED);
        const kept = new Set(ended);
        const finished = s.jobs.filter((j) => j.status === 'failed' || kept.has(j));
        for (const id of made.keys()) if (!s.jobs.some((j) => j.id === id && (isActive(j) || finished.includes(j)))) made.delete(id);
        return { jobs: [...s.jobs.filter(isActive), ...finished, ...added].sort((a, b) => a.submittedAt - b.submittedAt) };
      });
      pump();
    },
    cancel: (id) => {
      const job = get().jobs.find((j) => j.id === id);
      if (job?.status === 'waiting') {
        patch(id, { status: 'cancelled', finishedAt: Date.now(), error: CANCELLED_MESSAGE });
        job.onFail?.(new ApiError('cancelled', 'Cancelled.'));
      }
      controllers.get(id)?.abort();
    },
    cancelAll: () => {
      for (const job of get().jobs) if (isActive(job)) get().cancel(job.id);
    },
    retry: (id) => {
      patch(id, { status: 'waiting', error: undefined, finishedAt: undefined, submittedAt: Date.now() });
      pump();
    },
    retryFailed: () => {
      for (const job of get().jobs) if (job.status === 'failed') get().retry(job.id);
    },
    clearFinished: () => {
      for (const job of get().jobs) if (!isActive(job)) made.delete(job.id);
      set((s) => ({ jobs: s.jobs.filter(isActive) }));
    },
  };
});
