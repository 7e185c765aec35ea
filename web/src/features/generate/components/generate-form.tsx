// The control panel: prompt, steps, seed, format, Generate (Ctrl/Cmd+Enter) and Cancel. Errors show
// here, in an alert, and leave the form exactly as it was.
import { useRef } from 'react';
import type { GenerateRequest, GenerateResponse } from '../../../../../server/contract';
import { useConfig } from '../api/get-config';
import { useGenerateImage } from '../api/generate-image';
import { useFormStore } from '../stores/form-store';
import { describeError } from '../utils/error-advice';
import { Elapsed } from './elapsed';
import { secondaryButtonClass } from './field';
import { FormatSelect } from './format-select';
import { PromptField } from './prompt-field';
import { SeedField } from './seed-field';
import { StepsSlider } from './steps-slider';

export interface GeneratedResult {
  response: GenerateResponse;
  request: GenerateRequest & { num_inference_steps: number; response_format: NonNullable<GenerateRequest['response_format']> };
}

export function GenerateForm({ onGenerated }: { onGenerated(result: GeneratedResult): void }) {
  const config = useConfig();
  const form = useFormStore();
  const generate = useGenerateImage();
  const controller = useRef<AbortController | null>(null);

  if (config.isPending) return <p className="text-sm text-zinc-500">Loading the studio…</p>;
  if (config.isError) {
    return <p role="alert" className="text-sm text-red-700 dark:text-red-400">Could not load the studio’s settings: {config.error.message} Reload the page to try again.</p>;
  }
  const { steps: range, formats, default_format } = config.data;
  const steps = Math.min(range.max, Math.max(range.min, form.steps ?? range.default));
  const format = form.format && formats.includes(form.format) ? form.format : default_format;
  const canGenerate = form.prompt.trim().length > 0 && !generate.isPending;

  const submit = () => {
    if (!canGenerate) return;
    const abort = new AbortController();
    controller.current = abort;
    const request = { prompt: form.prompt, num_inference_steps: steps, response_format: format, ...(form.seed !== null ? { seed: form.seed } : {}) };
    generate.mutate(
      { body: request, signal: abort.signal },
      {
        onSuccess: (response) => {
          useFormStore.getState().generated(response.images[0]!.seed);
          onGenerated({ response, request });
        },
      },
    );
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
      <StepsSlider range={range} value={steps} onChange={form.setSteps} />
      <SeedField />
      <FormatSelect formats={formats} value={format} onChange={form.setFormat} />
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={!canGenerate}
          className="flex-1 rounded-lg bg-violet-600 px-4 py-2.5 font-semibold text-white shadow-sm hover:bg-violet-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-500 disabled:cursor-not-allowed disabled:opacity-50"
        >
          Generate
        </button>
        {generate.isPending && (
          <button type="button" onClick={() => controller.current?.abort()} className={secondaryButtonClass}>
            Cancel
          </button>
        )}
      </div>
      {generate.isPending && (
        <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
          Generating… <Elapsed since={generate.submittedAt} />
        </p>
      )}
      {generate.isError && (
        <p role="alert" className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-300">
          {describeError(generate.error)}
        </p>
      )}
    </form>
  );
}
