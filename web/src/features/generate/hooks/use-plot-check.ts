// The plot being set up, planned live while the mode is X/Y plot: what it makes, or why it cannot
// run. The form reads it (Generate waits on it, the action bar alerts it) and hands it to the plot
// field, which shows it: computed where it is used, never copied into a store. The planner loads
// when the mode is chosen, so the first paint stays small. The prompt is read only when a Prompt S/R
// axis needs it: typing a prompt does not plan the plot again otherwise.
import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { EndpointInfo, ResponseFormat } from '@server/contract';
import type { PlotDefinition } from '@/lib/plot';
import { useFormStore, type FormState } from '@/features/generate/stores/form-store';
import type { PlotFormState } from '@/features/generate/utils/plot-run';
import { choicesOf } from '@/features/generate/utils/resolve-form';

export type Planner = typeof import('@/features/generate/utils/plot-run');

export interface PlotCheck {
  planner: Planner | null;
  /** The plan (random seeds named, not drawn), once the planner is loaded. */
  preview: ReturnType<Planner['planFromForm']> | undefined;
  /** Why it cannot run (null: it can). */
  error: string | null;
  /** The fields it was planned from. */
  form: PlotFormState;
}

const usesPrompt = (plot: PlotDefinition) => [plot.x, plot.y, plot.z].some((axis) => axis?.kind === 'prompt-sr');

const planned = (s: FormState): PlotFormState => ({
  prompt: usesPrompt(s.plot) ? s.prompt : '',
  // Seeds change no count and no error: the preview names random ones and plans from seed 0.
  seed: null,
  plot: s.plot,
  customStyles: s.customStyles,
  activeStyles: s.activeStyles,
  ...choicesOf(s),
});

const OFF = {} as PlotFormState;

/** The plot check while `on` (mode X/Y plot, the server's settings loaded), else null. */
export function usePlotCheck(on: boolean, endpoints: EndpointInfo[] | undefined, response_format: ResponseFormat | null): PlotCheck | null {
  const [planner, setPlanner] = useState<Planner | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  useEffect(() => {
    if (!on) return;
    import('@/features/generate/utils/plot-run').then(setPlanner, (err: unknown) => setLoadError(`The plot planner did not load (${err instanceof Error ? err.message : String(err)}). Reload the page to try again.`));
  }, [on]);
  const form = useFormStore(useShallow((s) => (on ? planned(s) : OFF)));
  const preview = useMemo(
    () => (on && planner && endpoints && response_format ? planner.planFromForm({ state: form, endpoints, response_format, randomSeed: () => 0, id: 'preview', now: 0 }) : undefined),
    [on, planner, form, endpoints, response_format],
  );
  if (!on) return null;
  return { planner, preview, error: loadError ?? (preview && !preview.ok ? preview.error : null), form };
}
