// Turns the form into queue jobs: one image, a batch, a steps, seed or guidance sweep, or a prompt
// A/B; each job carries the endpoint, adapter, guidance and input images chosen.
// Every job of a batch or sweep shares a group, labelled by what varies.
import type { GuidanceRange, StepRange } from '@server/contract';
import { seedAt, toRequest, type ControlInput, type EntryGroup, type InputRef, type ResponseFormat } from '@/lib/params';
import { BUILT_IN_STYLES, withStyles, type Style } from '@/features/generate/utils/styles';
import { effectiveMode, MAX_COUNT, type Mode } from '@/features/generate/utils/mode';
import type { JobSpec } from '@/features/generate/stores/queue-store';
import type { FormRun, FormRunInput } from './form-run';
import { guidanceValues } from './guidance-values';
import { resolveForm } from './resolve-form';

export interface PlanInput {
  mode: Mode;
  prompt: string;
  promptB: string;
  num_inference_steps: number;
  range: StepRange;
  seed: number | null;
  locked: boolean;
  count: number;
  response_format: ResponseFormat;
  styles: Style[];
  /** The endpoint id and adapter route (null: none) every job goes to. */
  endpoint?: string;
  adapter?: string | null;
  /** null: not sent (the model's default). */
  guidance_scale?: number | null;
  /** The endpoint's guidance range, which a guidance sweep spans (false: it takes none). */
  guidanceRange?: GuidanceRange | false;
  /** An edit's source (every job edits it), and control images (generations only). */
  source?: InputRef | null;
  controls?: ControlInput[];
}

export { guidanceValues };

export function planJobs(input: PlanInput, randomSeed: () => number): JobSpec[] {
  const { mode, num_inference_steps: steps, range, response_format, styles } = input;
  const count = Math.min(MAX_COUNT, Math.max(1, Math.round(input.count)));
  const styleNames = styles.map((s) => s.name);
  const groupId = crypto.randomUUID();
  const { endpoint, adapter, guidance_scale, source, controls } = input;
  const job = (prompt: string, over: { num_inference_steps?: number; seed?: number; guidance_scale?: number }, group?: Omit<EntryGroup, 'id'>): JobSpec => ({
    request: toRequest({ prompt: withStyles(prompt, styles), num_inference_steps: steps, response_format, endpoint, adapter, guidance_scale, source, controls, ...over }),
    basePrompt: prompt,
    styles: styleNames,
    ...(group ? { group: { id: groupId, ...group } } : {}),
  });
  // Sweeps vary one thing, so everything else, the seed included, must hold still.
  const fixedSeed = input.seed ?? randomSeed();

  if (mode === 'steps') {
    const size = range.max - range.min + 1;
    return Array.from({ length: size }, (_, i) =>
      job(input.prompt, { num_inference_steps: range.min + i, seed: fixedSeed }, { kind: 'steps', label: `Steps sweep ${range.min}–${range.max} · seed ${fixedSeed}`, index: i, size }),
    );
  }
  if (mode === 'guidance' && input.guidanceRange) {
    const values = guidanceValues(input.guidanceRange, Math.min(MAX_COUNT, Math.max(2, Math.round(input.count))));
    const label = `Guidance sweep ${values[0]}–${values.at(-1)} · seed ${fixedSeed} · ${steps} steps`;
    return values.map((value, i) => job(input.prompt, { seed: fixedSeed, guidance_scale: value }, { kind: 'guidance', label, index: i, size: values.length }));
  }
  if (mode === 'ab') {
    const label = `Prompt A/B · seed ${fixedSeed} · ${steps} steps`;
    return [job(input.prompt, { seed: fixedSeed }, { kind: 'ab', label, index: 0, size: 2 }), job(input.promptB, { seed: fixedSeed }, { kind: 'ab', label, index: 1, size: 2 })];
  }
  if (mode === 'seeds') {
    // A typed seed makes the sweep repeatable (seed, seed+1, …); otherwise N random seeds.
    const seeds = Array.from({ length: count }, (_, i) => (input.seed !== null ? seedAt(input.seed, i) : randomSeed()));
    return seeds.map((seed, i) => job(input.prompt, { seed }, { kind: 'seeds', label: `Seed sweep ×${count} · ${steps} steps`, index: i, size: count }));
  }
  if (count === 1) return [job(input.prompt, input.seed !== null ? { seed: input.seed } : {})];
  // A batch: with a typed or locked seed, seed, seed+1, …; otherwise the upstream picks each seed.
  // (A typed seed is always used for the next run; the lock only decides whether it stays after.)
  const base = input.locked ? fixedSeed : (input.seed ?? undefined);
  return Array.from({ length: count }, (_, i) =>
    job(input.prompt, base !== undefined ? { seed: seedAt(base, i) } : {}, { kind: 'batch', label: `Batch ×${count}${base !== undefined ? ` · seeds ${base}–${seedAt(base, count - 1)}` : ''}`, index: i, size: count }),
  );
}

/** The form's jobs, as Generate queues them (every mode but the plot). */
export function jobsFromForm({ state: s, endpoints, response_format, randomSeed }: FormRunInput): FormRun {
  const styles = [...BUILT_IN_STYLES, ...s.customStyles].filter((style) => s.activeStyles.includes(style.name));
  const now = resolveForm(s, endpoints);
  const specs = planJobs(
    {
      mode: effectiveMode(s.mode, now.guidanceRange), prompt: s.prompt, promptB: s.promptB, num_inference_steps: now.num_inference_steps, range: now.endpoint.steps, seed: s.seed, locked: s.seedLocked, count: s.mode === 'guidance' ? s.guidanceCount : s.count, response_format, styles,
      endpoint: now.endpoint.id, adapter: now.adapter, guidance_scale: now.guidance_scale, guidanceRange: now.guidanceRange, source: now.source, controls: now.controls,
    },
    randomSeed,
  );
  return { ok: true, specs, seed: specs[0]!.request.seed ?? undefined };
}
