// The control panel: the fields, and an always-visible action bar (Generate, also Ctrl/Cmd+Enter;
// elapsed time, Cancel, the newest failure, the app's notices). Each field subscribes to its own
// state, so a keystroke in a prompt re-renders that field, not the form. Drawn by GenerateForm
// (generate-form.tsx) once the settings and the stored draft are in; its code is not in the first
// paint's script but loads beside them.
import { useEffect, useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { StudioConfig } from '@/features/generate/api/get-config';
import { usePlotCheck } from '@/features/generate/hooks/use-plot-check';
import { randomSeed, useFormStore } from '@/features/generate/stores/form-store';
import { useQueueStore } from '@/features/generate/stores/queue-store';
import type { PlotRecord } from '@/lib/plot';
import { enqueuePlotCells } from '@/features/generate/utils/enqueue-plot';
import { effectiveMode } from '@/features/generate/utils/mode';
import { choicesOf, resolveForm } from '@/features/generate/utils/resolve-form';
import { Elapsed } from './elapsed';
import { EndpointField } from './endpoint-field';
import { secondaryButtonClass } from './field';
import { FormatSelect } from './format-select';
import { GuidanceField } from './guidance-field';
import { ControlImagesField } from './control-images-field';
import { QueuePanel } from './queue-panel';
import { QuotaLine } from './quota-line';
import { SourceImageField } from './source-image-field';
import { ModeField } from './mode-field';
import { PlotField } from './plot-field';
import { PromptBField } from './prompt-b-field';
import { PromptField } from './prompt-field';
import { RecentPrompts } from './recent-prompts';
import { SeedField } from './seed-field';
import { StepsSlider } from './steps-slider';
import { StylesField } from './styles-field';

/** `onPlot` keeps a plot's record before its cells are queued (a plot that cannot be kept does not start). */
export function FormPanel({ config, onPlot, notices }: { config: StudioConfig; onPlot?: (record: PlotRecord) => Promise<void> | void; notices?: ReactNode }) {
  const modeChosen = useFormStore((s) => s.mode);
  const choices = useFormStore(useShallow(choicesOf));
  const formatChosen = useFormStore((s) => s.response_format);
  const setNumInferenceSteps = useFormStore((s) => s.setNumInferenceSteps);
  const setResponseFormat = useFormStore((s) => s.setResponseFormat);
  // Whether Generate can run, not the text: typing does not re-render the form.
  const ready = useFormStore((s) => s.prompt.trim().length > 0 && (s.mode !== 'ab' || s.promptB.trim().length > 0) && s.seedDraft === null);
  // The format chosen, if the chosen endpoint answers with it; its own default otherwise.
  const formatEndpoint = resolveForm(choices, config.endpoints).endpoint;
  const response_format = formatChosen && formatEndpoint.formats.includes(formatChosen) ? formatChosen : formatEndpoint.default_format;
  const plot = usePlotCheck(modeChosen === 'plot', config.endpoints, response_format);
  // Why the last start failed (a plot's plan failed as it started, or it could not be kept).
  const [startError, setStartError] = useState<string | null>(null);
  // Any change to the form may have fixed it: it is said again only if the next start fails too.
  useEffect(() => useFormStore.subscribe(() => setStartError(null)), []);
  const jobs = useQueueStore((s) => s.jobs);
  const enqueue = useQueueStore((s) => s.enqueue);
  const cancelAll = useQueueStore((s) => s.cancelAll);
  const setConcurrency = useQueueStore((s) => s.setConcurrency);
  useEffect(() => {
    setConcurrency(config.concurrency);
  }, [config.concurrency, setConcurrency]);

  const { endpoints, image_input_bytes } = config;
  const format = response_format;
  const chosen = resolveForm(choices, endpoints);
  const mode = effectiveMode(modeChosen, chosen.guidanceRange);
  const { num_inference_steps } = chosen;
  const range = chosen.endpoint.steps;
  const running = jobs.filter((j) => j.status === 'running');
  const active = running.length + jobs.filter((j) => j.status === 'waiting').length;
  const lastFinished = jobs.filter((j) => j.finishedAt).sort((a, b) => b.finishedAt! - a.finishedAt!)[0];
  const plotError = plot?.error ?? null;

  // One pipeline for every mode: plan (the planner loads on first use, prefetched once the page is
  // idle), keep a plot's record, queue, then remember the prompt and the seed.
  const submit = async () => {
    // The plot group and the alert already say why a plot cannot run.
    if (!ready || (mode === 'plot' && plotError)) return;
    // The form as it was when Generate was pressed: what is typed while the planner loads is not in it.
    const s = useFormStore.getState();
    const input = { state: s, endpoints, response_format: format, randomSeed, id: crypto.randomUUID(), now: Date.now() };
    const run = mode === 'plot' ? (await import('@/features/generate/utils/plot-run')).plotFromForm(input) : (await import('@/features/generate/utils/plan-jobs')).jobsFromForm(input);
    if (!run.ok) return setStartError(run.error);
    if (run.plot) {
      try {
        await onPlot?.(run.plot.record);
      } catch (err) {
        return setStartError(`The plot could not be kept in this browser, so it did not start: ${err instanceof Error ? err.message : String(err)}`);
      }
      void enqueuePlotCells(run.plot.record, run.plot.toRun);
    } else enqueue(run.specs);
    setStartError(null);
    s.remember(s.prompt);
    if (s.mode === 'ab') s.remember(s.promptB);
    s.submitted(run.seed);
  };

  return (
    <form
      aria-label="Generate"
      className="flex flex-col gap-5"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <PromptField />
      {chosen.source && <p className="-mt-3 text-xs font-medium text-violet-700 dark:text-violet-300">Generate edits the source image; the prompt is the edit’s instruction.</p>}
      <RecentPrompts />
      {/* Right under the prompt: Edit (from the gallery or the viewer) puts its image here, in view
          where the instruction is typed, not below the fold of a long form. */}
      {chosen.endpoint.edit && <SourceImageField maxBytes={image_input_bytes} />}
      <EndpointField endpoints={endpoints} endpoint={chosen.endpoint} adapter={chosen.adapter} />
      <ModeField guidanceRange={chosen.guidanceRange} />
      {mode === 'ab' && <PromptBField />}
      {mode === 'plot' && plot && <PlotField endpoints={endpoints} endpoint={chosen.endpoint} guidanceRange={chosen.guidanceRange} check={plot} />}
      {mode !== 'steps' && <StepsSlider range={range} value={num_inference_steps} onChange={setNumInferenceSteps} />}
      {chosen.guidanceRange && mode !== 'guidance' && <GuidanceField range={chosen.guidanceRange} guidance_scale={chosen.guidance_scale} />}
      {chosen.endpoint.control_images > 0 && <ControlImagesField limit={chosen.endpoint.control_images} maxBytes={image_input_bytes} />}
      <SeedField />
      <FormatSelect endpoint={chosen.endpoint} value={format} onChange={setResponseFormat} />
      <StylesField />
      <QueuePanel />
      <div className="fixed inset-x-0 bottom-0 z-30 flex flex-col gap-2 border-t border-zinc-200 bg-white/95 px-4 py-3 shadow-[0_-4px_12px_rgb(0_0_0/0.06)] backdrop-blur lg:sticky lg:inset-x-auto lg:-bottom-5 lg:-mx-5 lg:-mb-5 lg:rounded-b-2xl lg:px-5 lg:pb-5 dark:border-zinc-800 dark:bg-zinc-900/95">
        <div className="flex items-center gap-3">
          <button
            type="submit"
            disabled={!ready || (mode === 'plot' && plotError !== null)}
            className="flex-1 rounded-lg bg-violet-600 px-4 py-2.5 font-semibold text-white shadow-sm hover:bg-violet-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-500 disabled:cursor-not-allowed disabled:opacity-50"
          >
            Generate
          </button>
          {active > 0 && (
            <button type="button" onClick={cancelAll} className={secondaryButtonClass}>
              Cancel
            </button>
          )}
        </div>
        <QuotaLine />
        {running[0]?.startedAt && (
          <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
            Generating… <Elapsed since={running[0].startedAt} />
            {active > 1 && ` · ${active} in the queue`}
          </p>
        )}
        {mode === 'plot' && (plotError ?? startError) && (
          <p role="alert" className="max-h-32 overflow-y-auto rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-300">
            {plotError ?? startError}
          </p>
        )}
        {lastFinished && (lastFinished.status === 'failed' || lastFinished.status === 'cancelled') && (
          <p role="alert" className="max-h-32 overflow-y-auto rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-300">
            {lastFinished.error}
          </p>
        )}
        {notices}
      </div>
    </form>
  );
}
