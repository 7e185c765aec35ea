// The control panel: prompt (and prompt B), mode, steps, seed, format and styles; Generate (also
// Ctrl/Cmd+Enter) queues the jobs. Generate sits in an action bar that is always on screen (pinned
// to the panel's bottom on wide screens, to the window's on a phone), with elapsed time, Cancel,
// the newest failure (an alert that leaves the form exactly as it was) and the app's own notices.
import { useEffect, type ReactNode } from 'react';
import { useConfig } from '@/features/generate/api/get-config';
import { randomSeed, useFormStore } from '@/features/generate/stores/form-store';
import { useQueueStore } from '@/features/generate/stores/queue-store';
import { planJobs } from '@/features/generate/utils/plan-jobs';
import { BUILT_IN_STYLES } from '@/features/generate/utils/styles';
import { Elapsed } from './elapsed';
import { inputClass, labelClass, secondaryButtonClass } from './field';
import { FormatSelect } from './format-select';
import { ModeField } from './mode-field';
import { PromptField, submitOnCtrlEnter } from './prompt-field';
import { QueuePanel } from './queue-panel';
import { RecentPrompts } from './recent-prompts';
import { SeedField } from './seed-field';
import { StepsSlider } from './steps-slider';
import { StylesField } from './styles-field';

export function GenerateForm({ notices }: { notices?: ReactNode }) {
  const config = useConfig();
  const form = useFormStore();
  const { jobs, enqueue, cancelAll, setConcurrency } = useQueueStore();
  useEffect(() => {
    if (config.data) setConcurrency(config.data.concurrency);
  }, [config.data, setConcurrency]);

  if (config.isPending) return <p className="text-sm text-zinc-500">Loading the studio…</p>;
  if (config.isError) {
    return <p role="alert" className="text-sm text-red-700 dark:text-red-400">Could not load the studio’s settings: {config.error.message} Reload the page to try again.</p>;
  }
  const { steps: range, formats, default_format } = config.data;
  const steps = Math.min(range.max, Math.max(range.min, form.steps ?? range.default));
  const format = form.format && formats.includes(form.format) ? form.format : default_format;
  const ready = form.prompt.trim().length > 0 && (form.mode !== 'ab' || form.promptB.trim().length > 0) && form.seedDraft === null;
  const running = jobs.filter((j) => j.status === 'running');
  const active = running.length + jobs.filter((j) => j.status === 'waiting').length;
  const lastFinished = jobs.filter((j) => j.finishedAt).sort((a, b) => b.finishedAt! - a.finishedAt!)[0];

  const submit = () => {
    if (!ready) return;
    const styles = [...BUILT_IN_STYLES, ...form.customStyles].filter((s) => form.activeStyles.includes(s.name));
    const specs = planJobs({ mode: form.mode, prompt: form.prompt, promptB: form.promptB, steps, range, seed: form.seed, locked: form.seedLocked, count: form.count, format, styles }, randomSeed);
    enqueue(specs);
    form.remember(form.prompt);
    if (form.mode === 'ab') form.remember(form.promptB);
    form.submitted(specs[0]!.request.seed ?? undefined);
  };

  return (
    <form
      aria-label="Generate"
      className="flex flex-col gap-5"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <PromptField />
      <RecentPrompts />
      <ModeField />
      {form.mode === 'ab' && (
        <div className="flex flex-col gap-1.5">
          <label htmlFor="prompt-b" className={labelClass}>Prompt B</label>
          <textarea id="prompt-b" rows={3} value={form.promptB} onChange={(e) => form.setPromptB(e.target.value)} onKeyDown={submitOnCtrlEnter} className={`${inputClass} resize-y`} />
        </div>
      )}
      {form.mode !== 'steps' && <StepsSlider range={range} value={steps} onChange={form.setSteps} />}
      <SeedField />
      <FormatSelect formats={formats} value={format} onChange={form.setFormat} />
      <StylesField />
      <QueuePanel />
      <div className="fixed inset-x-0 bottom-0 z-30 flex flex-col gap-2 border-t border-zinc-200 bg-white/95 px-4 py-3 shadow-[0_-4px_12px_rgb(0_0_0/0.06)] backdrop-blur lg:sticky lg:inset-x-auto lg:-bottom-5 lg:-mx-5 lg:-mb-5 lg:rounded-b-2xl lg:px-5 lg:pb-5 dark:border-zinc-800 dark:bg-zinc-900/95">
        <div className="flex items-center gap-3">
          <button
            type="submit"
            disabled={!ready}
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
        {running[0]?.startedAt && (
          <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
            Generating… <Elapsed since={running[0].startedAt} />
            {active > 1 && ` · ${active} in the queue`}
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
