// The client-side generation queue (zustand): jobs wait, run at most `concurrency` at a time (the
// server's number from /api/config), and end done, failed or cancelled. Cancelling aborts the
// request all the way upstream; a failed or cancelled job runs again with one action.
import { create } from 'zustand';
import type { GenerateRequest, GenerateResponse, ResponseFormat } from '../../../../../server/contract';
import type { EntryGroup } from '../../../lib/params';
import { ApiError } from '../../../lib/api-client';
import { generateImage } from '../api/generate-image';
import { describeError } from '../utils/error-advice';

export type JobRequest = GenerateRequest & { num_inference_steps: number; response_format: ResponseFormat };
export type JobStatus = 'waiting' | 'running' | 'done' | 'failed' | 'cancelled';

export interface JobSpec {
  request: JobRequest;
  /** What the user typed, before styles were added (the request carries the final prompt). */
  basePrompt: string;
  styles: string[];
  group?: EntryGroup;
}

export interface Job extends JobSpec {
  id: string;
  status: JobStatus;
  submittedAt: number;
  startedAt?: number;
  finishedAt?: number;
  error?: string;
}

type DoneListener = (job: Job, response: GenerateResponse) => void;
const listeners = new Set<DoneListener>();
const controllers = new Map<string, AbortController>();

/** Called with every finished job's response (the app saves it to the gallery). */
export function onJobDone(listener: DoneListener) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

interface QueueState {
  jobs: Job[];
  concurrency: number;
  setConcurrency(concurrency: number): void;
  enqueue(specs: JobSpec[]): void;
  cancel(id: string): void;
  cancelAll(): void;
  retry(id: string): void;
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
      const response = await generateImage(job.request, controller.signal);
      patch(job.id, { status: 'done', finishedAt: Date.now() });
      for (const listener of listeners) listener(job, response);
    } catch (err) {
      const cancelled = controller.signal.aborted || (err instanceof ApiError && err.code === 'cancelled');
      patch(job.id, { status: cancelled ? 'cancelled' : 'failed', finishedAt: Date.now(), error: describeError(cancelled ? new ApiError('cancelled', '') : err) });
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
        const finished = s.jobs.filter((j) => !isActive(j)).slice(-KEEP_FINISHED);
        return { jobs: [...s.jobs.filter(isActive), ...finished, ...added].sort((a, b) => a.submittedAt - b.submittedAt) };
      });
      pump();
    },
    cancel: (id) => {
      const job = get().jobs.find((j) => j.id === id);
      if (job?.status === 'waiting') patch(id, { status: 'cancelled', finishedAt: Date.now(), error: describeError(new ApiError('cancelled', '')) });
      controllers.get(id)?.abort();
    },
    cancelAll: () => {
      for (const job of get().jobs) if (isActive(job)) get().cancel(job.id);
    },
    retry: (id) => {
      patch(id, { status: 'waiting', error: undefined, finishedAt: undefined, submittedAt: Date.now() });
      pump();
    },
    clearFinished: () => set((s) => ({ jobs: s.jobs.filter(isActive) })),
  };
});
