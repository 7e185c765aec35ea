// Control images for a generation (up to the endpoint's limit), each with its controlnet weight:
// added as a file, pasted or dropped onto the group (or from the gallery). Edits take none, so
// while a source is set the group only says so.
import { useState } from 'react';
import { useFormStore } from '@/features/generate/stores/form-store';
import { useImageDrop } from '@/features/generate/hooks/use-image-drop';
import { latestOnly } from '@/features/generate/utils/latest-only';
import { takeInputImage } from '@/features/generate/utils/take-input-image';
import { groupClass, labelClass, overClass, secondaryButtonClass } from './field';
import { ImageFilePicker } from './image-file-picker';
import { InputThumb } from './input-thumb';

export function ControlImagesField({ limit, maxBytes }: { limit: number; maxBytes: number }) {
  const controls = useFormStore((s) => s.controls);
  const editing = useFormStore((s) => s.source !== null);
  const addControl = useFormStore((s) => s.addControl);
  const removeControl = useFormStore((s) => s.removeControl);
  const setWeight = useFormStore((s) => s.setControlWeight);
  const [problem, setProblem] = useState<string | null>(null);
  const full = controls.length >= limit;
  // Images are added as each read ends; the message is the one of the file given last.
  const [reads] = useState(latestOnly);
  const take = async (file: File) => {
    const latest = reads.start();
    const full = `This endpoint takes at most ${limit} control ${limit === 1 ? 'image' : 'images'}: remove one first.`;
    if (useFormStore.getState().controls.length >= limit) return setProblem(full);
    const taken = await takeInputImage(file, maxBytes);
    // Counted again: another image may have been added while this one was read.
    if (taken.ref && useFormStore.getState().controls.length >= limit) return latest() && setProblem(full);
    if (taken.ref) addControl(taken.ref);
    if (latest()) setProblem(taken.problem ?? null);
  };
  const { over, props } = useImageDrop((file) => void take(file));
  if (editing) {
    return (
      <p className="text-xs text-zinc-500">
        Control images are not used in edits{controls.length ? ` (the ${controls.length} added are kept for your next generation)` : ''}. Remove the source image to use them.
      </p>
    );
  }
  return (
    <fieldset {...props} tabIndex={-1} className={`${groupClass} ${over ? overClass : ''}`}>
      <legend className={`${labelClass} px-1`}>Control images</legend>
      {controls.length === 0 && <p className="text-xs text-zinc-500 dark:text-zinc-400">None. Up to {limit} steer the composition (a sketch, a pose).</p>}
      <ol className="flex flex-col gap-3">
        {controls.map((control, i) => {
          const n = i + 1;
          return (
            <li key={`${control.image.hash}-${i}`} className="flex flex-col gap-2">
              <div className="flex items-center justify-between gap-3">
                <InputThumb image={control.image} alt={`Control image ${n}`} />
                <button type="button" aria-label={`Remove control image ${n}`} onClick={() => (removeControl(i), setProblem(null))} className={secondaryButtonClass}>
                  Remove
                </button>
              </div>
              <div className="flex items-center gap-3">
                <label htmlFor={`control-weight-${n}`} className="shrink-0 text-xs text-zinc-600 dark:text-zinc-400">Control weight {n}</label>
                <input id={`control-weight-${n}`} type="range" min={0} max={1} step={0.05} value={control.weight} onChange={(e) => setWeight(i, Number(e.target.value))} className="min-w-0 flex-1 accent-violet-600" />
                <output htmlFor={`control-weight-${n}`} className="w-9 text-right text-sm tabular-nums">{control.weight.toFixed(2)}</output>
              </div>
              {i >= limit && <p className="text-xs text-amber-700 dark:text-amber-300">This endpoint takes {limit}: this one is not sent.</p>}
            </li>
          );
        })}
      </ol>
      {full ? (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">That is this endpoint’s limit of {limit}.</p>
      ) : (
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <ImageFilePicker name="Control image file" text={controls.length ? 'Add another…' : 'Choose a file…'} onFile={(file) => void take(file)} />
          <span className="text-xs text-zinc-500 dark:text-zinc-400">or paste or drop an image here, or use one from the gallery</span>
        </div>
      )}
      {problem && <p role="alert" className="text-sm text-red-700 dark:text-red-400">{problem}</p>}
    </fieldset>
  );
}
