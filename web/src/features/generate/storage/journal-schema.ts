// A journal record read back from IndexedDB is untrusted (another version, another program, a damaged
// disk may have written it): every field is checked against one schema, and a record that fails is
// damaged alone (shown, discardable), never run.
import * as z from 'zod/mini';
import { SEED_MAX } from '@server/contract';
import { cellSchema, count, groupSchema, requestSchema, text } from '@/lib/schema';
import type { JournalRecord } from './journal-logic';

const journalSchema = z.object({
  v: z.literal(1),
  id: text(200).check(z.minLength(1)),
  spec: z.object({
    // Every job is written with its seed, so that Resume makes the same image.
    request: z.extend(requestSchema, { seed: count(0).check(z.maximum(SEED_MAX)) }),
    basePrompt: text(20_000),
    styles: z.array(text(2000)).check(z.maxLength(100)),
    group: z.optional(groupSchema),
    cell: z.optional(cellSchema),
    label: z.optional(text(500)),
  }),
  owner: text(200).check(z.minLength(1)),
  lease: z.number(),
  createdAt: z.number(),
  error: z.optional(text(5000)),
});

/** The record as a journal entry, or undefined when any field is missing or wrong, or its key is not its id. */
export function parseJournalRecord(key: IDBValidKey, raw: unknown): JournalRecord | undefined {
  const result = journalSchema.safeParse(raw);
  return result.success && result.data.id === key ? (result.data as JournalRecord) : undefined;
}
