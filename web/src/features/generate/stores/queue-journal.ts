// The queue's side of the journal (storage/job-journal.ts): a job that stores an image is written
// there, with its seed, before it is sent, and leaves it once stored or cancelled; a record a gone
// tab left becomes an Interrupted job. The reproduce check (`deliver`) stores nothing: not journaled.
import { ApiError } from '@/lib/api-client';
import { randomSeed } from '@/lib/params';
import { forgetJob, recordJobs } from '@/features/generate/storage/job-journal';
import type { JournalRecord } from '@/features/generate/storage/journal-logic';
import type { Job, JobSpec } from './queue-store';

/** Each journaled job's write to the journal: it is sent only once that has landed. */
const recorded = new Map<string, Promise<unknown>>();

/** A seed drawn here if the form left it random, so the journal holds the exact request and Resume makes the same image. */
export const withSeed = (spec: JobSpec): JobSpec => (spec.deliver ? spec : { ...spec, request: { ...spec.request, seed: spec.request.seed ?? randomSeed() } });

/** What the journal keeps of a job (its functions stay behind: they belong to this page). */
const journalSpec = ({ request, basePrompt, styles, group, cell, label }: JobSpec) => ({ request: { ...request, seed: request.seed! }, basePrompt, styles, ...(group ? { group } : {}), ...(cell ? { cell } : {}), ...(label ? { label } : {}) });

/** Writes these jobs to the journal, all in one transaction (a retried one again under this tab). */
export function record(jobs: Job[]) {
  const journaled = jobs.filter((j) => !j.deliver);
  const written = journaled.length ? recordJobs(journaled.map((j) => ({ id: j.id, spec: journalSpec(j) }))) : Promise.resolve();
  for (const j of journaled) recorded.set(j.id, written);
}

/** A claimed job is this tab's in the journal already. */
export const claimed = (id: string) => void recorded.set(id, Promise.resolve());

/** Waits until the job is on disk; a job that could not be written is not sent. */
export async function recordedBeforeSending(id: string) {
  try {
    await recorded.get(id);
  } catch (err) {
    throw new ApiError('not_recorded', `The job could not be written to this browser's storage, so it was not sent (a reload would lose it): ${err instanceof Error ? err.message : String(err)}`);
  }
}

export function forget(id: string) {
  recorded.delete(id);
  return forgetJob(id).catch(() => undefined);
}

/** A gone tab's record as a job of this queue, Interrupted. */
export const interruptedJob = (r: JournalRecord): Job => ({ ...r.spec, id: r.id, status: 'interrupted', submittedAt: r.createdAt, from: r.owner, ...(r.error ? { error: r.error } : {}) });
