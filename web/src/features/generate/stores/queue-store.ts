// The client-side generation queue (zustand): jobs wait, run at most `concurrency` at a time (the
// server's number from /api/config), and end done, failed or cancelled. A job is done only once its
// images' bytes are fetched and stored (the app's delivery handler); otherwise it fails, with Retry.
// Cancelling aborts the request all the way upstream; a failed or cancelled job runs again.
// Every job that stores an image is in the journal (storage/job-journal.ts) before it is sent, seed
// included; one a closed or reloaded tab left behind comes back here as Interrupted, to Resume or Discard.
import { create } from 'zustand';
import type { GenerateResponse } from '@server/contract';
import type { EntryGroup, RequestParams } from '@/lib/params';
import { ApiError } from '@/lib/api-client';
import { fetchImage } from '@/features/generate/api/fetch-image';
import { generateImage } from '@/features/generate/api/generate-image';
import { CANCELLED_MESSAGE } from '@/features/generate/utils/cancelled-message';
import { claimJob, discardJob, noteFailure } from '@/features/generate/storage/job-journal';
import { claimed, forget, interruptedJob, record, recordedBeforeSending, withSeed } from './queue-journal';
import type { JournalRecord } from '@/features/generate/storage/journal-logic';
import { doneListeners, type DoneListener } from './job-done';

export { onJobDone, type DoneListener } from './job-done';

export type JobRequest = RequestParams;
export type JobStatus = 'waiting' | 'running' | 'done' | 'failed' | 'cancelled' | 'interrupted';

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
  /** Interrupted: the gone tab it was taken from (a claim succeeds only while it is still that one's). */
  from?: string;
  /** Interrupted: Resume or Discard pressed, the claim not answered yet. */
  claiming?: boolean;
}

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
  /** Jobs left by a tab that has gone (the journal's scan); those no longer there leave the list. */
  setInterrupted(records: JournalRecord[]): void;
  resume(id: string): Promise<void>;
  resumeAll(): void;
  discard(id: string): Promise<void>;
  /** Said once when a job to resume was taken by another tab first. */
  notice: string | null;
}

const KEEP_FINISHED = 40;
const isActive = (j: Job) => j.status === 'waiting' || j.status === 'running';
/** Kept until the user says otherwise: failed (Retry) and interrupted (Resume, Discard) jobs. */
const isKept = (j: Job) => j.status === 'failed' || j.status === 'interrupted';

export const useQueueStore = create<QueueState>()((set, get) => {
  const patch = (id: string, changes: Partial<Job>) => set((s) => ({ jobs: s.jobs.map((j) => (j.id === id ? { ...j, ...changes } : j)) }));

  async function run(job: Job) {
    const controller = new AbortController();
    controllers.set(job.id, controller);
    patch(job.id, { status: 'running', startedAt: Date.now(), error: undefined });
    try {
      await recordedBeforeSending(job.id);
      const [response, images] = await produce(job, controller.signal);
      try {
        const takers = job.deliver ? [job.deliver] : doneListeners();
        // Nobody to store it (the form that delivers it is gone): not done, so Retry can store it later.
        if (takers.length === 0) throw new Error('the gallery is not listening.');
        await Promise.all(takers.map((take) => take(job, response, images)));
      } catch (err) {
        throw new ApiError('not_stored', `The image was made but could not be stored in the gallery: ${err instanceof Error ? err.message : String(err)}`);
      }
      made.delete(job.id);
      // Out of the journal before it says Done: a reload after Done never resumes a stored image.
      if (!job.deliver) await forget(job.id);
      patch(job.id, { status: 'done', finishedAt: Date.now() });
    } catch (err) {
      const kept = err instanceof ApiError && (err.code === 'not_stored' || err.code === 'not_recorded');
      const cancelled = !kept && (controller.signal.aborted || (err instanceof ApiError && err.code === 'cancelled'));
      const error = cancelled ? CANCELLED_MESSAGE : await describe(err);
      patch(job.id, { status: cancelled ? 'cancelled' : 'failed', finishedAt: Date.now(), error });
      if (!job.deliver) void (cancelled ? forget(job.id) : noteFailure(job.id, error).catch(() => undefined));
      job.onFail?.(cancelled ? new ApiError('cancelled', 'Cancelled.') : err);
    } finally {
      controllers.delete(job.id);
      pump();
    }
  }

  const drop = (id: string) => set((s) => ({ jobs: s.jobs.filter((j) => j.id !== id) }));

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
    notice: null,
    setConcurrency: (concurrency) => {
      set({ concurrency: Math.max(1, concurrency) });
      pump();
    },
    enqueue: (specs) => {
      const now = Date.now();
      const added = specs.map((spec): Job => ({ ...withSeed(spec), id: crypto.randomUUID(), status: 'waiting', submittedAt: now }));
      record(added);
      set((s) => {
        // Failed jobs stay until retried or cleared (their Retry may still store an image made);
        // of the others that ended, the newest KEEP_FINISHED are kept.
        const ended = s.jobs.filter((j) => !isActive(j) && !isKept(j)).slice(-KEEP_FINISHED);
        const kept = new Set(ended);
        const finished = s.jobs.filter((j) => isKept(j) || kept.has(j));
        for (const id of made.keys()) if (!s.jobs.some((j) => j.id === id && (isActive(j) || finished.includes(j)))) made.delete(id);
        return { jobs: [...s.jobs.filter(isActive), ...finished, ...added].sort((a, b) => a.submittedAt - b.submittedAt) };
      });
      pump();
    },
    cancel: (id) => {
      const job = get().jobs.find((j) => j.id === id);
      if (job?.status === 'waiting') {
        patch(id, { status: 'cancelled', finishedAt: Date.now(), error: CANCELLED_MESSAGE });
        if (!job.deliver) void forget(id);
        job.onFail?.(new ApiError('cancelled', 'Cancelled.'));
      }
      controllers.get(id)?.abort();
    },
    cancelAll: () => {
      for (const job of get().jobs) if (isActive(job)) get().cancel(job.id);
    },
    retry: (id) => {
      const job = get().jobs.find((j) => j.id === id);
      if (!job || job.status === 'interrupted' || isActive(job)) return;
      // Back into the journal under this tab (a cancelled one had left it) before it is sent again.
      record([job]);
      patch(id, { status: 'waiting', error: undefined, finishedAt: undefined, submittedAt: Date.now() });
      pump();
    },
    retryFailed: () => {
      for (const job of get().jobs) if (job.status === 'failed') get().retry(job.id);
    },
    clearFinished: () => {
      for (const job of get().jobs) {
        if (isActive(job) || job.status === 'interrupted') continue;
        made.delete(job.id);
        // A failed job cleared is given up: the journal lets it go.
        if (job.status === 'failed' && !job.deliver) void forget(job.id);
      }
      set((s) => ({ jobs: s.jobs.filter((j) => isActive(j) || j.status === 'interrupted') }));
    },
    setInterrupted: (records) =>
      set((s) => {
        const ids = new Set(records.map((r) => r.id));
        const have = new Set(s.jobs.map((j) => j.id));
        const kept = s.jobs.filter((j) => j.status !== 'interrupted' || j.claiming || ids.has(j.id));
        const added = records.filter((r) => !have.has(r.id)).map(interruptedJob);
        return { jobs: [...kept, ...added].sort((a, b) => a.submittedAt - b.submittedAt) };
      }),
    resume: async (id) => {
      const job = get().jobs.find((j) => j.id === id);
      if (job?.status !== 'interrupted' || job.claiming || !job.from) return;
      patch(id, { claiming: true });
      let ours: boolean;
      try {
        ours = await claimJob(id, job.from);
      } catch (err) {
        patch(id, { claiming: false });
        set({ notice: `That job could not be resumed: this browser's storage answered ${err instanceof Error ? err.message : String(err)}` });
        return;
      }
      if (!ours) {
        drop(id);
        set({ notice: 'Another tab has already resumed or discarded that job.' });
        return;
      }
      claimed(id);
      patch(id, { status: 'waiting', claiming: false, from: undefined, error: undefined, submittedAt: Date.now() });
      pump();
    },
    resumeAll: () => {
      for (const job of get().jobs) if (job.status === 'interrupted') void get().resume(job.id);
    },
    discard: async (id) => {
      const job = get().jobs.find((j) => j.id === id);
      if (job?.status !== 'interrupted' || job.claiming || !job.from) return;
      patch(id, { claiming: true });
      await discardJob(id, job.from).catch(() => false);
      drop(id);
    },
  };
});
