import { SEED_MAX } from '@/lib/params';
import { useFormStore } from '@/features/generate/stores/form-store';
import { inputClass, labelClass, secondaryButtonClass } from './field';

/** What the next generations will use, said the same way the queue will act on it. */
function seedHint(seed: number | null, locked: boolean) {
  if (locked) return seed === null ? 'a random seed now, then kept' : 'this seed every time';
  return seed === null ? 'a new random seed each time' : 'this seed for the next run, then random';
}

/**
 * Seed: empty means random; "Lock seed" keeps it for the next generations. Text that is not a
 * whole number from 0 to SEED_MAX stays as typed, with a message, and Generate waits for a fix.
 */
export function SeedField() {
  const seed = useFormStore((s) => s.seed);
  const seedDraft = useFormStore((s) => s.seedDraft);
  const seedLocked = useFormStore((s) => s.seedLocked);
  const setSeed = useFormStore((s) => s.setSeed);
  const setSeedDraft = useFormStore((s) => s.setSeedDraft);
  const setSeedLocked = useFormStore((s) => s.setSeedLocked);
  const randomizeSeed = useFormStore((s) => s.randomizeSeed);
  const invalid = seedDraft !== null;
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor="seed" className={labelClass}>Seed</label>
      <div className="flex gap-2">
        <input
          id="seed"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder="Random"
          aria-invalid={invalid}
          aria-describedby={invalid ? 'seed-error' : 'seed-hint'}
          value={seedDraft ?? (seed === null ? '' : String(seed))}
          onChange={(e) => {
            const value = e.target.value.trim();
            if (value === '') setSeed(null);
            else if (/^\d+$/.test(value) && Number(value) <= SEED_MAX) setSeed(Number(value));
            else setSeedDraft(e.target.value);
          }}
          className={`${inputClass} min-w-0 flex-1 tabular-nums ${invalid ? 'border-red-600 dark:border-red-500' : ''}`}
        />
        <button type="button" onClick={randomizeSeed} className={secondaryButtonClass}>Random seed</button>
      </div>
      {invalid && (
        <p id="seed-error" role="alert" className="text-xs text-red-700 dark:text-red-400">
          A seed is a whole number from 0 to {SEED_MAX}. Correct it, or empty the field for a random seed.
        </p>
      )}
      <label className="flex items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
        <input type="checkbox" checked={seedLocked} onChange={(e) => setSeedLocked(e.target.checked)} className="size-4 accent-violet-600" />
        Lock seed
        <span id="seed-hint" className="text-xs text-zinc-600 dark:text-zinc-400">{seedHint(seed, seedLocked)}</span>
      </label>
    </div>
  );
}
