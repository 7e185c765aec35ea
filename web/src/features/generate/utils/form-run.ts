// What Generate runs, planned from the form as it was when pressed: queue jobs (one image, a batch,
// a sweep, a prompt A/B) or a plot (its record, kept before its cells are queued), and the seed the
// form keeps when locked. Both planners (plan-jobs.ts, plot-run.ts) answer in this shape, so the
// form has one submit pipeline.
import type { EndpointInfo, ResponseFormat } from '@server/contract';
import type { PlannedCell, PlotRecord } from '@/lib/plot';
import type { FormState } from '@/features/generate/stores/form-store';
import type { JobSpec } from '@/features/generate/stores/queue-store';

export interface FormRunInput {
  state: FormState;
  endpoints: EndpointInfo[];
  response_format: ResponseFormat;
  randomSeed(): number;
  /** The plot's id and date. */
  id: string;
  now: number;
}

export type FormRun = { ok: true; specs: JobSpec[]; plot?: { record: PlotRecord; toRun: PlannedCell[] }; seed: number | undefined } | { ok: false; error: string };
