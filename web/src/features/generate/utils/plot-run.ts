// The plot from the form: the axis context (the chosen endpoint's ranges and adapters, the endpoints,
// the styles, the prompt as typed), the base every cell starts from (the typed seed, or one drawn for
// the whole plot), the parameters every cell shares, and the plan. Loaded lazily with the planner.
import type { EndpointInfo, ResponseFormat } from '@server/contract';
import type { AxisContext, AxisKind } from '@/lib/plot-values';
import type { FormState } from '@/features/generate/stores/form-store';
import { planPlot, type PlotBase, type PlotPlan } from './plan-plot';
import { resolveForm } from './resolve-form';
import { BUILT_IN_STYLES } from './styles';

export { planPlot };

export interface PlotFormInput {
  state: FormState;
  endpoints: EndpointInfo[];
  response_format: ResponseFormat;
  randomSeed(): number;
  id: string;
  now: number;
}

/** What every cell shares, as the sheet's footer says it: "4 steps · seed 123 · png · local-engine". */
export function fixedText(base: PlotBase, on: ReadonlySet<AxisKind>): string {
  const parts: string[] = [];
  if (!on.has('steps')) parts.push(`${base.num_inference_steps} steps`);
  if (!on.has('seed')) parts.push(`seed ${base.seed}`);
  if (!on.has('guidance') && base.guidance_scale != null) parts.push(`guidance ${base.guidance_scale}`);
  parts.push(base.response_format);
  if (!on.has('endpoint') && base.endpoint) parts.push(base.endpoint);
  if (!on.has('adapter') && base.adapter) parts.push(`adapter ${base.adapter}`);
  if (!on.has('style') && base.styles.length) parts.push(`styles ${base.styles.map((s) => s.name).join(', ')}`);
  return parts.join(' · ');
}

export function planFromForm({ state: s, endpoints, response_format, randomSeed, id, now }: PlotFormInput): PlotPlan {
  const chosen = resolveForm(s, endpoints);
  const allStyles = [...BUILT_IN_STYLES, ...s.customStyles];
  const ctx: AxisContext = {
    prompt: s.prompt,
    steps: chosen.endpoint.steps,
    guidance: chosen.guidanceRange,
    endpoints: endpoints.map(({ id, name }) => ({ id, name })),
    adapters: chosen.endpoint.adapters,
    styles: allStyles.map((style) => style.name),
    randomSeed,
  };
  const base: PlotBase = {
    prompt: s.prompt,
    // A typed seed holds across the cells; otherwise one is drawn for the whole plot, so they compare.
    seed: s.seed ?? randomSeed(),
    num_inference_steps: chosen.num_inference_steps,
    response_format,
    endpoint: chosen.endpoint.id,
    ...(chosen.adapter ? { adapter: chosen.adapter } : {}),
    ...(chosen.guidance_scale !== null ? { guidance_scale: chosen.guidance_scale } : {}),
    ...(chosen.source ? { source: chosen.source } : chosen.controls.length ? { controls: chosen.controls } : {}),
    styles: allStyles.filter((style) => s.activeStyles.includes(style.name)),
    allStyles,
  };
  const { x, y, z } = s.plot;
  const on = new Set([x, y, z].flatMap((a) => (a ? [a.kind] : [])));
  return planPlot(s.plot, base, ctx, { id, now, fixed: fixedText(base, on) });
}

export { parseAxisValues } from '@/lib/plot-values';
