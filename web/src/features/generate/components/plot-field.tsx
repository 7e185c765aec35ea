// The X/Y plot's settings: X, Y and optional Z axes (a setting and its values, each value a toggle to
// switch it off), images per cell, and live how many images that makes, about how long it takes, or
// why it cannot run (the form's action bar alerts it too). The planner loads when the mode is chosen: the first paint stays small.
import type { EndpointInfo, GuidanceRange } from '@server/contract';
import { AXIS_KINDS, type AxisKind, type PlotAxis } from '@/lib/plot';
import { useFormStore } from '@/features/generate/stores/form-store';
import { useQueueStore } from '@/features/generate/stores/queue-store';
import type { PlotCheck } from '@/features/generate/hooks/use-plot-check';
import { BUILT_IN_STYLES } from '@/features/generate/utils/styles';
import { estimateMs, formatEstimate } from '@/features/generate/utils/plot-estimate';
import { inputClass, labelClass } from './field';

type Name = 'x' | 'y' | 'z';
const NAMES: Name[] = ['x', 'y', 'z'];

interface Props {
  endpoints: EndpointInfo[];
  endpoint: EndpointInfo;
  guidanceRange: GuidanceRange | false;
  /** The plot planned from the form (hooks/use-plot-check.ts): shown here, not planned again. */
  check: PlotCheck;
}

/** A first text for a setting just chosen, one that runs as it is. */
function example(kind: AxisKind, { endpoints, endpoint, guidanceRange }: Props, prompt: string): string {
  switch (kind) {
    case 'seed': return 'random x3';
    case 'steps': return `${endpoint.steps.min}-${endpoint.steps.max} [4]`;
    case 'guidance': return guidanceRange ? `${guidanceRange.min}-${guidanceRange.max} [4]` : '';
    case 'prompt-sr': return prompt.trim().split(/\s+/).at(-1) ?? '';
    case 'endpoint': return endpoints.map((e) => e.id).join(', ');
    case 'adapter': return ['None', ...endpoint.adapters].join(', ');
    case 'style': return 'None';
  }
}

const shown = (value: number | string | null, random: boolean, i: number) => (random ? `random ${i + 1}` : value === null ? 'None' : String(value));

export function PlotField(props: Props) {
  const { endpoints, endpoint, guidanceRange, check } = props;
  const { planner, preview, error, form } = check;
  const { plot } = form;
  const setPlotAxis = useFormStore((s) => s.setPlotAxis);
  const togglePlotValue = useFormStore((s) => s.togglePlotValue);
  const setPerCell = useFormStore((s) => s.setPerCell);
  const jobs = useQueueStore((s) => s.jobs);
  const concurrency = useQueueStore((s) => s.concurrency);

  const kinds = AXIS_KINDS.filter(({ kind }) => (kind === 'guidance' ? !!guidanceRange : kind === 'adapter' ? endpoint.adapters.length > 0 : kind === 'endpoint' ? endpoints.length > 1 : true));
  // Random seeds are drawn when the plot starts; the preview names them "random 1", "random 2"…
  const images = preview?.ok ? preview.toRun.length : 0;
  const estimate = images ? estimateMs(jobs, endpoint.id, images, concurrency) : null;

  const styles = [...BUILT_IN_STYLES, ...form.customStyles].map((style) => style.name);
  const values = (axis: PlotAxis) => {
    if (!planner) return [];
    const parsed = planner.parseAxisValues(axis.kind, axis.text, { prompt: form.prompt, steps: endpoint.steps, guidanceRange, endpoints, adapters: endpoint.adapters, styles, randomSeed: () => 0 });
    return parsed.ok ? parsed.values : [];
  };

  return (
    <fieldset className="flex flex-col gap-3 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
      <legend className={`${labelClass} px-1`}>X/Y plot</legend>
      {NAMES.map((name) => {
        const axis = plot[name];
        const upper = name.toUpperCase();
        const list = axis ? values(axis) : [];
        const random = axis?.kind === 'seed' && /^\s*random/i.test(axis.text);
        const options = axis && !kinds.some((k) => k.kind === axis.kind) ? [...kinds, ...AXIS_KINDS.filter((k) => k.kind === axis.kind)] : kinds;
        return (
          <div key={name} className="flex flex-col gap-1.5">
            <div className="grid grid-cols-[7rem_minmax(0,1fr)] items-center gap-2">
              <label htmlFor={`plot-${name}-axis`} className={labelClass}>{upper} axis</label>
              <select
                id={`plot-${name}-axis`}
                value={axis?.kind ?? ''}
                onChange={(e) => {
                  const kind = e.target.value as AxisKind | '';
                  setPlotAxis(name, kind ? { kind, text: example(kind, props, useFormStore.getState().prompt) } : null);
                }}
                className={inputClass}
              >
                {name === 'z' && <option value="">None</option>}
                {options.map(({ kind, label }) => (
                  <option key={kind} value={kind}>{label}</option>
                ))}
              </select>
            </div>
            {axis && (
              <>
                <div className="grid grid-cols-[7rem_minmax(0,1fr)] items-center gap-2">
                  <label htmlFor={`plot-${name}-values`} className={labelClass}>{upper} values</label>
                  <input id={`plot-${name}-values`} value={axis.text} maxLength={5000} spellCheck={false} onChange={(e) => setPlotAxis(name, { kind: axis.kind, text: e.target.value })} className={inputClass} />
                </div>
                {list.length > 0 && (
                  <div role="group" aria-label={`Run or skip each ${upper} value`} className="flex flex-wrap gap-1 pl-[7.5rem] text-xs">
                    {list.map((value, i) => (
                      <label key={i} className="flex cursor-pointer items-center gap-1 rounded-md border border-zinc-300 px-1.5 py-0.5 has-checked:border-violet-400 has-checked:bg-violet-50 has-focus-visible:outline-2 has-focus-visible:outline-violet-500 dark:border-zinc-700 dark:has-checked:border-violet-700 dark:has-checked:bg-violet-950/50">
                        <input type="checkbox" checked={!axis.off?.includes(i)} onChange={() => togglePlotValue(name, i)} className="accent-violet-600" />
                        <span className="max-w-40 truncate">{shown(value, random, i)}</span>
                      </label>
                    ))}
                  </div>
                )}
              </>
            )}
          </div>
        );
      })}
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <label htmlFor="plot-per-cell" className={labelClass}>Images per cell</label>
        <input id="plot-per-cell" type="number" min={1} max={4} value={plot.perCell} onChange={(e) => setPerCell(Number(e.target.value))} className={`${inputClass} w-20 tabular-nums`} />
        <span className="text-xs text-zinc-500">consecutive seeds</span>
      </div>
      {error ? (
        // Said here, beside the values, and as an alert in the action bar, which stays on screen.
        <p className="rounded-lg border border-red-300 bg-red-50 p-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-300">{error}</p>
      ) : (
        preview?.ok && (
          <p className="text-sm font-medium text-zinc-700 dark:text-zinc-300" aria-live="polite">
            {preview.summary}
            {estimate !== null && <span className="font-normal text-zinc-500"> · {formatEstimate(estimate)}</span>}
          </p>
        )
      )}
    </fieldset>
  );
}
