// How two compared images are shown: side by side, slider, fade or difference.
import { useRef } from 'react';

export type CompareView = 'side' | 'slider' | 'fade' | 'difference';
const MODES: [CompareView, string][] = [['side', 'Side by side'], ['slider', 'Slider'], ['fade', 'Fade'], ['difference', 'Difference']];

/** Side by side, slider, fade, difference: a radio group, arrow keys moving the choice (ARIA radio pattern). */
export function ViewRadios({ mode, onChange }: { mode: CompareView; onChange(mode: CompareView): void }) {
  const group = useRef<HTMLDivElement>(null);
  const move = (delta: number) => {
    const i = MODES.findIndex(([m]) => m === mode);
    const next = (i + delta + MODES.length) % MODES.length;
    onChange(MODES[next]![0]);
    group.current?.querySelectorAll<HTMLElement>('[role=radio]')[next]?.focus();
  };
  return (
    <div
      ref={group}
      role="radiogroup"
      aria-label="View"
      className="order-last flex gap-1 rounded-lg bg-zinc-100 p-1 text-xs sm:order-none dark:bg-zinc-800"
      onKeyDown={(e) => {
        const delta = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
        if (!delta) return;
        e.preventDefault();
        move(delta);
      }}
    >
      {MODES.map(([value, label]) => (
        <button
          key={value}
          type="button"
          role="radio"
          aria-checked={mode === value}
          tabIndex={mode === value ? 0 : -1}
          onClick={() => onChange(value)}
          className={`rounded-md px-2.5 py-1 focus-visible:outline-2 focus-visible:outline-violet-500 ${mode === value ? 'bg-white shadow-sm dark:bg-zinc-950' : ''}`}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
