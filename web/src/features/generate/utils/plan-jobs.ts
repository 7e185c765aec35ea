// Turns the form into queue jobs: one image, a batch, a steps, seed or guidance sweep, or a prompt
// A/B; each job carries the endpoint, adapter, guidance and input images chosen.
// Every job of a batch or sweep shares a group, labelled by what varies.
import type { GuidanceRange, StepRange } from '@server/contract';
import type { ControlInput, EntryGroup, InputRef, ResponseFormat } from '@/lib/params';
import { withStyles, type Style } from '@/features/generate/utils/styles';
import { MAX_COUNT, type Mode } from '@/features/generate/utils/mode';
import type { JobSpec } from '@/features/generate/stores/queue-store';
import { guidanceValues } from './guidance-values';


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
  guidance?: GuidanceRange | false;
  /** An edit's source (every job edits it), and control images (generations only). */
  source?: InputRef | null;
  controls?: ControlInput[];
}

export { guidanceValues };

const SEED_SPAN = 4_294_967_296;

export function planJobs(input: PlanInput, randomSeed: () => number): JobSpec[] {
  const { mode, num_inference_steps: steps, range, response_format, styles } = input;
  const count = Math.min(MAX_COUNT, Math.max(1, Math.round(input.count)));
  const styleNames = styles.map((s) => s.name);
  const groupId = crypto.randomUUID();
  const { endpoint, adapter, source, controls } = input;
  const job = (prompt: string, over: { steps?: number; seed?: number; guidance?: number }, group?: Omit<EntryGroup, 'id'>): JobSpec => {
    const guidance_scale = over.guidance ?? input.guidance_scale;
    return {
      request: {
        prompt: withStyles(prompt, styles),
        num_inference_steps: over.steps ?? steps,
        response_format,
        ...(over.seed !== undefined ? { seed: over.seed } : {}),
        ...(endpoint ? { endpoint } : {}),
        ...(adapter ? { adapter } : {}),
        ...(guidance_scale !== undefined && guidance_scale !== null ? { guidance_scale } : {}),
        ...(source ? { source } : controls?.length ? { controls } : {}),
      },
      basePrompt: prompt,
      styles: styleNames,
      ...(group ? { group: { id: groupId, ...group } } : {}),
    };
  };
  // Sweeps vary one thing, so everything else, the seed included, must hold still.
  const fixedSeed = input.seed ?? randomSeed();
  const next = (seed: number, i: number) => (seed + i) % SEED_SPAN;

  if (mode === 'steps') {
    const size = range.max - range.min + 1;
    return Array.from({ length: size }, (_, i) =>
      job(input.prompt, { steps: range.min + i, seed: fixedSeed }, { kind: 'steps', label: `Steps sweep ${range.min}–${range.max} · seed ${fixedSeed}`, index: i, size }),
    );
  }
  if (mode === 'guidance' && input.guidance) {
    const values = guidanceValues(input.guidance, Math.min(MAX_COUNT, Math.max(2, Math.round(input.count))));
    const label = `Guidance sweep ${values[0]}–${values.at(-1)} · seed ${fixedSeed} · ${steps} steps`;
    return values.map((guidance, i) => job(input.prompt, { seed: fixedSeed, guidance }, { kind: 'guidance', label, index: i, size: values.length }));
  }
  if (mode === 'ab') {
    const label = `Prompt A/B · seed ${fixedSeed} · ${steps} steps`;
    return [job(input.prompt, { seed: fixedSeed }, { kind: 'ab', label, index: 0, size: 2 }), job(input.promptB, { seed: fixedSeed }, { kind: 'ab', label, index: 1, size: 2 })];
  }
  if (mode === 'seeds') {
    // A typed seed makes the sweep repeatable (seed, seed+1, …); otherwise N random seeds.
    const seeds = Array.from({ length: count }, (_, i) => (input.seed !== null ? next(input.seed, i) : randomSeed()));
    return seeds.map((seed, i) => job(input.prompt, { seed }, { kind: 'seeds', label: `Seed sweep ×${count} · ${steps} steps`, index: i, size: count }));
  }
  if (count === 1) return [job(input.prompt, input.seed !== null ? { seed: input.seed } : {})];
  // A batch: with a typed or locked seed, seed, seed+1, …; otherwise the upstream picks each seed.
  // (A typed seed is always used for the next run; the lock only decides whether it stays after.)
  const base = input.locked ? fixedSeed : (input.seed ?? undefined);
  return Array.from({ length: count }, (_, i) =>
    job(input.prompt, base !== undefined ? { seed: next(base, i) } : {}, { kind: 'batch', label: `Batch ×${count}${base !== undefined ? ` · seeds ${base}–${next(base, count - 1)}` : ''}`, index: i, size: count }),
  );
}
