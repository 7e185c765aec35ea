// One image or a batch, a steps sweep, a seed sweep, a guidance sweep (when the endpoint takes
// guidance), two prompts side by side, or an X/Y plot (its settings are the plot field's).
import type { GuidanceRange } from '@server/contract';
import { effectiveMode, MAX_COUNT, type Mode } from '@/features/generate/utils/mode';
import { guidanceValues } from '@/features/generate/utils/guidance-values';
import { useFormStore } from '@/features/generate/stores/form-store';
import { inputClass, labelClass } from './field';

const MODES: [Mode, string][] = [
  ['single', 'Images'],
  ['steps', 'Steps sweep'],
  ['guidance', 'Guidance sweep'],
  ['seeds', 'Seed sweep'],
  ['ab', 'Prompt A/B'],
  ['plot', 'X/Y plot'],
];

export { effectiveMode };

export function ModeField({ guidanceRange }: { guidanceRange: GuidanceRange | false }) {
  const mode = effectiveMode(useFormStore((s) => s.mode), guidanceRange);
  const batchCount = useFormStore((s) => s.count);
  const guidanceCount = useFormStore((s) => s.guidanceCount);
  const setMode = useFormStore((s) => s.setMode);
  const setBatchCount = useFormStore((s) => s.setCount);
  const setGuidanceCount = useFormStore((s) => s.setGuidanceCount);
  // A guidance sweep has its own count: leaving it leaves the batch's Count as it was.
  const count = mode === 'guidance' ? guidanceCount : batchCount;
  const setCount = mode === 'guidance' ? setGuidanceCount : setBatchCount;
  const modes = guidanceRange ? MODES : MODES.filter(([m]) => m !== 'guidance');
  const min = mode === 'guidance' ? 2 : 1;
  const shownCount = Math.max(min, count);
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className={`${labelClass} mb-1.5`}>Mode</legend>
      <div className="grid grid-cols-2 gap-1 rounded-lg bg-zinc-100 p-1 text-sm dark:bg-zinc-800">
        {modes.map(([value, label]) => (
          <label key={value} className="flex cursor-pointer items-center justify-center rounded-md px-2 py-1.5 has-checked:bg-white has-checked:shadow-sm has-focus-visible:outline-2 has-focus-visible:outline-violet-500 dark:has-checked:bg-zinc-950">
            <input type="radio" name="mode" value={value} checked={mode === value} onChange={() => setMode(value)} className="sr-only" />
            {label}
          </label>
        ))}
      </div>
      {(mode === 'single' || mode === 'seeds' || mode === 'guidance') && (
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <label htmlFor="count" className={labelClass}>Count</label>
          <input id="count" type="number" min={min} max={MAX_COUNT} value={shownCount} onChange={(e) => setCount(Math.min(MAX_COUNT, Math.max(min, Number(e.target.value) || min)))} className={`${inputClass} w-20 tabular-nums`} />
          <span className="text-xs text-zinc-500">
            {mode === 'seeds' ? `${count === 1 ? 'seed' : 'seeds'}, same prompt and steps` : mode === 'guidance' ? 'values, same prompt, seed and steps' : `${count === 1 ? 'image' : 'images (a typed seed counts up)'}`}
          </span>
          {mode === 'guidance' && guidanceRange && (
            <p className="w-full text-xs text-zinc-600 dark:text-zinc-400">At guidance scale {guidanceValues(guidanceRange, shownCount).join(', ')}</p>
          )}
        </div>
      )}
    </fieldset>
  );
}
