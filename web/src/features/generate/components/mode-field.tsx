// One image or a batch, a steps sweep, a seed sweep, or two prompts side by side.
import { MAX_COUNT, type Mode } from '@/features/generate/utils/mode';
import { useFormStore } from '@/features/generate/stores/form-store';
import { inputClass, labelClass } from './field';

const MODES: [Mode, string][] = [
  ['single', 'Images'],
  ['steps', 'Steps sweep'],
  ['seeds', 'Seed sweep'],
  ['ab', 'Prompt A/B'],
];

export function ModeField() {
  const mode = useFormStore((s) => s.mode);
  const count = useFormStore((s) => s.count);
  const setMode = useFormStore((s) => s.setMode);
  const setCount = useFormStore((s) => s.setCount);
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className={`${labelClass} mb-1.5`}>Mode</legend>
      <div className="grid grid-cols-2 gap-1 rounded-lg bg-zinc-100 p-1 text-sm dark:bg-zinc-800">
        {MODES.map(([value, label]) => (
          <label key={value} className="flex cursor-pointer items-center justify-center rounded-md px-2 py-1.5 has-checked:bg-white has-checked:shadow-sm has-focus-visible:outline-2 has-focus-visible:outline-violet-500 dark:has-checked:bg-zinc-950">
            <input type="radio" name="mode" value={value} checked={mode === value} onChange={() => setMode(value)} className="sr-only" />
            {label}
          </label>
        ))}
      </div>
      {(mode === 'single' || mode === 'seeds') && (
        <div className="flex items-center gap-3">
          <label htmlFor="count" className={labelClass}>Count</label>
          <input id="count" type="number" min={1} max={MAX_COUNT} value={count} onChange={(e) => setCount(Math.min(MAX_COUNT, Math.max(1, Number(e.target.value) || 1)))} className={`${inputClass} w-20 tabular-nums`} />
          <span className="text-xs text-zinc-500">{mode === 'seeds' ? `${count === 1 ? 'seed' : 'seeds'}, same prompt and steps` : `${count === 1 ? 'image' : 'images (a typed seed counts up)'}`}</span>
        </div>
      )}
    </fieldset>
  );
}
