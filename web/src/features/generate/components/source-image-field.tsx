// An edit's source image: chosen as a file, pasted or dropped onto the group (or sent from the
// gallery's Edit). While one is set, Generate edits it.
import { useEffect, useState } from 'react';
import { useFormStore } from '@/features/generate/stores/form-store';
import { useImageDrop } from '@/features/generate/hooks/use-image-drop';
import { takeInputImage } from '@/features/generate/utils/take-input-image';
import { latestOnly } from '@/features/generate/utils/latest-only';
import { groupClass, labelClass, overClass, secondaryButtonClass } from './field';
import { ImageFilePicker } from './image-file-picker';
import { InputThumb } from './input-thumb';

export function SourceImageField({ maxBytes }: { maxBytes: number }) {
  const source = useFormStore((s) => s.source);
  const setSource = useFormStore((s) => s.setSource);
  const [problem, setProblem] = useState<string | null>(null);
  const [reads] = useState(latestOnly);
  // Any other change of the source (Remove, a gallery image's Edit) outdates a file still being read.
  useEffect(() => useFormStore.subscribe((s, before) => s.source !== before.source && reads.cancel()), [reads]);
  const take = async (file: File) => {
    const current = reads.start();
    const taken = await takeInputImage(file, maxBytes);
    if (!current()) return;
    setProblem(taken.problem ?? null);
    if (taken.ref) setSource(taken.ref);
  };
  const { over, props } = useImageDrop((file) => void take(file));
  return (
    // Focusable (not in the tab order) so that a click on it makes a paste land here.
    <fieldset {...props} tabIndex={-1} className={`${groupClass} ${over ? overClass : ''}`}>
      <legend className={`${labelClass} px-1`}>Source image</legend>
      {source ? (
        <div className="flex items-center justify-between gap-3">
          <InputThumb image={source} alt="The source image" />
          <button type="button" onClick={() => (setSource(null), setProblem(null))} className={secondaryButtonClass}>
            Remove source image
          </button>
        </div>
      ) : (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">None: Generate makes a new image.</p>
      )}
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <ImageFilePicker name="Source image file" text={source ? 'Choose another…' : 'Choose a file…'} onFile={(file) => void take(file)} />
        <span className="text-xs text-zinc-500 dark:text-zinc-400">{source ? 'or paste or drop one here' : 'or paste or drop an image here to edit it'}</span>
      </div>
      {problem && <p role="alert" className="text-sm text-red-700 dark:text-red-400">{problem}</p>}
    </fieldset>
  );
}
