// Who stores a finished job's images (the app's gallery handler): registered here, apart from the
// queue (queue-store.ts), so that the page can listen from its first paint while the queue's code,
// which only a job needs, loads beside it.
import type { GenerateResponse } from '@server/contract';
import type { Job } from './queue-store';

/** Stores a job's images (their bytes in the order of `response.images`); the job waits for it. */
export type DoneListener = (job: Job, response: GenerateResponse, images: Blob[]) => Promise<void>;

const listeners = new Set<DoneListener>();

/** Called with every generated job's images; the job is done when every listener has stored them. */
export function onJobDone(listener: DoneListener) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** The listeners now, for the queue to hand a job's images to. */
export const doneListeners = () => [...listeners];
