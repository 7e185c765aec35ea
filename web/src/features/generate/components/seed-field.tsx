import { SEED_MAX } from '../../../lib/params';
import { useFormStore } from '../stores/form-store';
import { inputClass, labelClass, secondaryButtonClass } from './field';

/** Seed: empty means random; "Lock seed" keeps it for the next generations. */
export function SeedField() {
  const { seed, seedLocked, setSeed, setSeedLocked, randomizeSeed } = useFormStore();
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor="seed" className={labelClass}>Seed</label>
      <div className="flex gap-2">
        <input
          id="seed"
          type="number"
          inputMode="numeric"
          min={0}
          max={SEED_MAX}
          step={1}
          placeholder="Random"
          value={seed ?? ''}
          onChange={(e) => {
            const value = e.target.value.trim();
            const n = Number(value);
            setSeed(value === '' || !Number.isInteger(n) ? null : Math.min(SEED_MAX, Math.max(0, n)));
          }}
          className={`${inputClass} min-w-0 flex-1 tabular-nums`}
        />
        <button type="button" onClick={randomizeSeed} className={secondaryButtonClass}>Random seed</button>
      </div>
      <label className="flex items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
        <input type="checkbox" checked={seedLocked} onChange={(e) => setSeedLocked(e.target.checked)} className="size-4 accent-violet-600" />
        Lock seed
        <span className="text-xs text-zinc-500">{seedLocked ? 'the same seed every time' : 'a new random seed each time'}</span>
      </label>
    </div>
  );
}
