// A labelled slider with its value said beside the label and what each end means below it (steps,
// guidance scale); anything given as children follows (a checkbox).
import type { ReactNode } from 'react';
import { labelClass } from './field';

interface Props {
  id: string;
  label: string;
  /** The value as said beside the label. */
  said: ReactNode;
  min: number;
  max: number;
  step: number;
  value: number;
  disabled?: boolean;
  onChange(value: number): void;
  /** What the lowest and the highest value mean. */
  ends: [string, string];
  children?: ReactNode;
}

export function RangeField({ id, label, said, min, max, step, value, disabled, onChange, ends, children }: Props) {
  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-baseline justify-between">
        <label htmlFor={id} className={labelClass}>{label}</label>
        <output htmlFor={id} className="text-sm tabular-nums text-zinc-900 dark:text-zinc-100">{said}</output>
      </div>
      <input id={id} type="range" min={min} max={max} step={step} value={value} disabled={disabled} onChange={(e) => onChange(Number(e.target.value))} className="accent-violet-600 disabled:opacity-50" />
      <div className="flex justify-between text-xs text-zinc-500">
        <span>{min} · {ends[0]}</span>
        <span>{max} · {ends[1]}</span>
      </div>
      {children}
    </div>
  );
}
