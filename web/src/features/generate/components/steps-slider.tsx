import type { StepRange } from '@server/contract';
import { labelClass } from './field';

export function StepsSlider({ range, value, onChange }: { range: StepRange; value: number; onChange(steps: number): void }) {
  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-baseline justify-between">
        <label htmlFor="steps" className={labelClass}>Steps</label>
        <output htmlFor="steps" className="text-sm tabular-nums text-zinc-900 dark:text-zinc-100">{value}</output>
      </div>
      <input
        id="steps"
        type="range"
        min={range.min}
        max={range.max}
        step={1}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
        className="accent-violet-600"
      />
      <div className="flex justify-between text-xs text-zinc-500">
        <span>{range.min} · fast, rough</span>
        <span>{range.max} · slow, clean</span>
      </div>
    </div>
  );
}
