// The plot from the form: the axis context (the chosen endpoint's ranges and adapters, the endpoints,
// the styles, the prompt as typed), the base every cell starts from (the typed seed, or one drawn for
// the whole plot), the parameters every cell shares, and the plan. Loaded lazily with the planner.
import type { AxisContext, AxisKind } from '@/lib/plot-values';
import { toRequest } from '@/lib/params';
import type { Draft } from '@/features/generate/stores/form-fields';
import { planPlot, type PlotBase, type PlotPlan } from './plan-plot';
import type { FormRun, FormRunInput } from './form-run';
import { resolveForm, type FormChoices } from './resolve-form';
import { BUILT_IN_STYLES } from './styles';

export { planPlot };

/** The form's fields a plot is planned from. */
export type PlotFormState = Pick<Draft, 'prompt' | 'seed' | 'plot' | 'customStyles' | 'activeStyles'> & FormChoices;

export type PlotFormInput = Omit<FormRunInput, 'state'> & { state: PlotFormState };

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
    guidanceRange: chosen.guidanceRange,
    endpoints: endpoints.map(({ id, name }) => ({ id, name })),
    adapters: chosen.endpoint.adapters,
    styles: allStyles.map((style) => style.name),
    randomSeed,
  };
  const { adapter, guidance_scale, source, controls } = chosen;
  const base: PlotBase = {
    ...toRequest({ prompt: s.prompt, num_inference_steps: chosen.num_inference_steps, response_format, endpoint: chosen.endpoint.id, adapter, guidance_scale, source, controls }),
    // A typed seed holds across the cells; otherwise one is drawn for the whole plot, so they compare.
    seed: s.seed ?? randomSeed(),
    styles: allStyles.filter((style) => s.activeStyles.includes(style.name)),
    allStyles,
  };
  const { x, y, z } = s.plot;
  const on = new Set([x, y, z].flatMap((a) => (a ? [a.kind] : [])));
  const plan = planPlot(s.plot, base, ctx, { id, now, fixed: fixedText(base, on) });
  if (!plan.ok) return plan;
  // Across endpoints, one format for every cell: an endpoint that does not answer with it (a
  // Friendli Container: raw and jpeg only) is named before the plot starts, not failed cell by cell.
  for (const cell of plan.toRun) {
    const endpoint = endpoints.find((e) => e.id === cell.request.endpoint);
    if (endpoint && !endpoint.formats.includes(response_format)) {
      return { ok: false, error: `${endpoint.name} answers with ${endpoint.formats.join(' or ')} only, not ${response_format}: choose one of those formats to plot across it.` };
    }
  }
  return plan;
}

/** The form's plot, as Generate starts it: its record, and the cells switched on. */
export function plotFromForm(input: FormRunInput): FormRun {
  const plan = planFromForm(input);
  if (!plan.ok) return plan;
  return { ok: true, specs: [], plot: { record: plan.record, toRun: plan.toRun }, seed: input.state.seed ?? undefined };
}

export { parseAxisValues } from '@/lib/plot-values';
