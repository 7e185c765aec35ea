// The input images the generate feature still needs: the form's, and those of the queue's jobs not
// done (waiting or running, or failed or cancelled, which Retry runs again). Clear all keeps them.
import type { ControlInput, InputRef } from '@/lib/params';
import { useFormStore } from './form-store';
import { useQueueStore } from './queue-store';

const hashes = ({ source, controls }: { source?: InputRef | null; controls?: ControlInput[] }) => [...(source ? [source.hash] : []), ...(controls ?? []).map((c) => c.image.hash)];

/** The hashes of every input image the form or an unfinished job holds. */
export const heldInputs = () => [...hashes(useFormStore.getState()), ...useQueueStore.getState().jobs.flatMap((job) => (job.status === 'done' ? [] : hashes(job.request)))];
